import type { Building, Ticket } from '@antre/domain';
import { minutesBetween } from '@antre/ui';
import { isOnline } from './booking-check-in';
import { minutesText } from './CurrentTicket';
import { OnlineMark } from './OnlineMark';
import type { Translate } from './messages';

/** A list the officer can act on: each row one ticket, its wait, and one button. */
export function TicketList(props: {
  t: Translate;
  building: Building;
  title: string;
  testId: string;
  tickets: Ticket[];
  now: number;
  actionLabel: string;
  actionEnabled: boolean;
  detail?: (ticket: Ticket) => string | null;
  onAction: (ticket: Ticket) => void;
}) {
  const { t, building } = props;
  return (
    <section className="list" data-testid={props.testId}>
      <h2>{props.title}</h2>
      {props.tickets.length === 0 ? (
        <p className="list-empty">{t('emptyList')}</p>
      ) : (
        <ol>
          {props.tickets.map((ticket) => {
            const service = building.services.find((s) => s.id === ticket.serviceId);
            const detail = props.detail?.(ticket);
            return (
              <li key={ticket.id} className={ticket.priority ? 'is-priority' : ''}>
                <span className="row-label">{ticket.label}</span>
                <span className="row-main">
                  <span className="row-service">{service?.name ?? ticket.serviceId}</span>
                  <span className="row-detail">
                    {ticket.priority && (
                      <span className="badge priority">
                        {props.t(`priority.${ticket.priority}`)}
                      </span>
                    )}
                    {isOnline(ticket) && <OnlineMark t={t} />}
                    {ticket.transferredFromServiceId && <span className="badge">↪</span>}
                    {detail ?? minutesText(t, minutesBetween(ticket.issuedAt, props.now))}
                  </span>
                </span>
                <button
                  type="button"
                  disabled={!props.actionEnabled}
                  onClick={() => props.onAction(ticket)}
                  aria-label={`${props.actionLabel} ${ticket.label}`}
                >
                  {props.actionLabel}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
