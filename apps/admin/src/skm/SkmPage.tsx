import type { IkmExportTable, IkmReport } from '@antre/protocol';
import { errorText } from '@antre/ui';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { ExportButtons } from '../components/ExportButtons';
import type { PageProps } from '../page-props';
import { PeriodPicker, periodKey, usePeriod } from '../components/PeriodPicker';
import type { Period } from '../session';
import { hubApi } from '../session';
import { elementName, formatScore, gradeLabel } from './skm-words';
import { SkmPrintReport } from './SkmPrintReport';
import type { NamedFigure } from './SkmTables';
import { activeRows, IkmTable, ProfileGrid } from './SkmTables';
import { useLoaded } from '../use-loaded';

type Figure = IkmReport['building'];

/** The building's IKM with its grade, NRR per element, then per agency and per service. */
export function SkmPage(props: PageProps) {
  const { t, language, session } = props;
  const periodState = usePeriod(props.today);
  const { period } = periodState;
  const [printing, setPrinting] = useState(false);
  const report = useLoaded(
    () => hubApi.ikm(session.token, period),
    periodKey(period),
    props.onUnauthorized,
  );
  const n = (v: number | null, digits = 2): string => formatScore(v, language, digits);

  if (printing && report.state === 'ready')
    return (
      <SkmPrintReport
        {...props}
        report={report.value}
        period={period}
        onBack={() => setPrinting(false)}
      />
    );

  // Narrowed to one agency (always so for a supervisor), the hub's "building" is that agency.
  const shown: Figure | undefined = report.state === 'ready' ? report.value.building : undefined;
  const scopeName = agencyInScope(props, period.agencyId) ?? props.building.site.name;

  return (
    <section>
      <header className="page-head">
        <h1>{t('skmTitle')}</h1>
        <button
          type="button"
          className="primary"
          disabled={report.state !== 'ready'}
          onClick={() => setPrinting(true)}
        >
          {t('print')}
        </button>
      </header>
      <PeriodPicker {...props} state={periodState} />
      {report.state === 'loading' && <p className="muted">{t('loading')}</p>}
      {report.state === 'failed' && (
        <p className="form-error">
          {t('loadFailed', { reason: errorText(report.code, language) })}
        </p>
      )}
      {report.state === 'ready' && shown && (
        <>
          <div className="ikm-hero">
            <div className={`ikm-score grade-${shown.grade ?? 'none'}`}>
              <span className="tile-label">
                {t('ikmBuilding')} · {scopeName}
              </span>
              <strong data-testid="ikm-value">{shown.ikm === null ? '—' : n(shown.ikm)}</strong>
              <span className="grade" data-testid="ikm-grade">
                {shown.grade ?? ''} {shown.grade ? gradeLabel(shown.grade, language) : t('ikmNone')}
              </span>
            </div>
            <div className="ikm-sample">
              <span className="tile-label">{t('respondents')}</span>
              <strong data-testid="respondents">
                {t('respondentsOfTarget', { n: shown.respondents, target: shown.target })}
              </strong>
              <meter min={0} max={Math.max(1, shown.target)} value={shown.respondents} />
              <span className="muted">{t('targetHint', { served: shown.served })}</span>
              <span className="muted" data-testid="channels">
                {t('byChannel', {
                  phone: report.value.channels.phone ?? 0,
                  kiosk: report.value.channels.kiosk ?? 0,
                  counter: report.value.channels.counter ?? 0,
                })}
              </span>
            </div>
          </div>
          <SkmBlock {...props} period={period} title={t('perElement')} table="elements">
            <table className="data" data-testid="table-elements">
              <thead>
                <tr>
                  <th>{t('element')}</th>
                  <th className="num">{t('nrr')}</th>
                  <th className="num">{t('weighted')}</th>
                  <th className="num">{t('converted')}</th>
                  <th className="num">{t('grade')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.elements.map((e) => (
                  <tr key={e.element}>
                    <td>
                      <strong>{e.element}</strong> {elementName(e.element, language)}
                    </td>
                    <td className="num">{shown.respondents ? n(e.nrr) : '—'}</td>
                    <td className="num">{shown.respondents ? n(e.weighted, 3) : '—'}</td>
                    <td className="num">{shown.respondents ? n(e.converted) : '—'}</td>
                    <td className="num">{shown.respondents ? e.grade : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </SkmBlock>
          <SkmBlock {...props} period={period} title={t('perAgency')} table="agencies">
            <FigureTable
              {...props}
              nameHeader={t('agency')}
              rows={report.value.agencies.map((a) => ({ ...a, key: a.agencyId }))}
              testId="ikm-agencies"
            />
          </SkmBlock>
          <SkmBlock {...props} period={period} title={t('perService')} table="services">
            <FigureTable
              {...props}
              nameHeader={t('service')}
              rows={report.value.services.map((s) => ({ ...s, key: s.serviceId }))}
              testId="ikm-services"
            />
          </SkmBlock>
          <SkmBlock {...props} period={period} title={t('profileTitle')} table="profile">
            <ProfileGrid {...props} report={report.value} tableClass="data" />
          </SkmBlock>
        </>
      )}
    </section>
  );
}

/** A titled SKM table with its XLSX and CSV downloads. */
function SkmBlock(
  props: PageProps & { period: Period; title: string; table: IkmExportTable; children: ReactNode },
) {
  const { t, session, period, table } = props;
  return (
    <section className="report-block">
      <div className="block-head">
        <h2>{props.title}</h2>
        <ExportButtons t={t} session={session} period={period} table={table} report="ikm" />
      </div>
      {props.children}
    </section>
  );
}

function FigureTable(
  props: PageProps & { nameHeader: string; rows: NamedFigure[]; testId: string },
) {
  const rows = activeRows(props.rows);
  if (rows.length === 0) return <p className="muted">{props.t('noRows')}</p>;
  return <IkmTable {...props} rows={rows} className="data" />;
}

/** The one agency the figures are narrowed to (always so for a supervisor), or null. */
export function agencyInScope(props: PageProps, agencyId: string | undefined): string | null {
  const id =
    agencyId ?? (props.session.user.role === 'supervisor' ? props.session.user.agencyId : null);
  return props.building.agencies.find((a) => a.id === id)?.name ?? null;
}
