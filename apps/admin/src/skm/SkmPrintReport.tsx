import type { IkmReport } from '@antre/protocol';
import type { PageProps } from '../page-props';
import { showDay } from '../components/period';
import type { Period } from '../session';
import { elementName, formatScore, gradeLabel } from './skm-words';
import { agencyInScope } from './SkmPage';
import { SkmPrintClosing } from './SkmPrintClosing';
import { activeRows, IkmTable, ProfileGrid } from './SkmTables';

/**
 * The SKM report in the order of the regulation's report (PermenPANRB 14/2017): identity,
 * period, respondents and their profile, NRR per element, the IKM with its quality grade and
 * the unit's performance, IKM per agency and service, then the follow-up plan and signature.
 */
export function SkmPrintReport(
  props: PageProps & { report: IkmReport; period: Period; onBack: () => void },
) {
  const { t, language, report, building } = props;
  const figure = report.building;
  const rated = figure.respondents > 0;
  const n = (v: number | null, digits = 2): string => formatScore(v, language, digits);
  const agencies = activeRows(report.agencies.map((a) => ({ ...a, key: a.agencyId })));
  const services = activeRows(report.services.map((s) => ({ ...s, key: s.serviceId })));
  return (
    <article className="print-report" data-testid="print-report">
      <div className="print-toolbar">
        <button type="button" className="secondary" onClick={props.onBack}>
          {t('back')}
        </button>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('printNow')}
        </button>
      </div>
      <header>
        <h1>{t('printTitle')}</h1>
        <p>{t('printBasis')}</p>
      </header>
      <h2>{t('printIdentity')}</h2>
      <dl>
        <dt>{t('printUnit')}</dt>
        <dd>{building.site.name}</dd>
        <dt>{t('printScope')}</dt>
        <dd>{agencyInScope(props, props.period.agencyId) ?? t('allAgencies')}</dd>
      </dl>
      <h2>{t('printPeriod')}</h2>
      <p>{t('periodShown', { from: showDay(report.from), to: showDay(report.to) })}</p>
      <h2>{t('printRespondents')}</h2>
      <p>
        {t('respondentsOfTarget', { n: figure.respondents, target: figure.target })} (
        {t('targetHint', { served: figure.served })})
      </p>
      <ProfileGrid {...props} tableClass="print-table" />
      <h2>{t('printElements')}</h2>
      <table className="print-table" data-testid="print-elements">
        <thead>
          <tr>
            <th colSpan={2}>{t('element')}</th>
            <th className="num">{t('elementTotal')}</th>
            <th className="num">{t('nrr')}</th>
            <th className="num">{t('weighted')}</th>
            <th className="num">{t('converted')}</th>
            <th>{t('grade')}</th>
          </tr>
        </thead>
        <tbody>
          {figure.elements.map((e) => (
            <tr key={e.element}>
              <td className="print-code">{e.element}</td>
              <td>{elementName(e.element, language)}</td>
              <td className="num">{rated ? e.total : '—'}</td>
              <td className="num">{rated ? n(e.nrr) : '—'}</td>
              <td className="num">{rated ? n(e.weighted, 3) : '—'}</td>
              <td className="num">{rated ? n(e.converted) : '—'}</td>
              <td>{rated ? e.grade : '—'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th colSpan={4}>
              {t('weightedSum')}
              <small className="print-sum-note" data-testid="print-weighted-sum-note">
                {t('weightedSumExact')}
              </small>
            </th>
            <td className="num" data-testid="print-weighted-sum">
              {n(figure.weightedSum, 3)}
            </td>
            <td colSpan={2} />
          </tr>
          <tr>
            <th colSpan={4}>{t('ikmTimes25')}</th>
            <td />
            <td className="num">{n(figure.ikm)}</td>
            <td>{figure.grade ?? '—'}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">{t('printWeights')}</p>
      <h2>{t('printResult')}</h2>
      <dl className="print-result">
        <dt>{t('printIkmConverted')}</dt>
        <dd data-testid="print-ikm">{n(figure.ikm)}</dd>
        <dt>{t('printQuality')}</dt>
        <dd>{figure.grade ?? '—'}</dd>
        <dt>{t('printPerformance')}</dt>
        <dd>{gradeLabel(figure.grade, language)}</dd>
      </dl>
      <h2>{t('printPerUnit')}</h2>
      {agencies.length > 0 && (
        <IkmTable
          {...props}
          nameHeader={t('agency')}
          rows={agencies}
          testId="print-agencies"
          className="print-table"
        />
      )}
      {services.length > 0 ? (
        <IkmTable
          {...props}
          nameHeader={t('service')}
          rows={services}
          testId="print-services"
          className="print-table"
        />
      ) : (
        <p>{t('noRows')}</p>
      )}
      <SkmPrintClosing {...props} />
    </article>
  );
}
