import type { IkmReport } from '@antre/protocol';
import { formatDate } from '@antre/ui';
import type { PageProps } from '../page-props';
import { elementName } from './skm-words';

const FOLLOW_UP_ROWS = 3;

/**
 * The report's closing: a follow-up plan for the unit to fill in, its first column proposing
 * the lowest-scoring elements, then place, date and the head of the unit's signature.
 */
export function SkmPrintClosing(props: PageProps & { report: IkmReport }) {
  const { t, language, report, building } = props;
  const figure = report.building;
  const lowest = figure.respondents
    ? [...figure.elements].sort((a, b) => a.nrr - b.nrr).slice(0, FOLLOW_UP_ROWS)
    : [];
  const date = formatDate(Date.now(), building.site.timezone, language);
  return (
    <>
      <h2>{t('printFollowUp')}</h2>
      <p className="muted">{t('printFollowUpHint')}</p>
      <table className="print-table print-follow-up" data-testid="print-follow-up">
        <thead>
          <tr>
            <th className="num">{t('followNo')}</th>
            <th>{t('followElement')}</th>
            <th>{t('followProgram')}</th>
            <th>{t('followWhen')}</th>
            <th>{t('followWho')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: FOLLOW_UP_ROWS }, (_, i) => {
            const element = lowest[i];
            return (
              <tr key={i}>
                <td className="num">{i + 1}</td>
                <td>
                  {element ? `${element.element} ${elementName(element.element, language)}` : ''}
                </td>
                <td />
                <td />
                <td />
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="print-signature" data-testid="print-signature">
        <p>{t('printPlaceDate', { date })}</p>
        <p>{t('printHead', { unit: building.site.name })}</p>
        <div className="print-signature-space" />
        <p>{t('printSignName')}</p>
        <p>{t('printNip')}</p>
      </div>
    </>
  );
}
