import type { DeliveryCounts, NotifyCounts } from '@antre/protocol';
import type { ReactNode } from 'react';
import { Tile } from '../components/Tile';
import type { Translate } from '../messages';

const STATUSES = ['sent', 'failed', 'skipped', 'pending'] as const;

const totalOf = (c: DeliveryCounts): number => c.sent + c.failed + c.skipped + c.pending;

interface Row {
  key: string;
  name: string;
  counts: DeliveryCounts;
}

/** What became of the period's notifications: four totals, then by message and by channel. */
export function ReportNotifications(props: {
  t: Translate;
  counts: NotifyCounts;
  actions: ReactNode;
}) {
  const { t, counts } = props;
  const byMessage = counts.byMessage.map((m) => ({
    key: m.message,
    name: t(`notifyMessage.${m.message}`),
    counts: m,
  }));
  const byChannel = counts.byChannel.map((c) => ({
    key: c.channel,
    name: c.channel === 'none' ? t('notifyNoChannel') : t(`channelKind.${c.channel}`),
    counts: c,
  }));
  return (
    <section className="report-block" data-testid="notify-report">
      <header className="block-head">
        <h2>{t('notifyTitle')}</h2>
        {props.actions}
      </header>
      <p className="muted report-note">{t('notifyRule')}</p>
      {totalOf(counts.totals) === 0 ? (
        <p className="muted">{t('notifyNone')}</p>
      ) : (
        <>
          <div className="tiles count-tiles">
            {STATUSES.map((s) => (
              <Tile
                key={s}
                label={t(`deliveryStatus.${s}`)}
                value={counts.totals[s]}
                id={`notify-${s}`}
              />
            ))}
          </div>
          <div className="two-columns">
            <CountTable
              testId="notify-by-message"
              nameHeader={t('notifyMessage')}
              rows={byMessage}
              t={t}
              totalName={t('notifyAll')}
              totals={counts.totals}
            />
            <CountTable
              testId="notify-by-channel"
              nameHeader={t('notifyChannel')}
              rows={byChannel}
              t={t}
              totalName={t('notifyAll')}
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
  t: Translate;
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
                {props.t(`deliveryStatus.${s}`)}
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
