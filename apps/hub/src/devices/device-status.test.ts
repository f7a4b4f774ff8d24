import type { DeviceAlert, DeviceSummary } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { MONDAY_MORNING, startTestHub, until } from '../testing/test-hub';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
}, 60_000);
afterAll(async () => hub?.close());

describe("the admin's live view of devices", () => {
  it('when a kiosk connects, reports its printer out of paper, then ready, and disconnects, then the admin socket hears each step', async () => {
    const adminSocket = await hub.client(admin);
    const alerts: DeviceAlert[] = [];
    const statuses: DeviceSummary[] = [];
    adminSocket.socket.on('device:alert', (a) => alerts.push(a));
    adminSocket.socket.on('device:status', (d) => statuses.push(d));
    // An officer shares no room with device news.
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    const officerHeard: string[] = [];
    officer.socket.on('device:status', () => officerHeard.push('status'));
    officer.socket.on('device:alert', () => officerHeard.push('alert'));

    const { body } = await hub.api('/api/devices', {
      token: admin,
      body: { name: 'Kios lobi', role: 'kiosk', settings: { printer: { kind: 'shell' } } },
    });
    const kiosk = await hub.client(body.token as string);
    await until(() => statuses.some((d) => d.name === 'Kios lobi' && d.online));

    const report = (reported: 'paper_out' | 'ready') =>
      kiosk.socket.timeout(5_000).emitWithAck('kiosk:printer-status', { reported });
    await report('paper_out');
    await until(() => alerts.length === 1);
    expect(alerts[0]).toMatchObject({
      deviceName: 'Kios lobi',
      state: 'paper_out',
      clearedAt: null,
    });
    await report('ready');
    await until(() => alerts.length === 2);
    expect(alerts[1]?.clearedAt).toEqual(expect.any(Number));

    kiosk.close();
    await until(() => statuses.some((d) => d.name === 'Kios lobi' && !d.online));
    expect(statuses.at(-1)).toMatchObject({ online: false, lastSeenAt: expect.any(Number) });
    expect(officerHeard).toEqual([]);
  });

  it('when a kiosk has no printer set, then the admin hears "no printer" and it clears once one is set', async () => {
    const adminSocket = await hub.client(admin);
    const alerts: DeviceAlert[] = [];
    adminSocket.socket.on('device:alert', (a) => alerts.push(a));
    const { body } = await hub.api('/api/devices', {
      token: admin,
      body: { name: 'Kios tanpa printer', role: 'kiosk' },
    });
    const kiosk = await hub.client(body.token as string);
    const status = () => kiosk.socket.timeout(5_000).emitWithAck('kiosk:printer-status', {});
    expect(await status()).toEqual({
      ok: true,
      value: { state: 'none', canPrint: false, by: 'none' },
    });
    await until(() => alerts.length === 1);
    expect(alerts[0]).toMatchObject({ deviceName: 'Kios tanpa printer', state: 'no_printer' });
    const open = await hub.api('/api/devices/alerts', { token: admin });
    expect(open.body.alerts).toEqual([expect.objectContaining({ state: 'no_printer' })]);
    // Asking again keeps the one alert; a tap raises nothing new either.
    await status();
    const tap = await kiosk.socket.timeout(5_000).emitWithAck('kiosk:issue', {
      commandId: 'no-printer-tap-1',
      serviceId: 'disdukcapil-ktp-el',
    });
    expect(tap).toMatchObject({ ok: true, value: { reason: 'no_printer', ticket: null } });
    expect(alerts).toHaveLength(1);

    const id = alerts[0]!.deviceId;
    const set = await hub.api(`/api/devices/${id}`, {
      token: admin,
      body: { settings: { printer: { kind: 'virtual' } } },
    });
    expect(set.status).toBe(200);
    expect(await status()).toMatchObject({ ok: true, value: { state: 'ready' } });
    await until(() => alerts.length === 2);
    expect(alerts[1]).toMatchObject({ state: 'no_printer', clearedAt: expect.any(Number) });
    kiosk.close();
  });

  it("when a kiosk asks for the ticket template, then it gets the admin's saved one; other roles are refused", async () => {
    const kiosk = await hub.device('kiosk');
    const before = await hub.api('/api/kiosk/ticket-template', { token: kiosk });
    expect(before.status).toBe(200);
    expect(before.body.template).toContain('{{siteName}}');
    const template = '{{bigLabel}}\n{{serviceName}}\nSimpan tiket ini';
    const saved = await hub.api('/api/ticket-template', {
      token: admin,
      method: 'PUT',
      body: { template },
    });
    expect(saved.status).toBe(200);
    expect((await hub.api('/api/kiosk/ticket-template', { token: kiosk })).body).toEqual({
      template,
    });
    expect(
      (await hub.api('/api/kiosk/ticket-template', { token: await hub.device('display') })).status,
    ).toBe(403);
    expect((await hub.api('/api/kiosk/ticket-template', { token: admin })).status).toBe(403);
  });
});

describe('a hub that stops with a device connected', () => {
  it('when it stops, then the device is noted as last seen then, before the database closes', async () => {
    const stopping = await startTestHub();
    const failures = vi.spyOn(console, 'error');
    try {
      const token = await stopping.device('kiosk');
      const id = (await stopping.api('/api/devices/me', { token })).body.id as string;
      await stopping.client(token);
      stopping.advance(60_000);

      await stopping.stopKeepingData();

      expect(failures).not.toHaveBeenCalled();
      const kiosk = await stopping.sql.get<{ last_seen_at: number }>(
        'SELECT last_seen_at FROM devices WHERE id = ?',
        [id],
      );
      expect(kiosk?.last_seen_at).toBe(MONDAY_MORNING + 60_000);
    } finally {
      failures.mockRestore();
      await stopping.close();
    }
  });
});
