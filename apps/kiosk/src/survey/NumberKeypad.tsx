import type { Translate } from '../messages';

export interface TypedNumber {
  prefix: string;
  digits: string;
}

export const EMPTY_NUMBER: TypedNumber = { prefix: '', digits: '' };
export const numberLabel = ({ prefix, digits }: TypedNumber): string =>
  prefix && digits ? `${prefix}-${digits.padStart(3, '0')}` : `${prefix}${digits}`;

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Big keys: the letters of the building's services, then the digits, erase and continue. */
export function NumberKeypad(props: {
  t: Translate;
  prefixes: string[];
  value: TypedNumber;
  busy: boolean;
  onChange: (next: TypedNumber) => void;
  onSubmit: () => void;
}) {
  const { t, value, onChange } = props;
  const ready = value.prefix !== '' && value.digits !== '';
  const erase = (): void =>
    onChange(
      value.digits ? { ...value, digits: value.digits.slice(0, -1) } : { ...value, prefix: '' },
    );
  return (
    <div className="keypad">
      <div className="keypad-letters" role="group" aria-label={t('numberTitle')}>
        {props.prefixes.map((prefix) => (
          <button
            key={prefix}
            type="button"
            className="key key-letter"
            aria-pressed={value.prefix === prefix}
            onClick={() => onChange({ prefix, digits: value.digits })}
          >
            {prefix}
          </button>
        ))}
      </div>
      <div className="keypad-digits">
        {DIGITS.map((digit) => (
          <button
            key={digit}
            type="button"
            className="key key-digit"
            disabled={value.digits.length >= 4}
            onClick={() => onChange({ ...value, digits: value.digits + digit })}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="key key-erase"
          disabled={!value.prefix && !value.digits}
          onClick={erase}
        >
          <span aria-hidden="true">⌫</span> {t('erase')}
        </button>
        <button
          type="button"
          className="key key-digit"
          disabled={value.digits.length >= 4}
          onClick={() => onChange({ ...value, digits: value.digits + '0' })}
        >
          0
        </button>
      </div>
      <button
        type="button"
        className="primary-button key-submit"
        disabled={!ready || props.busy}
        onClick={props.onSubmit}
      >
        {props.busy ? t('checking') : t('check')}
      </button>
    </div>
  );
}
