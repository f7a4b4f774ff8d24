import { counterNumbersText } from '@antre/domain';
import type { OptInView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { formatWait } from '@antre/ui';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import type { KioskHub } from '../kiosk-hub';
import type { MessageKey } from '../messages';
import { NotifyOffer } from '../notify/NotifyOffer';
import { PhoneOptIn } from '../notify/PhoneOptIn';
import type { LastTicket } from '../print-flow';
import { ReprintButton } from '../ReprintButton';
import { useIdle } from '../use-idle';

// Long enough to read the number and tear off the ticket; any touch (each key of the phone
// keypad too) restarts it, so a visitor who walks away leaves nothing for the next one.
const BACK_HOME_MS = 12_000;

interface Props {
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  language: Language;
  last: LastTicket;
  /** A booking's check-in: the ticket is marked as an online one. */
  online?: boolean;
  hub: KioskHub;
  onDone: () => void;
}

export function ResultScreen({ t, language, last, online = false, hub, onDone }: Props) {
  const { ticket } = last;
  const [qr, setQr] = useState<string | null>(null);
  const [notify, setNotify] = useState<'offer' | 'keypad' | OptInView>('offer');
  useEffect(() => {
    void QRCode.toDataURL(ticket.trackUrl, {
      margin: 1,
      width: 360,
      errorCorrectionLevel: 'M',
    }).then(setQr);
  }, [ticket.trackUrl]);
  useIdle(BACK_HOME_MS, onDone, true, ticket.id);
  const keypad = notify === 'keypad';
  const section = useRef<HTMLElement>(null);
  // The ticket and the keypad share one element, so the frame's page buttons see the height
  // change; each starts at its top.
  useEffect(() => {
    section.current?.parentElement?.scrollTo({ top: 0 });
  }, [keypad]);
  const { counterNumbers, zones } = ticket.place;
  const placeLine = [
    counterNumbers.length > 0
      ? t('placeCounters', { numbers: counterNumbersText(counterNumbers) })
      : '',
    zones.map((z) => z.name).join(', '),
  ]
    .filter((part) => part !== '')
    .join(' · ');

  return (
    <section
      ref={section}
      className={keypad ? 'screen phone-opt-in' : 'screen result-screen'}
      aria-labelledby={keypad ? 'phone-opt-in-title' : undefined}
    >
      {keypad ? (
        <PhoneOptIn
          t={t}
          language={language}
          ticketCode={ticket.code}
          ticketLabel={ticket.label}
          onDone={setNotify}
          onCancel={() => setNotify('offer')}
        />
      ) : (
        <>
          <h1 className="result-take">{t('takeTicket')}</h1>
          <div className="result-card">
            <p className="result-caption">{t('yourNumber')}</p>
            {online ? (
              <p className="result-online" data-testid="online-mark">
                {t('onlineTicket')}
              </p>
            ) : null}
            <p className="result-number" data-testid="ticket-number">
              {ticket.label}
            </p>
            <p className="result-service">{ticket.serviceName}</p>
            <p className="result-agency">{ticket.agencyName}</p>
            {placeLine ? (
              <p className="result-place" data-testid="ticket-place">
                <span className="result-place-label">{t('goTo')}</span> {placeLine}
              </p>
            ) : null}
            {ticket.priority ? (
              <p className="result-priority">
                {t('priorityBadge', { kind: t(`priority.${ticket.priority}`) })}
              </p>
            ) : null}
            <p className="result-ahead">
              {ticket.ahead > 0 ? t('ahead', { n: ticket.ahead }) : t('noneAhead')}
              {ticket.ahead > 0
                ? ` · ${t('estimatedWait', { wait: formatWait(ticket.estimatedMinutes, language) })}`
                : ''}
            </p>
          </div>
          <div className="result-qr">
            {qr ? (
              <img src={qr} alt="" width={240} height={240} />
            ) : (
              <span className="qr-placeholder" />
            )}
            <div className="result-qr-side">
              <p>{t('scanToTrack')}</p>
              <NotifyOffer
                t={t}
                optedIn={typeof notify === 'object' ? notify : null}
                onOpen={() => setNotify('keypad')}
              />
            </div>
          </div>
          <div className="result-actions">
            <ReprintButton t={t} hub={hub} last={last} />
            <button type="button" className="primary-button" onClick={onDone}>
              {t('done')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
