import type { HubClient } from '@antre/client';
import type { AuditEntry, BuildingChanged, CallView, DeviceSummary } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub, until } from '../testing/test-hub';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
}, 60_000);
afterAll(async () => hub?.close());

// Device names are unique among devices in use; each made here gets its own.
let made = 0;
async function device(role: 'kiosk' | 'display', place: object = {}) {
  const { body } = await hub.api('/api/devices', {
    token: admin,
    body: { name: `${role} uji ${++made}`, role, ...place },
  });
  const token = body.token as string;
  const me = await hub.api('/api/devices/me', { token });
  return { token, id: me.body.id as string };
}

const update = (id: string, body: object) => hub.api(`/api/devices/${id}`, { token: admin, body });

const listed = async (id: string): Promise<DeviceSummary> =>
  ((await hub.api('/api/devices', { token: admin })).body.devices as DeviceSummary[]).find(
    (d) => d.id === id,
  )!;

/** Issues a ticket of the service and calls it at the counter; returns the ticket id. */
async function callAt(officer: HubClient, counterId: string, serviceId: string): Promise<string> {
  const issued = await officer.command('ticket:issue', { serviceId, priority: null });
  if (!issued.ok) throw new Error(issued.error.message);
  await officer.command('counter:open', { counterId });
  const ticketId = issued.value.tickets[0]!.id;
  const called = await officer.command('counter:call', { counterId, ticketId });
  if (!called.ok) throw new Error(called.error.message);
  return ticketId;
}

function heardChanges(client: HubClient): BuildingChanged[] {
  const heard: BuildingChanged[] = [];
  client.socket.on('building:changed', (c) => heard.push(c));
  return heard;
}

describe('changing a device while it is connected', () => {
  it('when a display is moved from zone lantai-1 to lantai-2, then it hears lantai-2 calls and no longer lantai-1 calls, without reconnecting', async () => {
    const { token, id } = await device('display', { zoneIds: ['lantai-1'] });
    const board = await hub.client(token);
    const socketId = board.socket.id;
    const changes = heardChanges(board);
    const calls: CallView[] = [];
    board.onDelta((d) => calls.push(...d.calls));
    const adminSocket = await hub.client(admin);
    const statuses: DeviceSummary[] = [];
    adminSocket.socket.on('device:status', (d) => statuses.push(d));

    const dukcapil = await hub.client(await hub.login('petugas.disdukcapil'));
    const before = await callAt(dukcapil, 'loket-1', 'disdukcapil-ktp-el');
    await until(() => calls.some((c) => c.ticketId === before));

    const moved = await update(id, { zoneIds: ['lantai-2'] });
    expect(moved).toMatchObject({ status: 200, body: { zoneIds: ['lantai-2'] } });
    await until(() => changes.some((c) => c.action === 'device.update'));
    // The fresh snapshot is of lantai-2 only: the lantai-1 call is gone from the board.
    await until(() => !board.state.calls.some((c) => c.ticketId === before));
    await until(() => statuses.some((d) => d.id === id && d.zoneIds[0] === 'lantai-2'));

    const satpas = await hub.client(await hub.login('petugas.satpas'));
    const old = await callAt(dukcapil, 'loket-2', 'disdukcapil-ktp-el');
    const fresh = await callAt(satpas, 'loket-14', 'satpas-perpanjangan-sim-c');
    // Deltas reach a socket in order: once the later lantai-2 call is here, the lantai-1 one would be too.
    await until(() => board.state.calls.some((c) => c.ticketId === fresh));
    expect(calls.some((c) => c.ticketId === old)).toBe(false);
    expect(board.state.calls.every((c) => c.zoneId === 'lantai-2')).toBe(true);
    expect(board.socket.id).toBe(socketId);
    expect(board.connection).toBe('online');

    const boardView = await hub.api('/api/display/board', { token });
    expect(boardView.body.zones).toEqual([{ id: 'lantai-2', name: expect.any(String) }]);
  });

  it('when settings are changed one field at a time, then the fields given replace and the others stay', async () => {
    const { token, id } = await device('display', {
      zoneIds: ['lantai-1'],
      settings: { runningText: 'Selamat datang' },
    });
    expect((await update(id, { settings: { recentCalls: 5 } })).status).toBe(200);
    expect((await update(id, { settings: { voiceLanguages: ['id', 'en'] } })).status).toBe(200);
    const settings = (await hub.api('/api/display/board', { token })).body.settings;
    expect(settings).toMatchObject({
      runningText: 'Selamat datang',
      recentCalls: 5,
      voiceLanguages: ['id', 'en'],
    });
    const audit = await hub.api(`/api/audit?action=device.update`, { token: admin });
    const entries = audit.body.entries as AuditEntry[];
    expect(entries.filter((e) => e.target === id)).toHaveLength(2);
    expect(entries[0]?.detail).toMatchObject({ settings: { voiceLanguages: ['id', 'en'] } });
  });

  it.each([
    ['display', { settings: { recentCalls: 100 } }, 'settings.recentCalls'],
    ['display', { settings: { agencyColumns: ['tidak-ada'] } }, 'settings.agencyColumns.0'],
    ['display', { zoneIds: ['lantai-9'] }, 'zoneIds.0'],
    ['display', { settings: { paperWidth: 80 } }, 'settings'],
    ['kiosk', { settings: { paperWidth: 57 } }, 'settings.paperWidth'],
    ['kiosk', { settings: { printer: { kind: 'tcp', host: '' } } }, 'settings.printer.host'],
    ['kiosk', { agencyIds: ['disdukcapil', 'tidak-ada'] }, 'agencyIds.1'],
  ] as const)(
    'when a %s is given %j, then it is refused with the path %s and nothing changes',
    async (role, change, path) => {
      const { id } = await device(role, role === 'display' ? { zoneIds: ['lantai-1'] } : {});
      const before = await listed(id);
      const refused = await update(id, { name: 'Nama baru', ...change });
      expect(refused.status).toBe(400);
      const fields = (refused.body.error as unknown as { fields: { path: string }[] }).fields;
      expect(fields.map((f) => f.path)).toContain(path);
      expect(await listed(id)).toEqual(before);
    },
  );

  it('when a kiosk gets a new printer and paper width, then its open socket prints with them at once', async () => {
    const { token, id } = await device('kiosk', { settings: { printer: { kind: 'virtual' } } });
    const kiosk = await hub.client(token);
    const changes = heardChanges(kiosk);
    const status = () => kiosk.socket.timeout(5_000).emitWithAck('kiosk:printer-status', {});
    expect(await status()).toMatchObject({ ok: true, value: { by: 'hub' } });
    expect(
      (await update(id, { settings: { printer: { kind: 'shell' }, paperWidth: 58 } })).status,
    ).toBe(200);
    await until(() => changes.length > 0);
    // The hub no longer drives a printer for it: the kiosk's shell does.
    expect(await status()).toMatchObject({ ok: true, value: { by: 'none' } });
    expect((await listed(id)).settings).toEqual({ printer: { kind: 'shell' }, paperWidth: 58 });
  });
});
