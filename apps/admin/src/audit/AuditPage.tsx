import '../admin-config.css';
import { actionLabel, detailLines, originText, siteTime, targetText } from './audit-format';
import { SelectField, TextField } from '../components/ConfigField';
import type { PageProps } from '../page-props';
import { useAuditPage } from './use-audit-page';

/** The families the action filter offers; the hub matches `ticket` without `ticket-template`. */
const ACTION_FAMILIES = [
  'ticket',
  'counter',
  'building',
  'service',
  'user',
  'device',
  'media',
  'ticket-template',
] as const;

/** Every configuration change and queue action, newest first, filtered on the hub. */
export function AuditPage(props: PageProps) {
  const { t, building } = props;
  const { zone, filter, setFilter, entries, actors, error, load } = useAuditPage(props);

  return (
    <>
      <div className="page-head">
        <h1>{t('auditTitle')}</h1>
      </div>
      <form
        className="config-form filters"
        aria-label={t('filter')}
        onSubmit={(ev) => {
          ev.preventDefault();
          void load();
        }}
      >
        <TextField
          label={t('from')}
          type="date"
          value={filter.from}
          onChange={(from) => setFilter({ ...filter, from })}
        />
        <TextField
          label={t('to')}
          type="date"
          value={filter.to}
          onChange={(to) => setFilter({ ...filter, to })}
        />
        <SelectField
          label={t('actorFilter')}
          value={filter.actor}
          options={[{ value: '', label: t('everyone') }, ...actors]}
          onChange={(actor) => setFilter({ ...filter, actor })}
        />
        <SelectField
          label={t('family')}
          value={filter.action}
          options={[
            { value: '', label: t('allFamilies') },
            ...ACTION_FAMILIES.map((f) => ({ value: f, label: t(`family.${f}`) })),
          ]}
          onChange={(action) => setFilter({ ...filter, action })}
        />
        <button type="submit" className="primary">
          {t('filter')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="table-scroll">
        <table className="data audit" data-testid="audit">
          <thead>
            <tr>
              <th>{t('when')}</th>
              <th>{t('who')}</th>
              <th>{t('action')}</th>
              <th>{t('target')}</th>
              <th>{t('detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries?.length === 0 && (
              <tr>
                <td colSpan={5}>{t('noEntries')}</td>
              </tr>
            )}
            {entries?.map((e) => {
              const origin = originText(e.detail);
              return (
                <tr key={e.id}>
                  <td className="nowrap">{siteTime(e.at, zone, props.language)}</td>
                  <td>
                    {e.actorName ?? '—'}
                    {origin && (
                      <small className="origin">{t('fromWhere', { where: origin })}</small>
                    )}
                  </td>
                  <td>
                    {actionLabel(e.action, t)}
                    <small className="code">{e.action}</small>
                  </td>
                  <td>
                    {targetText(e)}
                    {e.counterName && (
                      <small className="origin">
                        {t('counter')}: {e.counterName}
                      </small>
                    )}
                  </td>
                  <td>
                    <dl className="detail">
                      {detailLines(e.detail, building, t, props.language).map(([key, value]) => (
                        <div key={key}>
                          <dt>{key}</dt>
                          <dd>{value}</dd>
                        </div>
                      ))}
                    </dl>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
