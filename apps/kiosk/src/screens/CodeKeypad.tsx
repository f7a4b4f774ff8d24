import type { MessageKey } from '../messages';

interface Props {
  t: (key: MessageKey) => string;
  letters: string;
  code: string;
  /** The shown code was refused: the next key starts a new one (erase still edits it). */
  fresh: boolean;
  max: number;
  ready: boolean;
  busy: boolean;
  onChange: (code: string) => void;
  onSubmit: () => void;
}

/** Big keys for every character of the booking code alphabet, then erase and check in. */
export function CodeKeypad(props: Props) {
  const { t, letters, code, fresh, max, ready, busy, onChange, onSubmit } = props;
  return (
    <div className="code-keypad">
      <div className="code-keys" role="group" aria-label={t('checkInKeys')}>
        {[...letters].map((key) => (
          <button
            key={key}
            type="button"
            className="code-key"
            disabled={!fresh && code.length >= max}
            onClick={() => onChange((fresh ? '' : code) + key)}
          >
            {key}
          </button>
        ))}
      </div>
      <div className="code-actions">
        <button
          type="button"
          className="code-key code-erase"
          disabled={code === ''}
          onClick={() => onChange(code.slice(0, -1))}
        >
          <span aria-hidden="true">⌫</span> {t('checkInErase')}
        </button>
        <button
          type="button"
          className="primary-button code-submit"
          disabled={!ready}
          onClick={onSubmit}
        >
          {busy ? t('checking') : t('checkInSubmit')}
        </button>
      </div>
    </div>
  );
}
