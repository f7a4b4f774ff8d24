import type { LiveReport } from '@antre/protocol';
import type { ReactNode } from 'react';
import type { Translate } from './messages';
import type { ReportT } from './report-messages';

type LiveCounter = LiveReport['counters'][number];

function heldTicket(c: LiveCounter, rt: ReportT): string {
  if (!c.ticketLabel) return rt('noTicketHeld');
  const values = { label: c.ticketLabel, service: c.serviceName ?? '' };
  return c.ticketStatus === 'serving' ? rt('ticketServing', values) : rt('ticketCalled', values);
}

/** The counters open (or on a break) now: who sits there and which ticket they hold. */
export function LiveCounterTable(props: {
  t: Translate;
  rt: ReportT;
  counters: LiveCounter[];
  agencyName: (agencyId: string) => string;
  /** The table's export buttons. */
  actions?: ReactNode;
  /** A moment as the site's clock shows it. */
  timeOf: (at: number) => string;
}) {
  const { t, rt } = props;
  return (
    <section className="report-block">
      <header className="block-head">
        <h2>{rt('countersNowTitle')}</h2>
        {props.actions}
      </header>
      {props.counters.length === 0 ? (
        <p className="muted">{rt('noCountersOpen')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="live-counters">
            <thead>
              <tr>
                <th>{t('counter')}</th>
                <th>{t('officer')}</th>
                <th>{rt('status')}</th>
                <th>{rt('heldTicket')}</th>
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
                  <td>{c.officerName ?? rt('noOfficer')}</td>
                  <td>
                    {rt(c.status === 'open' ? 'statusOpen' : 'statusPaused')}
                    {c.pauseReason && ` · ${c.pauseReason}`}
                    <small className="detail">
                      {rt('statusSince', { time: props.timeOf(c.since) })}
                    </small>
                  </td>
                  <td>{heldTicket(c, rt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
