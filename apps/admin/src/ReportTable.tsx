import type { ReportRow } from '@antre/protocol';
import type { Language } from '@antre/ui';
import type { ReactNode } from 'react';
import { formatNumber, formatShare } from './format-report';
import type { MessageKey, Translate } from './messages';

const MINUTE_COLUMNS: readonly [keyof ReportRow, MessageKey][] = [
  ['waitMean', 'waitMean'],
  ['waitMedian', 'waitMedian'],
  ['waitP90', 'waitP90'],
  ['serviceMean', 'serviceMean'],
];

/** One report table: counts, then waiting and service minutes, then the share within target. */
export function ReportTable(props: {
  t: Translate;
  language: Language;
  title: string;
  nameHeader: string;
  rows: ReportRow[];
  testId: string;
  actions: ReactNode;
  /** A second line under the name, e.g. the agency of a service. */
  detail?: (row: ReportRow) => string | undefined;
}) {
  const { t, language } = props;
  const minutes = (v: number | null): string => formatNumber(v, language);
  // A building has dozens of services and counters; the idle ones would bury the busy.
  const rows = props.rows.filter((r) => r.issued > 0 || r.served > 0);
  const idle = props.rows.length - rows.length;
  return (
    <section className="report-block">
      <header className="block-head">
        <h2>{props.title}</h2>
        {props.actions}
      </header>
      {rows.length === 0 ? (
        <p className="muted">{t('noRows')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid={props.testId}>
            <thead>
              <tr>
                <th>{props.nameHeader}</th>
                <th className="num">{t('issued')}</th>
                <th className="num">{t('served')}</th>
                <th className="num">{t('noShow')}</th>
                {MINUTE_COLUMNS.map(([, label]) => (
                  <th key={label} className="num">
                    {t(label)}
                    <small>{t('minutesUnit')}</small>
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
                  <td className="num">{row.issued}</td>
                  <td className="num" data-col="served">
                    {row.served}
                  </td>
                  <td className="num">{row.noShow}</td>
                  {MINUTE_COLUMNS.map(([key]) => (
                    <td key={key} className="num">
                      {minutes(row[key] as number | null)}
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
