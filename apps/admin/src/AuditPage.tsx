import './admin-config.css';
import type { AuditEntry } from '@antre/protocol';
import { useEffect, useState } from 'react';
import { configApi } from './config-api';
import { configT } from './config-messages';
import { TextField } from './ConfigField';
import type { PageProps } from './page-props';

// Dates are the building's local days; the hub takes an ISO instant with an offset.
const OFFSETS = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' } as const;

/** Every configuration change and queue action, newest first, filtered on the hub. */
export function AuditPage(props: PageProps) {
  const t = configT(props.language);
  const offset = OFFSETS[props.building.site.timezone];
  const [filter, setFilter] = useState({
    from: props.today,
    to: props.today,
    actor: '',
    action: '',
  });
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(): Promise<void> {
    const dayAfter = (d: string) =>
      new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const answer = await configApi.audit(props.session.token, {
      ...(filter.from ? { from: Date.parse(`${filter.from}T00:00:00${offset}`) } : {}),
      ...(filter.to ? { to: Date.parse(`${dayAfter(filter.to)}T00:00:00${offset}`) } : {}),
      ...(filter.actor ? { actor: filter.actor } : {}),
      ...(filter.action ? { action: filter.action } : {}),
    });
    if (answer.ok) {
      setEntries(answer.value.entries);
      setError(null);
    } else if (answer.refusal.status === 401) props.onUnauthorized();
    else setError(t('refused', { reason: answer.refusal.message }));
  }
  useEffect(() => void load(), []);
  const when = (at: number) =>
    new Date(at).toLocaleString(props.language === 'id' ? 'id-ID' : 'en-GB', {
      dateStyle: 'short',
      timeStyle: 'medium',
    });

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
        <TextField
          label={t('actor')}
          value={filter.actor}
          onChange={(actor) => setFilter({ ...filter, actor })}
        />
        <TextField
          label={t('actionPrefix')}
          value={filter.action}
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
        <table className="data" data-testid="audit">
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
            {entries?.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{when(e.at)}</td>
                <td>{e.actorName ?? e.actorUserId ?? e.actorDeviceId ?? '—'}</td>
                <td className="nowrap">{e.action}</td>
                <td>{e.target ?? '—'}</td>
                <td>
                  <small className="detail">{JSON.stringify(e.detail).slice(0, 160)}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
