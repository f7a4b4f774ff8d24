import type { Building, CounterStatus, Ticket } from '@antre/domain';
import { minutesBetween } from '@antre/ui';
import { isOnline } from './booking-check-in';
import type { Translate } from './messages';
import { OnlineMark } from './OnlineMark';

export const minutesText = (t: Translate, minutes: number): string =>
  t('minutesShort', { n: Math.round(minutes) });

/** The ticket at the desk, readable from across the desk: number first, then what matters. */
export function CurrentTicket(props: {
  t: Translate;
  building: Building;
  ticket: Ticket | null;
  counterStatus: CounterStatus;
  now: number;
}) {
  const { t, ticket, building } = props;
  if (!ticket)
    return (
      <section className="current empty" aria-label={t('currentTicket')}>
        {/* Say the key that works now: a paused or closed counter cannot call yet. */}
        <p>
          {props.counterStatus === 'paused'
            ? t('noTicketPaused')
            : props.counterStatus === 'closed'
              ? t('noTicketClosed')
              : t('noTicket')}
        </p>
      </section>
    );
  const service = building.services.find((s) => s.id === ticket.serviceId);
  const from = building.services.find((s) => s.id === ticket.transferredFromServiceId);
  const waitedUntil = ticket.calledAt ?? props.now;
  return (
    <section className={`current status-${ticket.status}`} aria-label={t('currentTicket')}>
      <div className="current-head">
        <span className="current-state">
          {ticket.status === 'serving' ? t('serving') : t('called')}
        </span>
        {isOnline(ticket) && <OnlineMark t={t} />}
        {ticket.priority && (
          <span className="badge priority">
            {t('priority')}: {t(`priority.${ticket.priority}`)}
          </span>
        )}
      </div>
      <p className="current-label" data-testid="current-label">
        {ticket.label}
      </p>
      <p className="current-service">{service?.name ?? ticket.serviceId}</p>
      <p className="current-facts">
        <span>
          {t('waited', { time: minutesText(t, minutesBetween(ticket.issuedAt, waitedUntil)) })}
        </span>
        {ticket.recallCount > 0 && <span>{t('recalls', { n: ticket.recallCount })}</span>}
      </p>
      {ticket.transferNote && (
        <div className="transfer-note" data-testid="transfer-note">
          <strong>{t('transferNote', { service: from?.name ?? '' })}</strong>
          <p>{ticket.transferNote}</p>
        </div>
      )}
    </section>
  );
}
