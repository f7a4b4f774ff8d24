import type { IkmExportTable } from '@antre/protocol';
import { useState } from 'react';
import type { Translate } from './messages';
import type { ExportTable, Period, Session } from './session';
import { hubApi } from './session';

type Props = { t: Translate; session: Session; period: Period } & (
  { report?: 'summary'; table: ExportTable } | { report: 'ikm'; table: IkmExportTable }
);

/** XLSX and CSV of one report table (or an SKM/IKM table), fetched with the token and saved. */
export function ExportButtons(props: Props) {
  const { t, report = 'summary' } = props;
  const [failed, setFailed] = useState(false);
  const save = async (format: 'xlsx' | 'csv'): Promise<void> => {
    const { token } = props.session;
    setFailed(!(await hubApi.download(token, props.period, props.table, format, report)));
  };
  const testId = `export-${report === 'ikm' ? 'ikm-' : ''}${props.table}`;
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
