import { describe, expect, it } from 'vitest';
import { createUserStore } from '../admin/user-store';
import { FencedError } from '../cluster/lease';
import type { Sql } from '../db/sql';
import { useSqlEngines } from '../testing/sql-engines';
import type { NewUser } from './auth-store';
import { createAuthStore } from './auth-store';
import { LOCKOUT_MS } from './login-lockout';

// People, sessions, device tokens and sign-in locks on both engines.

const engines = useSqlEngines();

const T0 = Date.parse('2026-11-23T02:00:00Z');
const HOUR = 60 * 60_000;

const person = (username: string, role: NewUser['role'], agencyId: string | null = null) => ({
  username,
  displayName: `Name of ${username}`,
  passwordHash: 'scrypt$test',
  role,
  agencyId,
});

async function agency(sql: Sql, id: string): Promise<void> {
  await sql.run('INSERT INTO agencies (id, name, short_name, position) VALUES (?, ?, ?, ?)', [
    id,
    id,
    id,
    0,
  ]);
}

const sessionCount = async (sql: Sql): Promise<number> =>
  (await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM sessions'))?.n ?? -1;

describe.each(engines)('auth store on $name', (engine) => {
  it('when people are added, then each is found by their exact name and counted; a taken name is refused', async () => {
    const { sql } = await engine.open();
    const auth = createAuthStore(sql);
    await agency(sql, 'samsat');
    expect(await auth.countUsers()).toBe(0);

    const adminId = await auth.createUser(person('admin', 'admin'), T0);
    await auth.createUser(person('petugas.samsat', 'officer', 'samsat'), T0);

    expect(await auth.findUser('petugas.samsat')).toMatchObject({
      username: 'petugas.samsat',
      display_name: 'Name of petugas.samsat',
      role: 'officer',
      agency_id: 'samsat',
      active: 1,
    });
    expect((await auth.findUser('admin'))?.id).toBe(adminId);
    expect(await auth.findUser('Admin')).toBeUndefined();
    expect(await auth.countUsers()).toBe(2);
    await expect(auth.createUser(person('admin', 'officer'), T0)).rejects.toThrow();
    expect(await auth.countUsers()).toBe(2);
  });

  it('when a session is made, then its token stands for the person until it expires, ends, or they are deactivated', async () => {
    const { sql } = await engine.open();
    const auth = createAuthStore(sql);
    const users = createUserStore(sql);
    const id = await auth.createUser(person('spv', 'supervisor'), T0);
    let told = 0;
    auth.onSessionsEnded(() => (told += 1));

    const first = await auth.createSession(id, T0);
    expect(first.expiresAt).toBe(T0 + 12 * HOUR);
    expect(await auth.resolve(first.token, T0 + HOUR)).toEqual({
      kind: 'user',
      id,
      role: 'supervisor',
      agencyId: null,
      name: 'Name of spv',
    });
    expect(await auth.resolve(first.token, first.expiresAt)).toBeNull();
    // A session made once the first has run out clears it away.
    const second = await auth.createSession(id, first.expiresAt);
    expect(await sessionCount(sql)).toBe(1);
    const third = await auth.createSession(id, first.expiresAt + 1);

    await auth.endSession(second.token);
    expect(await auth.resolve(second.token, first.expiresAt + 2)).toBeNull();
    expect(told).toBe(1);
    expect(await auth.resolve(third.token, first.expiresAt + 2)).not.toBeNull();

    await sql.transaction((tx) => users.deactivate(tx, id));
    expect(await auth.resolve(third.token, first.expiresAt + 2)).toBeNull();
  });

  it('when one person is signed out everywhere, then only their sessions end, with the transaction, and listeners hear it once told', async () => {
    const { sql } = await engine.open();
    const auth = createAuthStore(sql);
    const leaving = await auth.createUser(person('petugas.a', 'officer'), T0);
    const staying = await auth.createUser(person('petugas.b', 'officer'), T0);
    const phone = await auth.createSession(leaving, T0);
    const desk = await auth.createSession(leaving, T0);
    const other = await auth.createSession(staying, T0);
    let told = 0;
    auth.onSessionsEnded(() => (told += 1));

    await expect(
      sql.transaction(async (tx) => {
        await auth.endSessionsOf(tx, leaving);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await auth.resolve(phone.token, T0 + 1)).not.toBeNull();

    await sql.transaction((tx) => auth.endSessionsOf(tx, leaving));
    expect(told).toBe(0);
    auth.sessionsEnded();
    expect(told).toBe(1);
    expect(await auth.resolve(phone.token, T0 + 1)).toBeNull();
    expect(await auth.resolve(desk.token, T0 + 1)).toBeNull();
    expect((await auth.resolve(other.token, T0 + 1))?.kind).toBe('user');
  });

  it('when a device is registered, then its token stands for it with its place and settings, until it is revoked', async () => {
    const { sql } = await engine.open();
    const auth = createAuthStore(sql);
    const kiosk = await auth.createDevice(
      {
        name: 'Kios Lobi',
        role: 'kiosk',
        zoneIds: ['lantai-1'],
        agencyIds: ['samsat', 'bpn'],
        settings: { paperWidth: 58 },
      },
      T0,
    );
    const board = await auth.createDevice(
      { name: 'Papan', role: 'display', zoneIds: [], agencyIds: [] },
      T0,
    );

    expect(kiosk.token).toMatch(/^d_/);
    expect(await auth.resolve(kiosk.token, T0)).toEqual({
      kind: 'device',
      id: kiosk.id,
      role: 'kiosk',
      name: 'Kios Lobi',
      zoneIds: ['lantai-1'],
      agencyIds: ['samsat', 'bpn'],
      settings: { paperWidth: 58 },
    });
    expect((await auth.resolve(board.token, T0))?.kind).toBe('device');
    await sql.run('UPDATE devices SET revoked_at = ? WHERE id = ?', [T0 + 1, kiosk.id]);
    expect(await auth.resolve(kiosk.token, T0 + 2)).toBeNull();
    expect(await auth.resolve('d_unknown', T0)).toBeNull();
    expect(await auth.resolve(`x${board.token.slice(1)}`, T0)).toBeNull();

    // Registered inside a transaction that fails: no device is left.
    await expect(
      sql.transaction(async (tx) => {
        await auth.createDevice({ name: 'X', role: 'kiosk', zoneIds: [], agencyIds: [] }, T0, tx);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await sql.get('SELECT COUNT(*) AS n FROM devices')).toEqual({ n: 2 });
  });

  it('when a name fails five times from one address, then it is locked there only, longer each time, until a right password or the unlock', async () => {
    const { sql } = await engine.open();
    const { lockout } = createAuthStore(sql);
    const fail = async (times: number, address: string, from: number): Promise<number | null> => {
      let locked: number | null = null;
      for (let i = 0; i < times; i += 1)
        locked = await lockout.recordFailure('Admin', address, from + i * 60_000);
      return locked;
    };

    expect(await fail(4, '10.0.0.5', T0)).toBeNull();
    expect(await lockout.lockedUntil('admin', '10.0.0.5', T0 + 4 * 60_000)).toBeNull();
    expect(await fail(1, '10.0.0.5', T0 + 4 * 60_000)).toBe(T0 + 4 * 60_000 + LOCKOUT_MS);
    expect(await lockout.lockedUntil('ADMIN', '10.0.0.5', T0 + 5 * 60_000)).toBe(
      T0 + 4 * 60_000 + LOCKOUT_MS,
    );
    expect(await lockout.lockedUntil('admin', '10.0.0.6', T0 + 5 * 60_000)).toBeNull();

    // Locked again once the first lock is over: twice as long (the row is updated, not added).
    const second = T0 + 4 * 60_000 + LOCKOUT_MS;
    expect(await fail(5, '10.0.0.5', second)).toBe(second + 4 * 60_000 + 2 * LOCKOUT_MS);
    expect(await sql.get('SELECT COUNT(*) AS n, MAX(locks) AS locks FROM login_lockouts')).toEqual({
      n: 1,
      locks: 2,
    });

    await lockout.recordSuccess('admin', '10.0.0.5');
    expect(await lockout.lockedUntil('admin', '10.0.0.5', second + 5 * 60_000)).toBeNull();

    await fail(5, '10.0.0.7', T0);
    await fail(5, '10.0.0.8', T0);
    await sql.transaction((tx) => lockout.recordSuccess('ADMIN', undefined, tx));
    expect(await sql.all('SELECT * FROM login_lockouts')).toEqual([]);
  });

  it('when the admin lists people, then they come by role and name, an agency alone when asked, each with a lock while it lasts', async () => {
    const { sql } = await engine.open();
    const auth = createAuthStore(sql);
    const users = createUserStore(sql);
    await agency(sql, 'samsat');
    await agency(sql, 'bpn');
    for (const [name, role, agencyId] of [
      ['spv.samsat', 'supervisor', 'samsat'],
      ['b.officer', 'officer', 'samsat'],
      ['B.officer', 'officer', 'bpn'],
      ['a.officer', 'officer', 'samsat'],
      ['admin', 'admin', null],
    ] as const)
      await auth.createUser(person(name, role, agencyId), T0);
    // Two addresses locked the supervisor's name, typed in any case: the later lock is shown,
    // only while it lasts.
    for (const [address, at] of [
      ['10.0.0.1', T0],
      ['10.0.0.2', T0 + HOUR],
    ] as const)
      for (let i = 0; i < 5; i += 1) await auth.lockout.recordFailure('Spv.Samsat', address, at);

    const everyone = await users.list(null, T0 + HOUR);
    const samsat = await users.list('samsat', T0 + HOUR);

    expect(everyone.map((u) => u.username)).toEqual([
      'admin',
      'B.officer',
      'a.officer',
      'b.officer',
      'spv.samsat',
    ]);
    expect(everyone.find((u) => u.username === 'spv.samsat')?.lockedUntil).toBe(
      T0 + HOUR + LOCKOUT_MS,
    );
    expect(everyone.filter((u) => u.lockedUntil !== null)).toHaveLength(1);
    expect(
      (await users.list(null, T0 + HOUR + LOCKOUT_MS)).every((u) => u.lockedUntil === null),
    ).toBe(true);
    expect(samsat.map((u) => u.username)).toEqual(['a.officer', 'b.officer', 'spv.samsat']);
    const admin = everyone[0]!;
    expect(admin).toEqual({
      id: admin.id,
      username: 'admin',
      displayName: 'Name of admin',
      role: 'admin',
      agencyId: null,
      active: true,
      createdAt: T0,
      lockedUntil: null,
    });

    await sql.transaction(async (tx) => {
      await users.update(tx, admin.id, { displayName: 'Kepala', role: 'admin', agencyId: null });
      await users.setPasswordHash(tx, admin.id, 'scrypt$new');
    });
    expect(await users.byId(admin.id, T0)).toMatchObject({ displayName: 'Kepala', active: true });
    expect((await auth.findUser('admin'))?.password_hash).toBe('scrypt$new');
    expect(await users.byId('nobody', T0)).toBeUndefined();
  });

  if (engine.name === 'PostgreSQL')
    it('when another process has taken the building over, then no person, session, device or lock is written, and tokens still resolve', async () => {
      const { sql, takeOver } = await engine.open();
      const auth = createAuthStore(sql);
      const id = await auth.createUser(person('admin', 'admin'), T0);
      const session = await auth.createSession(id, T0);

      await takeOver!();

      await expect(auth.createUser(person('late', 'officer'), T0)).rejects.toBeInstanceOf(
        FencedError,
      );
      await expect(auth.createSession(id, T0)).rejects.toBeInstanceOf(FencedError);
      await expect(
        auth.createDevice({ name: 'K', role: 'kiosk', zoneIds: [], agencyIds: [] }, T0),
      ).rejects.toBeInstanceOf(FencedError);
      await expect(auth.lockout.recordFailure('admin', '10.0.0.1', T0)).rejects.toBeInstanceOf(
        FencedError,
      );
      await expect(auth.endSession(session.token)).rejects.toBeInstanceOf(FencedError);
      expect((await auth.resolve(session.token, T0 + 1))?.kind).toBe('user');
      expect(await auth.countUsers()).toBe(1);
    });
});
