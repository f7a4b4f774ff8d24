import { useState } from 'react';
import type { Translate } from './messages';
import type { ExportTable, Period, Session } from './session';
import { hubApi } from './session';

/** XLSX and CSV of one report table, fetched with the token and saved as a file. */
export function ExportButtons(props: {
  t: Translate;
  session: Session;
  period: Period;
  table: ExportTable;
}) {
  const { t } = props;
  const [failed, setFailed] = useState(false);
  const save = async (format: 'xlsx' | 'csv'): Promise<void> => {
    setFailed(!(await hubApi.download(props.session.token, props.period, props.table, format)));
  };
  return (
    <span className="exports">
      <button
        type="button"
        className="secondary"
        data-testid={`export-${props.table}-xlsx`}
        onClick={() => void save('xlsx')}
      >
        {t('exportXlsx')}
      </button>
      <button
        type="button"
        className="secondary"
        data-testid={`export-${props.table}-csv`}
        onClick={() => void save('csv')}
      >
        {t('exportCsv')}
      </button>
      {failed && <span className="form-error">{t('exportFailed')}</span>}
    </span>
  );
}
