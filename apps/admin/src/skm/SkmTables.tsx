import type { DemographicField } from '@antre/domain';
import type { IkmReport } from '@antre/protocol';
import { demographicLabel } from '@antre/ui';
import type { PageProps } from '../page-props';
import { formatScore, gradeLabel, PROFILE_FIELDS } from './skm-words';

type Figure = IkmReport['building'];
export type NamedFigure = Figure & { key: string; name: string };

/** Agencies or services that served someone or were rated in the period. */
export const activeRows = (rows: NamedFigure[]): NamedFigure[] =>
  rows.filter((r) => r.respondents > 0 || r.served > 0);

/** IKM per agency or per service: respondents against the target, IKM, grade. */
export function IkmTable(
  props: Pick<PageProps, 't' | 'language'> & {
    nameHeader: string;
    rows: NamedFigure[];
    testId: string;
    className: string;
  },
) {
  const { t, language } = props;
  return (
    <table className={props.className} data-testid={props.testId}>
      <thead>
        <tr>
          <th>{props.nameHeader}</th>
          <th className="num">{t('respondents')}</th>
          <th className="num">{t('ikm')}</th>
          <th>{t('grade')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key}>
            <td>{r.name}</td>
            <td className="num">
              {r.respondents} / {r.target}
            </td>
            <td className="num">{formatScore(r.ikm, language)}</td>
            <td>{r.grade ? `${r.grade} · ${gradeLabel(r.grade, language)}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type ProfileProps = Pick<PageProps, 't' | 'language'> & { report: IkmReport };

/** Each answer's count and share of all respondents; nobody skipping needs no "Tidak diisi". */
function profileLines({ t, language, report }: ProfileProps, field: DemographicField) {
  const n = report.building.respondents;
  return report.profile[field]
    .filter((c) => c.value !== null || c.count > 0)
    .map((c) => ({
      key: `${field}-${c.value ?? 'none'}`,
      label: c.value === null ? t('profileSkipped') : demographicLabel(field, c.value, language),
      count: c.count,
      share: n ? `${formatScore((100 * c.count) / n, language)}%` : '—',
    }));
}

/** One small table per characteristic (sex, age, education, occupation), side by side. */
export function ProfileGrid(props: ProfileProps & { tableClass: string }) {
  const { t } = props;
  return (
    <div className="profile-grid" data-testid="table-profile">
      {PROFILE_FIELDS.map(([field, title]) => (
        <table key={field} className={props.tableClass}>
          <thead>
            <tr>
              <th>{t(title)}</th>
              <th className="num">{t('profileCount')}</th>
              <th className="num">{t('profileShare')}</th>
            </tr>
          </thead>
          <tbody>
            {profileLines(props, field).map((line) => (
              <tr key={line.key}>
                <td>{line.label}</td>
                <td className="num">{line.count}</td>
                <td className="num">{line.share}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
