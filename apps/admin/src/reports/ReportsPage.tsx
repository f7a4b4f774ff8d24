import { errorText } from '@antre/ui';
import { BarChart } from './BarChart';
import { ExportButtons } from '../components/ExportButtons';
import { agencyNames } from '../components/format-report';
import { HeatMap } from './HeatMap';
import type { PageProps } from '../page-props';
import { PeriodPicker, periodKey, usePeriod } from '../components/PeriodPicker';
import { ReportNotifications } from './ReportNotifications';
import { ReportTable } from './ReportTable';
import { ReportTiles } from './ReportTiles';
import type { ExportTable } from '../session';
import { hubApi } from '../session';
import { useLoaded } from '../use-loaded';

/** Counts and times for a period, per agency, service, counter and officer; notifications. */
export function ReportsPage(props: PageProps) {
  const { t, language, session, building } = props;
  const periodState = usePeriod(props.today);
  const { period } = periodState;
  const report = useLoaded(
    () => hubApi.summary(session.token, period),
    periodKey(period),
    props.onUnauthorized,
  );
  const names = agencyNames(building);
  const exports = (table: ExportTable) => (
    <ExportButtons t={t} session={session} period={period} table={table} />
  );

  return (
    <section>
      <header className="page-head">
        <h1>{t('reportsTitle')}</h1>
      </header>
      <PeriodPicker {...props} state={periodState} />
      {report.state === 'loading' && <p className="muted">{t('loading')}</p>}
      {report.state === 'failed' && (
        <p className="form-error">
          {t('loadFailed', { reason: errorText(report.code, language) })}
        </p>
      )}
      {report.state === 'ready' && (
        <>
          <ReportTiles t={t} language={language} totals={report.value.totals} />
          <p className="muted report-note" data-testid="transfer-rule">
            {t('transferRule')}
          </p>
          <div className="two-columns">
            {/* One agency (a supervisor's) would be a single bar: show its services instead. */}
            {report.value.agencies.length > 1 ? (
              <BarChart
                title={t('chartServed')}
                bars={report.value.agencies.map((a) => ({
                  label: names.get(a.id) ?? a.name,
                  value: a.served,
                }))}
              />
            ) : (
              <BarChart
                title={t('chartServedByService')}
                bars={report.value.services.map((s) => ({ label: s.name, value: s.served }))}
              />
            )}
            <section className="report-block">
              <header className="block-head">
                <h2>{t('heatmapTitle')}</h2>
                {exports('heatmap')}
              </header>
              <HeatMap t={t} cells={report.value.heatmap} />
            </section>
          </div>
          <ReportTable
            t={t}
            language={language}
            title={t('byAgency')}
            nameHeader={t('agency')}
            rows={report.value.agencies}
            kind="issuer"
            testId="table-agencies"
            actions={exports('agencies')}
          />
          <ReportTable
            t={t}
            language={language}
            title={t('byService')}
            nameHeader={t('service')}
            rows={report.value.services}
            kind="issuer"
            testId="table-services"
            actions={exports('services')}
            detail={(row) => (row.agencyId ? names.get(row.agencyId) : undefined)}
          />
          <ReportTable
            t={t}
            language={language}
            title={t('byCounter')}
            nameHeader={t('counter')}
            rows={report.value.counters}
            kind="caller"
            testId="table-counters"
            note={t('callerRule')}
            actions={exports('counters')}
          />
          <ReportTable
            t={t}
            language={language}
            title={t('byOfficer')}
            nameHeader={t('officer')}
            rows={report.value.officers}
            kind="caller"
            testId="table-officers"
            actions={exports('officers')}
          />
          {report.value.notifications && (
            <ReportNotifications
              t={t}
              counts={report.value.notifications}
              actions={exports('notifications')}
            />
          )}
        </>
      )}
    </section>
  );
}
