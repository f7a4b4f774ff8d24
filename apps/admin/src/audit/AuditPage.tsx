import '../admin-config.css';
import type { AuditEntry } from '@antre/protocol';
import { useEffect, useState } from 'react';
import { actionLabel, detailLines, originText, siteTime, targetText } from './audit-format';
import { configApi } from '../config-api';
import { refusalText } from '../conflict-messages';
import { SelectField, TextField } from '../components/ConfigField';
import type { PageProps } from '../page-props';

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

// Dates are the building's local days; the hub takes an ISO instant with an offset.
const OFFSETS = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' } as const;

interface Actor {
  value: string;
  label: string;
}

/** Every configuration change and queue action, newest first, filtered on the hub. */
export function AuditPage(props: PageProps) {
  const { t } = props;
  const { building } = props;
  const zone = building.site.timezone;
  const offset = OFFSETS[zone];
  const [filter, setFilter] = useState({
    from: props.today,
    to: props.today,
    actor: '',
    action: '',
  });
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [actors, setActors] = useState<Actor[]>([]);
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
    } else if (answer.status === 401) props.onUnauthorized();
    else setError(t('refused', { reason: refusalText(answer.error, props.language) }));
  }
  // People and devices to pick from, so nobody has to know an id.
  async function loadActors(): Promise<void> {
    const token = props.session.token;
    const [users, devices] = await Promise.all([configApi.users(token), configApi.devices(token)]);
    setActors([
      ...(users.ok
        ? users.value.users.map((u) => ({
            value: u.id,
            label: `${u.displayName} (${u.username})`,
          }))
        : []),
      ...(devices.ok
        ? devices.value.devices.map((d) => ({
            value: d.id,
            label: t('deviceOption', { name: d.name }),
          }))
        : []),
    ]);
  }
  useEffect(() => {
    void load();
    void loadActors();
  }, []);

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
