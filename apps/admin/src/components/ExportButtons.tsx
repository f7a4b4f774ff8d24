import type { IkmExportTable } from '@antre/protocol';
import { useState } from 'react';
import type { ExportTable, Period, Session } from '../session';
import { hubApi } from '../session';
import type { Translate } from '../messages';

export type FileFormat = 'xlsx' | 'csv';

type Props = { t: Translate; session: Session; period: Period } & (
  { report?: 'summary'; table: ExportTable } | { report: 'ikm'; table: IkmExportTable }
);

/** XLSX and CSV of one report table (or an SKM/IKM table), fetched with the token and saved. */
export function ExportButtons(props: Props) {
  const { report = 'summary' } = props;
  return (
    <FileButtons
      t={props.t}
      testId={`export-${report === 'ikm' ? 'ikm-' : ''}${props.table}`}
      save={(format) =>
        hubApi.download(props.session.token, props.period, props.table, format, report)
      }
    />
  );
}

/** The two buttons of any table file; `save` says whether the file came. */
export function FileButtons(props: {
  t: Translate;
  testId: string;
  save: (format: FileFormat) => Promise<boolean>;
}) {
  const { t, testId } = props;
  const [failed, setFailed] = useState(false);
  const save = async (format: FileFormat): Promise<void> => setFailed(!(await props.save(format)));
  return (
    <span className="exports">
      <button
        type="button"
        className="secondary"
        data-testid={`${testId}-xlsx`}
        onClick={() => void save('xlsx')}
      >
        {t('exportXlsx')}
      </button>
      <button
        type="button"
        className="secondary"
        data-testid={`${testId}-csv`}
        onClick={() => void save('csv')}
      >
        {t('exportCsv')}
      </button>
      {failed && <span className="form-error">{t('exportFailed')}</span>}
    </span>
  );
}
