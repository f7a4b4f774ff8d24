import type { ReportRow } from '@antre/protocol';
import type { Language } from '@antre/ui';
import type { ReactNode } from 'react';
import { formatNumber, formatShare } from '../components/format-report';
import type { MessageKey, Translate } from '../messages';

/** Waiting and service time, each as "mean · median · p90" in one cell to fit 1366 px. */
const MINUTE_COLUMNS: readonly ['wait' | 'service', MessageKey][] = [
  ['wait', 'waitTime'],
  ['service', 'serviceTime'],
];

export function minuteTriple(row: ReportRow, part: 'wait' | 'service', language: Language) {
  const values =
    part === 'wait'
      ? [row.waitMean, row.waitMedian, row.waitP90]
      : [row.serviceMean, row.serviceMedian, row.serviceP90];
  // No timed ticket: one dash, not three.
  if (values.every((v) => v === null)) return formatNumber(null, language);
  return values.map((v) => formatNumber(v, language)).join(' · ');
}

type CountKey = 'issued' | 'called' | 'served' | 'noShow' | 'cancelled' | 'transferred';

/**
 * Agencies and services issue tickets and see how each ended; counters and officers call
 * them, so their tables count calls instead (see summary-report for the rule).
 */
const COUNT_COLUMNS: Record<'issuer' | 'caller', readonly CountKey[]> = {
  issuer: ['issued', 'served', 'noShow', 'cancelled', 'transferred'],
  caller: ['called', 'served', 'noShow', 'transferred'],
};

/** One report table: counts, then waiting and service minutes, then the share within target. */
export function ReportTable(props: {
  t: Translate;
  language: Language;
  title: string;
  nameHeader: string;
  kind: 'issuer' | 'caller';
  rows: ReportRow[];
  testId: string;
  actions: ReactNode;
  /** A line under the title saying how the table counts. */
  note?: string;
  /** A second line under the name, e.g. the agency of a service. */
  detail?: (row: ReportRow) => string | undefined;
}) {
  const { t, language } = props;
  const counts = COUNT_COLUMNS[props.kind];
  const label = (key: CountKey): string =>
    key === 'called' || key === 'cancelled' || key === 'transferred' ? t(key) : t(key);
  // A building has dozens of services and counters; the idle ones would bury the busy.
  const rows = props.rows.filter((r) => r.issued > 0 || r.called > 0 || r.served > 0);
  const idle = props.rows.length - rows.length;
  return (
    <section className="report-block">
      <header className="block-head">
        <h2>{props.title}</h2>
        {props.actions}
      </header>
      {props.note && <p className="muted report-note">{props.note}</p>}
      {rows.length === 0 ? (
        <p className="muted">{t('noRows')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data report" data-testid={props.testId}>
            <thead>
              <tr>
                <th>{props.nameHeader}</th>
                {counts.map((key) => (
                  <th key={key} className="num">
                    {label(key)}
                  </th>
                ))}
                {MINUTE_COLUMNS.map(([, words]) => (
                  <th key={words} className="num">
                    {t(words)}
                    <small>{t('minuteParts')}</small>
                  </th>
                ))}
                <th className="num">{t('withinTarget')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    {row.name}
                    {props.detail?.(row) && <small className="detail">{props.detail(row)}</small>}
                  </td>
                  {counts.map((key) => (
                    <td key={key} className="num" data-col={key}>
                      {row[key]}
                    </td>
                  ))}
                  {MINUTE_COLUMNS.map(([part]) => (
                    <td key={part} className="num minutes" data-col={part}>
                      {minuteTriple(row, part, language)}
                    </td>
                  ))}
                  <td className="num">{formatShare(row.withinTarget, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {idle > 0 && rows.length > 0 && <p className="muted">{t('idleHidden', { n: idle })}</p>}
    </section>
  );
}
