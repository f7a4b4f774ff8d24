import '../admin-config.css';
import './devices.css';
import type { DeviceAlert, DeviceSummary, PendingPairing } from '@antre/protocol';
import { errorText, fieldErrors } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { Refusal } from '../config-api';
import { configApi } from '../config-api';
import { Notice, SelectField, TextField } from '../components/ConfigField';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { refusalText } from '../conflict-messages';
import { deviceApi } from './device-api';
import type { DeviceDraft } from './device-draft';
import { blankDraft, placeOf, settingsOf } from './device-draft';
import { DeviceEditPanel } from './DeviceEditPanel';
import { DevicePlaceFields } from './DevicePlaceFields';
import { DeviceTable, shortTime } from './DeviceTable';
import { MediaSection } from './MediaSection';
import type { PageProps } from '../page-props';
import { useDeviceFeed } from './use-device-feed';
import { useFreshBuilding } from '../use-fresh-building';

const openAlerts = (alerts: DeviceAlert[]) =>
  new Map(alerts.filter((a) => a.clearedAt === null).map((a) => [a.deviceId, a]));

/** Pairing codes to approve, the devices (live status, edit, revoke) and the boards' media. */
export function DevicesPage(props: PageProps) {
  const { t } = props;
  const building = useFreshBuilding(props.session.token, props.building);
  const token = props.session.token;
  const [pending, setPending] = useState<PendingPairing[]>([]);
  const [devices, setDevices] = useState<DeviceSummary[]>([]);
  const [alerts, setAlerts] = useState<Map<string, DeviceAlert>>(new Map());
  const [code, setCode] = useState('');
  const [draft, setDraft] = useState<DeviceDraft>(blankDraft('kiosk'));
  const [editing, setEditing] = useState<DeviceSummary | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [notice, setNotice] = useState<{ text: string; kind: 'ok' | 'bad' } | null>(null);
  const [revoking, setRevoking] = useState<{ device: DeviceSummary; problem?: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  const loadPending = async () => {
    const p = await configApi.pending(token);
    if (!p.ok && p.status === 401) return props.onUnauthorized();
    if (p.ok) setPending(p.value.pending);
  };
  const load = async () => {
    const [, d, a] = await Promise.all([
      loadPending(),
      configApi.devices(token),
      deviceApi.alerts(token),
    ]);
    if (d.ok) setDevices(d.value.devices);
    if (a.ok) setAlerts(openAlerts(a.value.alerts));
  };
  const live = useDeviceFeed(token, {
    status: (device) =>
      setDevices((list) =>
        list.some((d) => d.id === device.id)
          ? list.map((d) => (d.id === device.id ? device : d))
          : [...list, device],
      ),
    alert: (alert) =>
      setAlerts((open) => {
        const next = new Map(open);
        if (alert.clearedAt === null) next.set(alert.deviceId, alert);
        else next.delete(alert.deviceId);
        return next;
      }),
    pairing: () => void loadPending(),
  });
  // Live, the hub says when anything changes; catch up on what a dropped socket missed, and
  // ask now and then only while it is down.
  useEffect(() => {
    void load();
    if (live) return;
    const timer = setInterval(() => void load(), 60_000);
    return () => clearInterval(timer);
  }, [live]);

  const bad = (r: Refusal) =>
    setNotice({
      text:
        r.status === 400
          ? t('fixFields')
          : t('refused', { reason: refusalText(r.error, props.language) }),
      kind: 'bad',
    });
  async function approve(): Promise<void> {
    const role = draft.role === 'display' ? 'display' : 'kiosk';
    const answer = await deviceApi.approve(token, {
      code,
      name: draft.name,
      role,
      ...placeOf(draft),
      settings: settingsOf(draft),
    });
    if (!answer.ok) {
      setRefusal(answer);
      return bad(answer);
    }
    setRefusal(null);
    const approved = t('approved', { name: draft.name });
    setNotice(
      role === 'kiosk' && draft.kiosk.printerKind === ''
        ? { text: `${approved} ${t('savedNoPrinter', { name: draft.name })}`, kind: 'bad' }
        : { text: approved, kind: 'ok' },
    );
    setCode('');
    setDraft(blankDraft('kiosk'));
    await load();
  }
  async function reject(pairingCode: string): Promise<void> {
    const answer = await configApi.reject(token, pairingCode);
    if (!answer.ok) bad(answer);
    await load();
  }
  async function revoke(d: DeviceSummary): Promise<void> {
    setBusy(true);
    const answer = await configApi.revokeDevice(token, d.id);
    setBusy(false);
    if (!answer.ok) {
      if (answer.status === 401) return props.onUnauthorized();
      return setRevoking({ device: d, problem: errorText(answer.error.code, props.language) });
    }
    setRevoking(null);
    if (editing?.id === d.id) setEditing(null);
    await load();
    setNotice({ text: t('deviceRevoked', { name: d.name }), kind: 'ok' });
  }
  const e = fieldErrors(refusal);

  return (
    <>
      <div className="page-head">
        <h1>{t('devicesTitle')}</h1>
        <p className={live ? 'live-badge on' : 'live-badge'}>{live ? t('liveOn') : t('liveOff')}</p>
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
                  {p.ip} · {t('requested')}{' '}
                  {shortTime(p.requestedAt, props.language, '', building.site.timezone)}
                </small>
              </span>
              <span className="row-actions">
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setCode(p.code);
                    setDraft({ ...blankDraft(p.role), name: p.name ?? '' });
                    setRefusal(null);
                  }}
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
      {editing && (
        <DeviceEditPanel
          key={editing.id}
          device={editing}
          building={building}
          token={token}
          t={t}
          language={props.language}
          onSaved={(saved) => {
            // The panel's title follows a rename.
            setEditing(saved);
            setDevices((list) => list.map((d) => (d.id === saved.id ? saved : d)));
          }}
          onClose={() => setEditing(null)}
        />
      )}
      <DeviceTable
        devices={devices}
        alerts={alerts}
        building={building}
        language={props.language}
        t={t}
        onEdit={(d) => setEditing(d)}
        onRevoke={(d) => setRevoking({ device: d })}
      />
      {revoking && (
        <ConfirmDialog
          title={t('revokeTitle', { name: revoking.device.name })}
          body={t('revokeBody')}
          confirm={t('revokeConfirm')}
          cancel={t('close')}
          busy={busy}
          problem={revoking.problem ?? null}
          onConfirm={() => void revoke(revoking.device)}
          onCancel={() => setRevoking(null)}
        />
      )}
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
          <TextField label={t('pairCode')} value={code} onChange={setCode} error={e.code} />
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
            onChange={(role) =>
              setDraft({
                ...blankDraft(role === 'display' ? 'display' : 'kiosk'),
                name: draft.name,
              })
            }
            error={e.role}
          />
          <DevicePlaceFields
            draft={draft}
            onChange={setDraft}
            errors={e}
            building={building}
            t={t}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('approve')}
          </button>
        </div>
      </form>
      <MediaSection token={token} t={t} language={props.language} />
    </>
  );
}
