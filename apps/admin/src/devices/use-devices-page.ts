import type { DeviceAlert, DeviceSummary, PendingPairing } from '@antre/protocol';
import { errorText, fieldErrors } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { Refusal } from '../config-api';
import { configApi } from '../config-api';
import { refusalNotice } from '../conflict-messages';
import type { PageProps } from '../page-props';
import { useFreshBuilding } from '../use-fresh-building';
import { deviceApi } from './device-api';
import type { DeviceDraft } from './device-draft';
import { blankDraft, placeOf, settingsOf } from './device-draft';
import { useDeviceFeed } from './use-device-feed';

const openAlerts = (alerts: DeviceAlert[]) =>
  new Map(alerts.filter((a) => a.clearedAt === null).map((a) => [a.deviceId, a]));

/** The devices page's state: pairing codes, devices with live status and alerts, approve, revoke. */
export function useDevicesPage(props: PageProps) {
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
      text: refusalNotice(r, props.language),
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
  // Approving a waiting code starts from its role and the name the device asked for.
  function pick(p: PendingPairing): void {
    setCode(p.code);
    setDraft({ ...blankDraft(p.role), name: p.name ?? '' });
    setRefusal(null);
  }
  // The edit panel's title follows a rename.
  function edited(saved: DeviceSummary): void {
    setEditing(saved);
    setDevices((list) => list.map((d) => (d.id === saved.id ? saved : d)));
  }

  return {
    building,
    token,
    live,
    pending,
    devices,
    alerts,
    code,
    setCode,
    draft,
    setDraft,
    editing,
    setEditing,
    notice,
    revoking,
    setRevoking,
    busy,
    errors: fieldErrors(refusal),
    pick,
    edited,
    approve,
    reject,
    revoke,
  };
}
