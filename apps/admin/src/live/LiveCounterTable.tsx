import type { LiveReport } from '@antre/protocol';
import type { ReactNode } from 'react';
import type { Translate } from '../messages';

type LiveCounter = LiveReport['counters'][number];

function heldTicket(c: LiveCounter, t: Translate): string {
  if (!c.ticketLabel) return t('noTicketHeld');
  const values = { label: c.ticketLabel, service: c.serviceName ?? '' };
  return c.ticketStatus === 'serving' ? t('ticketServing', values) : t('ticketCalled', values);
}

/** The counters open (or on a break) now: who sits there and which ticket they hold. */
export function LiveCounterTable(props: {
  t: Translate;
  counters: LiveCounter[];
  agencyName: (agencyId: string) => string;
  /** The table's export buttons. */
  actions?: ReactNode;
  /** A moment as the site's clock shows it. */
  timeOf: (at: number) => string;
}) {
  const { t } = props;
  return (
    <section className="report-block">
      <header className="block-head">
        <h2>{t('countersNowTitle')}</h2>
        {props.actions}
      </header>
      {props.counters.length === 0 ? (
        <p className="muted">{t('noCountersOpen')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="live-counters">
            <thead>
              <tr>
                <th>{t('counter')}</th>
                <th>{t('officer')}</th>
                <th>{t('status')}</th>
                <th>{t('heldTicket')}</th>
              </tr>
            </thead>
            <tbody>
              {props.counters.map((c) => (
                <tr key={c.counterId} className={c.status === 'paused' ? 'paused' : undefined}>
                  <td>
                    {c.name}
                    {!c.name.includes(props.agencyName(c.agencyId)) && (
                      <small className="detail">{props.agencyName(c.agencyId)}</small>
                    )}
                  </td>
                  <td>{c.officerName ?? t('noOfficer')}</td>
                  <td>
                    {t(c.status === 'open' ? 'statusOpen' : 'statusPaused')}
                    {c.pauseReason && ` · ${c.pauseReason}`}
                    <small className="detail">
                      {t('statusSince', { time: props.timeOf(c.since) })}
                    </small>
                  </td>
                  <td>{heldTicket(c, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
