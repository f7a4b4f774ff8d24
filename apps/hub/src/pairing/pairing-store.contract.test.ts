import type { PairingChanged } from '@antre/protocol';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createAuditStore } from '../audit/audit-store';
import { createAuthStore } from '../auth/auth-store';
import type { Principal } from '../auth/principal';
import { EMPTY_BUILDING } from '../building/first-start';
import { FencedError } from '../cluster/lease';
import type { Sql } from '../db/sql';
import type { HubSocket } from '../realtime/socket-data';
import { useSqlEngines } from '../testing/sql-engines';
import { createDevicePairing } from './device-pairing';
import { createDeviceRegistry } from './device-registry';
import { createDeviceSockets } from './device-sockets';
import { PAIRING_TTL_MS } from './pairing-codes';
import type { NewPairing } from './pairing-store';
import { createPairingStore } from './pairing-store';
import { hashSecret, newSealKeys } from './token-seal';

// Pairing requests, the pairing story and the device registry on both engines.

const engines = useSqlEngines();

const T0 = Date.parse('2026-11-23T02:00:00Z');
const MINUTE = 60_000;
const ADMIN: Principal = { kind: 'user', id: 'u-admin', role: 'admin', agencyId: null, name: 'A' };
const ACTOR = {
  principal: ADMIN,
  request: { ip: '10.0.0.9', headers: {} } as FastifyRequest,
};
// One key pair for the store's own tests: making one takes a while.
const KEYS = newSealKeys('secret');

const request = (code: string, now: number): NewPairing => ({
  code,
  role: 'kiosk',
  name: null,
  ip: '10.0.0.20',
  secretHash: hashSecret('secret'),
  keys: KEYS,
  now,
  expiresAt: now + PAIRING_TTL_MS,
});

const auditActions = async (sql: Sql): Promise<string[]> =>
  (await sql.all<{ action: string }>('SELECT action FROM audit_log ORDER BY id')).map(
    (row) => row.action,
  );

/** Pairing and the registry as the hub wires them, at a clock the test moves. */
function devicesOn(sql: Sql) {
  let now = T0;
  const changes: PairingChanged[] = [];
  const deps = {
    sql,
    auth: createAuthStore(sql),
    now: () => now,
    building: () => EMPTY_BUILDING,
    audit: createAuditStore(sql),
  };
  return {
    ...deps,
    changes,
    advance: (ms: number) => (now += ms),
    pairing: createDevicePairing({ ...deps, changed: (change) => changes.push(change) }),
    registry: createDeviceRegistry({ ...deps, sockets: createDeviceSockets() }),
  };
}

describe.each(engines)('pairing store on $name', (engine) => {
  it('when devices ask, then live requests come oldest first, a code is taken while it waits, and expiries are found by time', async () => {
    const { sql } = await engine.open();
    const store = createPairingStore(sql);
    const first = await store.insert(request('AAA222', T0));
    const second = await store.insert(request('BBB333', T0 + MINUTE));

    expect((await store.pending(T0 + 2 * MINUTE)).map((p) => p.pairingId)).toEqual([first, second]);
    expect(await store.pending(T0 + 2 * MINUTE)).toContainEqual({
      pairingId: second,
      code: 'BBB333',
      role: 'kiosk',
      name: null,
      ip: '10.0.0.20',
      requestedAt: T0 + MINUTE,
      expiresAt: T0 + MINUTE + PAIRING_TTL_MS,
    });
    expect(await store.codeInUse('BBB333', T0 + 2 * MINUTE)).toBe(true);
    expect(await store.codeInUse('BBB333', T0 + MINUTE + PAIRING_TTL_MS)).toBe(false);
    expect(await store.codeInUse('CCC444', T0)).toBe(false);
    expect((await store.latestByCode('AAA222'))?.id).toBe(first);
    // The same code again once the first has run out: the latest is the one typed.
    const again = await store.insert(request('AAA222', T0 + PAIRING_TTL_MS + 1));
    expect((await store.latestByCode('AAA222'))?.id).toBe(again);
    expect(await store.latestByCode('ZZZ999')).toBeUndefined();
    expect(
      (await store.expiredBetween(T0, T0 + PAIRING_TTL_MS + MINUTE)).map((row) => row.id),
    ).toEqual([first, second]);
    expect(await store.expiredBetween(T0, T0 + PAIRING_TTL_MS - 1)).toEqual([]);

    // A day later, a new request sweeps the old ones away.
    await store.insert(request('DDD555', T0 + 25 * 60 * MINUTE));
    expect((await sql.all('SELECT code FROM pairing_requests ORDER BY code')).length).toBe(1);
  });

  it('when a request is approved, rejected or delivered, then only from the state each expects, and each says if it did', async () => {
    const { sql } = await engine.open();
    const store = createPairingStore(sql);
    const auth = createAuthStore(sql);
    const device = await auth.createDevice(
      { name: 'K', role: 'kiosk', zoneIds: [], agencyIds: [] },
      T0,
    );
    const approved = await store.insert(request('AAA222', T0));
    const rejected = await store.insert(request('BBB333', T0));

    expect(await sql.transaction((tx) => store.approve(tx, approved, device.id, 'sealed'))).toBe(
      true,
    );
    expect(await sql.transaction((tx) => store.approve(tx, approved, device.id, 'again'))).toBe(
      false,
    );
    expect(await store.reject(approved)).toBe(false);
    expect(await store.reject(rejected)).toBe(true);
    expect(await store.markDelivered(rejected)).toBe(false);
    expect(await store.markDelivered(approved)).toBe(true);
    expect(await store.markDelivered(approved)).toBe(false);

    expect(await store.byId(approved)).toMatchObject({
      status: 'delivered',
      device_id: device.id,
      sealed_token: null,
      seal_private_key: '',
    });
    expect((await store.byId(rejected))?.status).toBe('rejected');
  });

  it('when the admin approves a code, then the device, its sealed token and the audit entry are saved together, and the token is handed over once', async () => {
    const { sql } = await engine.open();
    const { pairing, auth, changes } = devicesOn(sql);
    const ticket = await pairing.request({ role: 'display', name: 'Papan Lobi' }, '10.0.0.30');
    const code = ticket.code.replace('-', '');
    expect((await pairing.pending()).map((p) => p.code)).toEqual([code]);
    expect(await pairing.status(ticket.pairingId, ticket.secret)).toEqual({
      status: 'pending',
      expiresAt: ticket.expiresAt,
    });

    const { deviceId } = await pairing.approve(
      {
        code,
        role: 'display',
        name: 'Papan Lobi',
        zoneIds: ['lantai-1'],
        agencyIds: [],
        settings: {},
      },
      ACTOR,
    );

    const delivered = await pairing.status(ticket.pairingId, ticket.secret);
    expect(delivered).toMatchObject({ status: 'approved', deviceId });
    expect(await auth.resolve((delivered as { token: string }).token, T0)).toMatchObject({
      kind: 'device',
      id: deviceId,
      role: 'display',
      zoneIds: ['lantai-1'],
    });
    expect(await pairing.status(ticket.pairingId, ticket.secret)).toEqual({
      status: 'approved',
      expiresAt: ticket.expiresAt,
    });
    expect(await auditActions(sql)).toEqual(['device.approve']);
    expect(changes.map((c) => c.change)).toEqual(['requested', 'approved']);
  });

  it('when an approval is refused part way (a name in use), then nothing of it is saved and the device may still be paired', async () => {
    const { sql } = await engine.open();
    const { pairing, auth } = devicesOn(sql);
    await auth.createDevice({ name: 'Kios Lobi', role: 'kiosk', zoneIds: [], agencyIds: [] }, T0);
    const ticket = await pairing.request({ role: 'kiosk' }, '10.0.0.30');
    const code = ticket.code.replace('-', '');
    const body = { code, role: 'kiosk' as const, zoneIds: [], agencyIds: [], settings: {} };

    await expect(pairing.approve({ ...body, name: ' kios LOBI ' }, ACTOR)).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ path: 'name' })],
    });
    expect(await sql.get('SELECT COUNT(*) AS n FROM devices')).toEqual({ n: 1 });
    expect(await auditActions(sql)).toEqual([]);

    await pairing.reject(code);
    await expect(pairing.approve({ ...body, name: 'Kios Dua' }, ACTOR)).rejects.toMatchObject({
      status: 404,
    });
    await expect(pairing.reject(code)).rejects.toMatchObject({ status: 404 });
    expect(await pairing.status(ticket.pairingId, ticket.secret)).toMatchObject({
      status: 'rejected',
    });
  });

  it('when codes run out, then each is announced expired once, however often the tick runs', async () => {
    const { sql } = await engine.open();
    const { pairing, changes, advance } = devicesOn(sql);
    const ticket = await pairing.request({ role: 'kiosk' }, '10.0.0.30');
    advance(PAIRING_TTL_MS);
    await Promise.all([pairing.announceExpired(), pairing.announceExpired()]);
    advance(MINUTE);
    await pairing.announceExpired();

    expect(changes.map((c) => [c.pairingId, c.change])).toEqual([
      [ticket.pairingId, 'requested'],
      [ticket.pairingId, 'expired'],
    ]);
    expect(await pairing.pending()).toEqual([]);
  });

  it('when the admin lists, renames and revokes devices, then the list is ordered the same on both engines and each change is audited', async () => {
    const { sql } = await engine.open();
    const { registry, auth } = devicesOn(sql);
    const add = (name: string, role: 'kiosk' | 'display') =>
      auth.createDevice({ name, role, zoneIds: [], agencyIds: [], settings: {} }, T0);
    const b = await add('b kiosk', 'kiosk');
    const big = await add('B kiosk', 'kiosk');
    await add('a board', 'display');
    const old = await add('A kiosk', 'kiosk');
    await registry.revoke(old.id, ACTOR);

    expect((await registry.list()).map((d) => d.name)).toEqual([
      'a board',
      'B kiosk',
      'b kiosk',
      'A kiosk',
    ]);

    const renamed = await registry.update(
      b.id,
      { name: 'Kios Lobi', settings: { paperWidth: 58 } },
      ACTOR,
    );
    expect(renamed).toMatchObject({ name: 'Kios Lobi', zoneIds: [], settings: { paperWidth: 58 } });
    const moved = await registry.update(b.id, { zoneIds: ['lantai-1'], settings: {} }, ACTOR);
    expect(moved).toMatchObject({
      name: 'Kios Lobi',
      zoneIds: ['lantai-1'],
      settings: { paperWidth: 58 },
    });
    await expect(registry.update(big.id, { name: 'kios lobi' }, ACTOR)).rejects.toMatchObject({
      status: 400,
    });
    // A revoked device's name is free again; a revoked device is not changed.
    await registry.update(big.id, { name: 'A kiosk' }, ACTOR);
    await expect(registry.update(old.id, { name: 'X' }, ACTOR)).rejects.toMatchObject({
      status: 409,
    });
    await registry.revoke(old.id, ACTOR);
    await expect(registry.revoke('nope', ACTOR)).rejects.toMatchObject({ status: 404 });

    expect(await auditActions(sql)).toEqual([
      'device.revoke',
      'device.update',
      'device.update',
      'device.update',
    ]);
    expect((await registry.list()).find((d) => d.id === old.id)?.revokedAt).toBe(T0);
  });

  it('when a device connects and leaves, then it is counted online meanwhile and its last sighting is kept', async () => {
    const { sql } = await engine.open();
    const { registry, auth, advance } = devicesOn(sql);
    const kiosk = await auth.createDevice(
      { name: 'K', role: 'kiosk', zoneIds: [], agencyIds: [] },
      T0,
    );
    const principal = (await auth.resolve(kiosk.token, T0))!;
    let leave: () => void = () => undefined;
    const socket = {
      data: { principal },
      on: (_event: string, listener: () => void) => (leave = listener),
    } as unknown as HubSocket;

    await registry.greet(socket);
    expect((await registry.list())[0]).toMatchObject({ online: true, lastSeenAt: T0 });
    advance(MINUTE);
    leave();
    await registry.settled();
    expect((await registry.list())[0]).toMatchObject({ online: false, lastSeenAt: T0 + MINUTE });
  });

  if (engine.name === 'PostgreSQL')
    it('when another process has taken the building over, then no request, approval or device change is written', async () => {
      const { sql, takeOver } = await engine.open();
      const { pairing, registry, auth } = devicesOn(sql);
      const ticket = await pairing.request({ role: 'kiosk' }, '10.0.0.30');
      const kiosk = await auth.createDevice(
        { name: 'K', role: 'kiosk', zoneIds: [], agencyIds: [] },
        T0,
      );

      await takeOver!();

      await expect(pairing.request({ role: 'kiosk' }, '10.0.0.30')).rejects.toBeInstanceOf(
        FencedError,
      );
      await expect(
        pairing.approve(
          {
            code: ticket.code.replace('-', ''),
            role: 'kiosk',
            name: 'Kios',
            zoneIds: [],
            agencyIds: [],
            settings: {},
          },
          ACTOR,
        ),
      ).rejects.toBeInstanceOf(FencedError);
      await expect(registry.update(kiosk.id, { name: 'Baru' }, ACTOR)).rejects.toBeInstanceOf(
        FencedError,
      );
      expect((await pairing.pending()).length).toBe(1);
      expect((await registry.list()).map((d) => d.name)).toEqual(['K']);
    });
});
