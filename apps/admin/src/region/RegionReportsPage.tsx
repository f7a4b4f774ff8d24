import type { RegionReportBuilding } from '@antre/protocol';
import { errorText } from '@antre/ui';
import { useState } from 'react';
import { FileButtons } from '../components/ExportButtons';
import { formatMinutes, formatNumber, formatShare } from '../components/format-report';
import type { PeriodKind } from '../components/period';
import { isPeriod, periodRange, showDay } from '../components/period';
import type { MessageKey } from '../messages';
import { useLoaded } from '../use-loaded';
import { regionApi } from './region-api';
import type { RegionPageProps } from './region-page-props';

const KINDS: readonly [PeriodKind, MessageKey][] = [
  ['today', 'periodToday'],
  ['week', 'periodWeek'],
  ['month', 'periodMonth'],
  ['custom', 'periodCustom'],
];

/** The period's Laporan and SKM figures of every building, one row each, and the XLSX. */
export function RegionReportsPage(props: RegionPageProps) {
  const { t, language, session, today } = props;
  const [kind, setKind] = useState<PeriodKind>('month');
  const [custom, setCustom] = useState({ from: today, to: today });
  const invalid = kind === 'custom' && !isPeriod(custom);
  const [applied, setApplied] = useState(custom);
  const period = kind === 'custom' ? applied : periodRange(kind, today);
  const reports = useLoaded(
    () => regionApi.reports(session.token, period),
    `${period.from}|${period.to}`,
    props.onUnauthorized,
  );
  const typed = (next: { from: string; to: string }) => {
    setCustom(next);
    if (isPeriod(next)) setApplied(next);
  };
  const minutes = (value: number | null) => formatMinutes(value, t, language);

  return (
    <section>
      <header className="page-head">
        <h1>{t('regionReportsTitle')}</h1>
      </header>
      <div className="period-picker">
        <div className="segmented" role="group" aria-label={t('periodCustom')}>
          {KINDS.map(([k, label]) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
              {t(label)}
            </button>
          ))}
        </div>
        {kind === 'custom' && (
          <span className="dates" aria-invalid={invalid}>
            {(['from', 'to'] as const).map((end) => (
              <label key={end}>
                {t(end === 'from' ? 'periodFrom' : 'periodTo')}
                <input
                  type="date"
                  value={custom[end]}
                  max={today}
                  onChange={(e) => e.target.value && typed({ ...custom, [end]: e.target.value })}
                />
              </label>
            ))}
            {invalid && (
              <span className="form-error" role="alert">
                {t('fromAfterTo')}
              </span>
            )}
          </span>
        )}
        <span className="muted" data-testid="period-shown">
          {t('periodShown', { from: showDay(period.from), to: showDay(period.to) })}
        </span>
      </div>
      <p className="muted">{t('regionReadOnly')}</p>
      <section className="report-block">
        <header className="block-head">
          <h2>{t('regionExportAll')}</h2>
          <FileButtons
            t={t}
            testId="region-export"
            save={(format) => regionApi.download(session.token, period, format)}
          />
        </header>
        {reports.state === 'loading' && <p className="muted">{t('loading')}</p>}
        {reports.state === 'failed' && (
          <p className="form-error">
            {t('loadFailed', { reason: errorText(reports.code, language) })}
          </p>
        )}
        {reports.state === 'ready' && reports.value.buildings.length === 0 && (
          <p className="muted">{t('regionNoBuildings')}</p>
        )}
        {reports.state === 'ready' && reports.value.buildings.length > 0 && (
          <div className="table-scroll">
            <table className="data report region-report" data-testid="region-report">
              <thead>
                <tr>
                  <th>{t('regionBuilding')}</th>
                  <th className="num">{t('issued')}</th>
                  <th className="num">{t('served')}</th>
                  <th className="num">{t('noShow')}</th>
                  <th className="num">{t('waitMean')}</th>
                  <th className="num">{t('waitMedian')}</th>
                  <th className="num">{t('waitP90')}</th>
                  <th className="num">{t('serviceMean')}</th>
                  <th className="num">{t('withinTarget')}</th>
                  <th className="num">{t('ikm')}</th>
                  <th>{t('grade')}</th>
                  <th className="num">{t('regionRespondents')}</th>
                </tr>
              </thead>
              <tbody>
                {reports.value.buildings.map((b) => (
                  <ReportRow key={b.key} b={b} {...props} minutes={minutes} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}

function ReportRow(
  props: RegionPageProps & { b: RegionReportBuilding; minutes: (m: number | null) => string },
) {
  const { b, t, language, minutes } = props;
  if (!b.available)
    return (
      <tr data-testid={`report-${b.key}`}>
        <td>{b.key}</td>
        <td colSpan={11} className="form-error">
          {t(`regionUnavailable.${b.reason}`)}
        </td>
      </tr>
    );
  return (
    <tr data-testid={`report-${b.key}`}>
      <td>
        {b.name}
        <small className="muted building-key">{b.key}</small>
      </td>
      <td className="num">{b.issued}</td>
      <td className="num">{b.served}</td>
      <td className="num">{b.noShow}</td>
      <td className="num">{minutes(b.waitMean)}</td>
      <td className="num">{minutes(b.waitMedian)}</td>
      <td className="num">{minutes(b.waitP90)}</td>
      <td className="num">{minutes(b.serviceMean)}</td>
      <td className="num">{formatShare(b.withinTarget, language)}</td>
      <td className="num" data-testid="ikm">
        {formatNumber(b.ikm.value, language, 2)}
      </td>
      <td>{b.ikm.grade ?? t('none')}</td>
      <td className="num">{t('regionIkmOf', { n: b.ikm.respondents, target: b.ikm.target })}</td>
    </tr>
  );
}
