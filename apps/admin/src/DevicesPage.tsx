import './admin-config.css';
import type { DeviceSummary, PendingPairing } from '@antre/protocol';
import { useEffect, useState } from 'react';
import type { Approval, Refusal } from './config-api';
import { configApi } from './config-api';
import { configT } from './config-messages';
import { Notice, SelectField, TextField } from './ConfigField';
import type { PageProps } from './page-props';
import { useFreshBuilding } from './use-fresh-building';

const time = (at: number | null, language: string, never: string) =>
  at === null
    ? never
    : new Date(at).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', {
        dateStyle: 'short',
        timeStyle: 'short',
      });

/** Pending pairing codes (approve with a role and place, or reject) and the paired devices. */
export function DevicesPage(props: PageProps) {
  const t = configT(props.language);
  const building = useFreshBuilding(props.session.token, props.building);
  const token = props.session.token;
  const [pending, setPending] = useState<PendingPairing[]>([]);
  const [devices, setDevices] = useState<DeviceSummary[] | null>(null);
  const blank: Approval = { code: '', name: '', role: 'kiosk', zoneIds: [], agencyIds: [] };
  const [draft, setDraft] = useState<Approval>(blank);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'bad' } | null>(null);

  const load = async () => {
    const [p, d] = await Promise.all([configApi.pending(token), configApi.devices(token)]);
    if (!p.ok && p.refusal.status === 401) return props.onUnauthorized();
    if (p.ok) setPending(p.value.pending);
    if (d.ok) setDevices(d.value.devices);
  };
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 10_000);
    return () => clearInterval(timer);
  }, []);

  const bad = (r: Refusal) =>
    setNotice({
      text: r.status === 400 ? t('fixFields') : t('refused', { reason: r.message }),
      kind: 'bad',
    });
  async function approve(): Promise<void> {
    const answer = await configApi.approve(token, draft);
    if (!answer.ok) {
      setRefusal(answer.refusal);
      return bad(answer.refusal);
    }
    setRefusal(null);
    setNotice({ text: t('approved', { name: draft.name }), kind: 'ok' });
    setDraft(blank);
    await load();
  }
  async function reject(code: string): Promise<void> {
    const answer = await configApi.reject(token, code);
    if (!answer.ok) bad(answer.refusal);
    await load();
  }
  async function rename(d: DeviceSummary): Promise<void> {
    const name = window.prompt(t('rename'), d.name);
    if (!name || name === d.name) return;
    const answer = await configApi.renameDevice(token, d.id, name);
    if (!answer.ok) bad(answer.refusal);
    await load();
  }
  async function revoke(d: DeviceSummary): Promise<void> {
    if (!window.confirm(t('confirmRevoke', { name: d.name }))) return;
    const answer = await configApi.revokeDevice(token, d.id);
    if (!answer.ok) bad(answer.refusal);
    await load();
  }
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const e = refusal?.fields ?? {};
  const { zones, agencies } = building;

  return (
    <>
      <div className="page-head">
        <h1>{t('devicesTitle')}</h1>
      </div>
      {notice && <Notice text={notice.text} kind={notice.kind} />}
      <section className="config-list" aria-label={t('pendingTitle')}>
        <h2>{t('pendingTitle')}</h2>
        {pending.length === 0 && <p className="muted">{t('noPending')}</p>}
        <ul data-testid="pending">
          {pending.map((p) => (
            <li key={p.pairingId}>
              <span>
                <strong className="code">{`${p.code.slice(0, 3)}-${p.code.slice(3)}`}</strong>{' '}
                {t(p.role)}
                {p.name ? ` · ${p.name}` : ''}{' '}
                <small className="muted">
                  {p.ip} · {t('requested')} {time(p.requestedAt, props.language, '')}
                </small>
              </span>
              <span className="row-actions">
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    setDraft({ ...blank, code: p.code, role: p.role, name: p.name ?? '' })
                  }
                >
                  {t('approve')}
                </button>
                <button type="button" className="link danger" onClick={() => void reject(p.code)}>
                  {t('reject')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <form
        className="config-form"
        aria-label={t('approveTitle')}
        onSubmit={(ev) => {
          ev.preventDefault();
          void approve();
        }}
      >
        <h2>{t('approveTitle')}</h2>
        <div className="form-grid">
          <TextField
            label={t('code')}
            value={draft.code}
            onChange={(code) => setDraft({ ...draft, code })}
            error={e.code}
          />
          <TextField
            label={t('name')}
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
            error={e.name}
          />
          <SelectField
            label={t('role')}
            value={draft.role}
            options={[
              { value: 'kiosk', label: t('kiosk') },
              { value: 'display', label: t('display') },
            ]}
            onChange={(role) => setDraft({ ...draft, role: role as Approval['role'] })}
            error={e.role}
          />
          <fieldset>
            <legend>{t('zones')}</legend>
            {zones.map((z) => (
              <label key={z.id} className="check">
                <input
                  type="checkbox"
                  checked={draft.zoneIds.includes(z.id)}
                  onChange={(ev) =>
                    setDraft({ ...draft, zoneIds: toggle(draft.zoneIds, z.id, ev.target.checked) })
                  }
                />
                {z.name}
              </label>
            ))}
          </fieldset>
          <fieldset className="wide">
            <legend>{t('agencies')}</legend>
            {agencies.map((a) => (
              <label key={a.id} className="check">
                <input
                  type="checkbox"
                  checked={draft.agencyIds.includes(a.id)}
                  onChange={(ev) =>
                    setDraft({
                      ...draft,
                      agencyIds: toggle(draft.agencyIds, a.id, ev.target.checked),
                    })
                  }
                />
                {a.shortName}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('approve')}
          </button>
        </div>
      </form>
      <div className="table-scroll">
        <table className="data" data-testid="devices">
          <thead>
            <tr>
              <th>{t('name')}</th>
              <th>{t('role')}</th>
              <th>{t('status')}</th>
              <th>{t('lastSeen')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {devices?.map((d) => (
              <tr key={d.id}>
                <td>{d.name}</td>
                <td>{t(d.role)}</td>
                <td>
                  <span
                    className={d.revokedAt ? 'state revoked' : d.online ? 'state on' : 'state off'}
                  >
                    {d.revokedAt ? t('revoked') : d.online ? t('online') : t('offline')}
                  </span>
                </td>
                <td>{time(d.lastSeenAt, props.language, t('never'))}</td>
                <td className="row-actions">
                  {!d.revokedAt && (
                    <>
                      <button
                        type="button"
                        className="link"
                        aria-label={`${t('rename')} ${d.name}`}
                        onClick={() => void rename(d)}
                      >
                        {t('rename')}
                      </button>
                      <button
                        type="button"
                        className="link danger"
                        aria-label={`${t('revoke')} ${d.name}`}
                        onClick={() => void revoke(d)}
                      >
                        {t('revoke')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
