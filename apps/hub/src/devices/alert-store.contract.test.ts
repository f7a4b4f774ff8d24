import type { DeviceAlert } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { FencedError } from '../cluster/lease';
import type { Sql } from '../db/sql';
import { useSqlEngines } from '../testing/sql-engines';
import { createAlertStore } from './alert-store';
import { createDeviceAlerts } from './device-alerts';

// Kiosks' printer alerts on both engines.

const engines = useSqlEngines();

const T0 = Date.parse('2026-11-23T02:00:00Z');
const ADMIN: Principal = { kind: 'user', id: 'a', role: 'admin', agencyId: null, name: 'A' };
const SAMSAT_SPV: Principal = {
  kind: 'user',
  id: 's',
  role: 'supervisor',
  agencyId: 'samsat',
  name: 'S',
};

/** A kiosk as the alerts read it; made with plain SQL, as pairing would have saved it. */
async function kiosk(sql: Sql, name: string, agencyIds: string[]): Promise<string> {
  const id = `kiosk-${name.toLowerCase().replace(/\W+/g, '-')}`;
  await sql.run(
    `INSERT INTO devices (id, name, role, token_hash, zone_ids, agency_ids, created_at)
     VALUES (?, ?, 'kiosk', ?, '[]', ?, ?)`,
    [id, name, `hash-${id}`, JSON.stringify(agencyIds), T0],
  );
  return id;
}

describe.each(engines)('device alerts on $name', (engine) => {
  it('when a printer runs out of paper, then one alert is raised, its state follows the printer, and ready clears it', async () => {
    const { sql } = await engine.open();
    let now = T0;
    const alerts = createDeviceAlerts(sql, () => now);
    const heard: DeviceAlert[] = [];
    alerts.onChange((alert) => heard.push(alert));
    const lobby = await kiosk(sql, 'Kios Lobi', ['samsat']);

    const raised = await alerts.reportPrinter(lobby, 'paper_out');
    now += 1000;
    expect(await alerts.reportPrinter(lobby, 'paper_out')).toBeNull();
    const changed = await alerts.reportPrinter(lobby, 'cover_open');
    now += 1000;
    const cleared = await alerts.reportPrinter(lobby, 'ready');
    expect(await alerts.reportPrinter(lobby, 'ready')).toBeNull();

    expect(raised).toEqual({
      id: raised!.id,
      deviceId: lobby,
      deviceName: 'Kios Lobi',
      kind: 'printer',
      state: 'paper_out',
      agencyIds: ['samsat'],
      raisedAt: T0,
      clearedAt: null,
    });
    expect(changed).toMatchObject({ id: raised!.id, state: 'cover_open', raisedAt: T0 });
    expect(cleared).toMatchObject({ id: raised!.id, clearedAt: T0 + 2000 });
    expect(heard.map((a) => a.state)).toEqual(['paper_out', 'cover_open', 'cover_open']);
    expect(await alerts.openFor(ADMIN)).toEqual([]);

    // A new trouble after the old one cleared is a new alert (one open per device and kind).
    const again = await alerts.reportPrinter(lobby, 'offline');
    expect(again?.id).not.toBe(raised!.id);
    expect((await alerts.openFor(ADMIN)).map((a) => a.state)).toEqual(['offline']);
  });

  it('when reports arrive at once, then they are applied in the order sent and never open two alerts', async () => {
    const { sql } = await engine.open();
    const alerts = createDeviceAlerts(sql, () => T0);
    const lobby = await kiosk(sql, 'Kios Lobi', []);

    const answers = await Promise.all([
      alerts.reportPrinter(lobby, 'paper_out'),
      alerts.reportPrinter(lobby, 'paper_out'),
      alerts.reportPrinter(lobby, 'no_answer'),
      alerts.reportPrinter(lobby, 'ready'),
      alerts.reportPrinter(lobby, 'offline'),
    ]);

    expect(answers.map((a) => a?.state ?? null)).toEqual([
      'paper_out',
      null,
      'no_answer',
      'no_answer',
      'offline',
    ]);
    expect(await sql.get('SELECT COUNT(*) AS n FROM device_alerts')).toEqual({ n: 2 });
    expect((await alerts.openFor(ADMIN)).map((a) => a.state)).toEqual(['offline']);
  });

  it('when alerts are open, then they come oldest first with the device as it is named now, each to those who may hear it', async () => {
    const { sql } = await engine.open();
    let now = T0;
    const alerts = createDeviceAlerts(sql, () => now);
    const samsat = await kiosk(sql, 'Kios Samsat', ['samsat']);
    const shared = await kiosk(sql, 'Kios Lobi', []);
    const bpn = await kiosk(sql, 'Kios BPN', ['bpn']);
    for (const device of [bpn, shared, samsat]) {
      await alerts.reportPrinter(device, 'paper_near_end');
      now += 1000;
    }
    await sql.run('UPDATE devices SET name = ? WHERE id = ?', ['Kios Samsat 2', samsat]);

    expect((await alerts.openFor(ADMIN)).map((a) => a.deviceName)).toEqual([
      'Kios BPN',
      'Kios Lobi',
      'Kios Samsat 2',
    ]);
    expect((await alerts.openFor(SAMSAT_SPV)).map((a) => a.deviceId)).toEqual([shared, samsat]);
    expect(await alerts.openFor({ kind: 'public' })).toEqual([]);
    expect(await createAlertStore(sql).open(bpn, 'printer')).toMatchObject({
      deviceId: bpn,
      state: 'paper_near_end',
    });
  });

  if (engine.name === 'PostgreSQL')
    it('when another process has taken the building over, then no alert is raised or cleared, and the open ones are still read', async () => {
      const { sql, takeOver } = await engine.open();
      const alerts = createDeviceAlerts(sql, () => T0);
      const lobby = await kiosk(sql, 'Kios Lobi', []);
      await alerts.reportPrinter(lobby, 'paper_out');

      await takeOver!();

      await expect(alerts.reportPrinter(lobby, 'ready')).rejects.toBeInstanceOf(FencedError);
      await expect(alerts.reportPrinter(lobby, 'offline')).rejects.toBeInstanceOf(FencedError);
      expect((await alerts.openFor(ADMIN)).map((a) => a.state)).toEqual(['paper_out']);
    });
});
