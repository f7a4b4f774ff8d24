import type { IkmReport } from '@antre/protocol';
import { formatDate } from '@antre/ui';
import { formatNumber } from './format-report';
import type { PageProps } from './page-props';
import { showDay } from './period';
import type { Period } from './session';
import { elementName, gradeLabel } from './skm-words';
import { agencyInScope } from './SkmPage';

/**
 * The SKM report in the order the regulation's report uses: identity, period, respondents,
 * NRR per element, IKM, then the quality grade and the unit's performance label.
 */
export function SkmPrintReport(
  props: PageProps & { report: IkmReport; period: Period; onBack: () => void },
) {
  const { t, language, report, building } = props;
  const figure = report.building;
  const n = (v: number | null): string => formatNumber(v, language, 2);
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
      <h2>{t('printElements')}</h2>
      <table className="print-table">
        <thead>
          <tr>
            <th>{t('element')}</th>
            <th />
            <th className="num">{t('nrr')}</th>
            <th className="num">{t('converted')}</th>
            <th>{t('grade')}</th>
          </tr>
        </thead>
        <tbody>
          {figure.elements.map((e) => (
            <tr key={e.element}>
              <td>{e.element}</td>
              <td>{elementName(e.element, language)}</td>
              <td className="num">{figure.respondents ? n(e.nrr) : '—'}</td>
              <td className="num">{figure.respondents ? n(e.converted) : '—'}</td>
              <td>{figure.respondents ? e.grade : '—'}</td>
            </tr>
          ))}
        </tbody>
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
      <footer className="muted">
        {t('printSigned', { date: formatDate(Date.now(), building.site.timezone, language) })}
      </footer>
    </article>
  );
}
