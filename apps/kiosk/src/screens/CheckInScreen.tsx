import { useEffect, useRef } from 'react';
import type { MessageKey } from '../messages';
import { CodeKeypad } from './CodeKeypad';

// Booking codes use letters and digits that cannot be mistaken for each other (no I, O, 0, 1).
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_MAX = 10;
const CODE_MIN = 6;

interface Props {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  code: string;
  busy: boolean;
  /** The refusal and its next step, in the visitor's language. */
  refusal: { title: string; next: string } | null;
  onChange: (code: string) => void;
  onSubmit: (code: string) => void;
}

/**
 * "I booked online": a USB barcode scanner types the booking code and Enter into the page,
 * so keys are read at document level (nothing to touch or focus first); the big keypad is
 * for a visitor who types the code from the phone or the printout.
 */
export function CheckInScreen({ t, code, busy, refusal, onChange, onSubmit }: Props) {
  // The listener is added once; it reads the newest code and callbacks through a ref.
  const latest = useRef({ code, busy, refused: refusal !== null, onChange, onSubmit });
  latest.current = { code, busy, refused: refusal !== null, onChange, onSubmit };

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const now = latest.current;
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const key = event.key.toUpperCase();
      if (event.key === 'Enter') {
        event.preventDefault();
        if (!now.busy && now.code.length >= CODE_MIN) now.onSubmit(now.code);
      } else if (event.key === 'Backspace') {
        event.preventDefault();
        now.code = now.code.slice(0, -1);
        now.onChange(now.code);
      } else if (key.length === 1 && /[A-Z0-9]/.test(key)) {
        event.preventDefault();
        // A scan after a refused code (still shown) is a new code: start over.
        const base = now.refused || now.code.length >= CODE_MAX ? '' : now.code;
        now.refused = false;
        // Kept here too: a scanner's next key may come before React renders this one.
        now.code = base + key;
        now.onChange(now.code);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="screen check-in-screen">
      <h1 className="screen-title">{t('checkInTitle')}</h1>
      <p className="lead check-in-lead">{t('checkInLead')}</p>
      <p className="check-in-code" data-testid="booking-code" aria-live="polite">
        {code ? code : <span className="check-in-placeholder">{t('checkInPlaceholder')}</span>}
      </p>
      {refusal ? (
        <div className="notice check-in-refusal" role="alert">
          <p className="check-in-refusal-title">{refusal.title}</p>
          <p className="check-in-refusal-next">{refusal.next}</p>
        </div>
      ) : null}
      <CodeKeypad
        t={t}
        letters={CODE_ALPHABET}
        code={code}
        fresh={refusal !== null}
        max={CODE_MAX}
        ready={!busy && code.length >= CODE_MIN}
        busy={busy}
        onChange={onChange}
        onSubmit={() => onSubmit(code)}
      />
    </section>
  );
}
