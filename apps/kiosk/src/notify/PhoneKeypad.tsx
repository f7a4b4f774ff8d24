import type { MessageKey } from '../messages';

interface Props {
  t: (key: MessageKey) => string;
  digits: string;
  max: number;
  onChange: (digits: string) => void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A phone's keypad, large: no system keyboard ever opens on the kiosk. */
export function PhoneKeypad({ t, digits, max, onChange }: Props) {
  const full = digits.length >= max;
  const digitKey = (digit: string) => (
    <button
      key={digit}
      type="button"
      className="phone-key"
      disabled={full}
      onClick={() => onChange(digits + digit)}
    >
      {digit}
    </button>
  );
  return (
    <div className="phone-keypad" role="group" aria-label={t('phoneKeys')}>
      {DIGITS.map(digitKey)}
      <button
        type="button"
        className="phone-key phone-key-word"
        disabled={digits === ''}
        onClick={() => onChange('')}
      >
        {t('keyClear')}
      </button>
      {digitKey('0')}
      <button
        type="button"
        className="phone-key phone-key-word"
        disabled={digits === ''}
        onClick={() => onChange(digits.slice(0, -1))}
      >
        <span aria-hidden="true">⌫</span> {t('keyErase')}
      </button>
    </div>
  );
}
