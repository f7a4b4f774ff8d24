import { MAX_REPRINTS } from '@antre/protocol';
import { useEffect, useState } from 'react';
import type { KioskHub } from './kiosk-hub';
import type { MessageKey } from './messages';
import type { LastTicket, ReprintOutcome } from './print-flow';
import { reprintTicket } from './print-flow';

interface Props {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  hub: KioskHub;
  last: LastTicket;
  /** On the home screen the button names the ticket, so nobody reprints by accident. */
  named?: boolean;
}

function PrinterIcon() {
  return (
    <svg
      className="button-icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
    >
      <path d="M7 9V3h10v6M5 9h14a2 2 0 0 1 2 2v6h-4v4H7v-4H3v-6a2 2 0 0 1 2-2zM7 14h10v7H7z" />
    </svg>
  );
}

/** "Cetak ulang": the last ticket again, for 2 minutes after it was printed, MAX_REPRINTS times. */
export function ReprintButton({ t, hub, last, named }: Props) {
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ReprintOutcome | null>(null);
  const [copies, setCopies] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  if (now > last.reprintDeadline && outcome === null) return null;
  // The hub counts too (a reload does not reset it); this spares a tap that would be refused.
  const used = copies >= MAX_REPRINTS || outcome === 'no_more_copies';

  const onClick = async (): Promise<void> => {
    setBusy(true);
    const answer = await reprintTicket(hub, last);
    if (answer === 'printed') setCopies((n) => n + 1);
    setOutcome(answer);
    setBusy(false);
  };
  const feedback =
    outcome === 'printed'
      ? t(used ? 'reprintedLast' : 'reprinted')
      : outcome === 'no_more_copies'
        ? t('reprintNoMore', { n: MAX_REPRINTS })
        : outcome === 'too_late'
          ? t('reprintTooLate')
          : outcome
            ? t('printerTrouble')
            : null;
  return (
    <div className="reprint">
      {now <= last.reprintDeadline && !used ? (
        <button
          type="button"
          className="secondary-button"
          disabled={busy}
          onClick={() => void onClick()}
        >
          <PrinterIcon /> {named ? t('reprintLast', { label: last.ticket.label }) : t('reprint')}
        </button>
      ) : null}
      {feedback ? (
        <p className="reprint-feedback" role="status">
          {feedback}
        </p>
      ) : null}
    </div>
  );
}
