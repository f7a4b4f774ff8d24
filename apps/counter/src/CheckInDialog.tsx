import type { Language } from '@antre/ui';
import { errorText, formatClock, formatDate } from '@antre/ui';
import type { FormEvent, KeyboardEvent } from 'react';
import { useState } from 'react';
import type { CheckInAnswer } from './booking-check-in';
import { checkInByCode } from './booking-check-in';
import type { Translate } from './messages';

/** "Check-in pesanan": the officer types (or scans) a booking code; stays open for the next. */
export function CheckInDialog(props: {
  t: Translate;
  language: Language;
  token: string;
  onClose: () => void;
}) {
  const { t } = props;
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<CheckInAnswer | null>(null);
  const ready = /^[A-Z0-9]{6,10}$/.test(code) && !busy;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    const result = await checkInByCode(props.token, code);
    setBusy(false);
    setAnswer(result);
    if (result.ok) setCode('');
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') props.onClose();
  };

  return (
    <div className="dialog-backdrop">
      <form
        className="dialog check-in-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('checkInTitle')}
        onSubmit={(e) => void submit(e)}
        onKeyDown={onKey}
      >
        <h2>{t('checkInTitle')}</h2>
        <label>
          {t('checkInCode')}
          <input
            autoFocus
            name="booking-code"
            autoComplete="off"
            spellCheck={false}
            maxLength={10}
            value={code}
            onChange={(e) => {
              setCode(e.target.value.toUpperCase().replace(/[^A-Z0-9]/g, ''));
              setAnswer(null);
            }}
          />
        </label>
        {answer?.ok === true && (
          <p className="check-in-done" role="status" data-testid="check-in-result">
            {t('checkInDone', { label: answer.label })}
          </p>
        )}
        {answer?.ok === false && (
          <p className="form-error" role="alert" data-testid="check-in-result">
            {refusalText(t, props.language, answer)}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={props.onClose}>
            {t('close')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            {busy ? t('checking') : t('checkInSubmit')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </div>
  );
}

/** A refusal in the officer's words, from the hub's code and its detail (a time, a day, a note). */
function refusalText(
  t: Translate,
  language: Language,
  answer: Extract<CheckInAnswer, { ok: false }>,
): string {
  const { code, detail } = answer;
  if (code === 'too_early' && detail.time)
    return t('checkInTooEarly', { time: formatClock(detail.time, language) });
  if (code === 'too_late' && detail.time)
    return t('checkInTooLate', { time: formatClock(detail.time, language) });
  if (code === 'booking_not_found' || code === 'bad_request') return t('checkInNotFound');
  const text = errorText(code, language);
  const more = code === 'not_today' && detail.date ? dayOf(detail.date, language) : detail.note;
  return more ? `${text} (${more})` : text;
}

// Noon UTC falls on the same calendar day in WIB, WITA and WIT.
const dayOf = (date: string, language: Language): string =>
  formatDate(Date.parse(`${date}T12:00:00Z`), 'WIB', language);
