import type { DeliveryCounts, NotifyCounts } from '@antre/protocol';
import type { Language } from '@antre/ui';
import type { ReactNode } from 'react';
import { KIND_LABELS, MESSAGE_NAMES, STATUS_NAMES } from './notify-words';
import type { ReportT } from './report-messages';
import { Tile } from './Tile';

const STATUSES = ['sent', 'failed', 'skipped', 'pending'] as const;

const totalOf = (c: DeliveryCounts): number => c.sent + c.failed + c.skipped + c.pending;

interface Row {
  key: string;
  name: string;
  counts: DeliveryCounts;
}

/** What became of the period's notifications: four totals, then by message and by channel. */
export function ReportNotifications(props: {
  rt: ReportT;
  language: Language;
  counts: NotifyCounts;
  actions: ReactNode;
}) {
  const { rt, language, counts } = props;
  const status = STATUS_NAMES[language];
  const byMessage = counts.byMessage.map((m) => ({
    key: m.message,
    name: MESSAGE_NAMES[language][m.message],
    counts: m,
  }));
  const byChannel = counts.byChannel.map((c) => ({
    key: c.channel,
    name: c.channel === 'none' ? rt('notifyNoChannel') : KIND_LABELS[language][c.channel],
    counts: c,
  }));
  return (
    <section className="report-block" data-testid="notify-report">
      <header className="block-head">
        <h2>{rt('notifyTitle')}</h2>
        {props.actions}
      </header>
      <p className="muted report-note">{rt('notifyRule')}</p>
      {totalOf(counts.totals) === 0 ? (
        <p className="muted">{rt('notifyNone')}</p>
      ) : (
        <>
          <div className="tiles count-tiles">
            {STATUSES.map((s) => (
              <Tile key={s} label={status[s]} value={counts.totals[s]} id={`notify-${s}`} />
            ))}
          </div>
          <div className="two-columns">
            <CountTable
              testId="notify-by-message"
              nameHeader={rt('notifyMessage')}
              rows={byMessage}
              statusNames={status}
              totalName={rt('notifyAll')}
              totals={counts.totals}
            />
            <CountTable
              testId="notify-by-channel"
              nameHeader={rt('notifyChannel')}
              rows={byChannel}
              statusNames={status}
              totalName={rt('notifyAll')}
              totals={counts.totals}
            />
          </div>
        </>
      )}
    </section>
  );
}

/** A small table of counts by status; the kinds nothing was sent of are left out. */
function CountTable(props: {
  testId: string;
  nameHeader: string;
  rows: Row[];
  statusNames: Record<(typeof STATUSES)[number], string>;
  totalName: string;
  totals: DeliveryCounts;
}) {
  const cells = (counts: DeliveryCounts) =>
    STATUSES.map((s) => (
      <td key={s} className="num" data-col={s}>
        {counts[s]}
      </td>
    ));
  return (
    <div className="table-scroll">
      <table className="data report notify-counts" data-testid={props.testId}>
        <thead>
          <tr>
            <th>{props.nameHeader}</th>
            {STATUSES.map((s) => (
              <th key={s} className="num">
                {props.statusNames[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows
            .filter((r) => totalOf(r.counts) > 0)
            .map((r) => (
              <tr key={r.key}>
                <td>{r.name}</td>
                {cells(r.counts)}
              </tr>
            ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{props.totalName}</th>
            {cells(props.totals)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
