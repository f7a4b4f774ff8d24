import type { AuditQuery } from '@antre/protocol';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { FencedError } from '../cluster/lease';
import type { Sql } from '../db/sql';
import { useSqlEngines } from '../testing/sql-engines';
import { createAuditStore } from './audit-store';

// The audit trail on both engines: an entry lands with its change or not at all, and the
// list merges configuration changes (audit_log) with queue actions (ticket_events).

const engines = useSqlEngines();

const T = Date.UTC(2026, 10, 23, 2, 0, 0);
const ADMIN: Principal = {
  kind: 'user',
  id: 'u-admin',
  role: 'admin',
  agencyId: null,
  name: 'Administrator',
};
const SUPERVISOR: Principal = {
  kind: 'user',
  id: 'u-spv',
  role: 'supervisor',
  agencyId: 'disdukcapil',
  name: 'Siti',
};
const FROM_FIREFOX = {
  ip: '::ffff:10.0.0.7',
  headers: {
    'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0',
  },
} as unknown as FastifyRequest;

/** The rows the names are looked up in: a zone, agency, service, counter, people, a kiosk. */
async function building(sql: Sql): Promise<void> {
  await sql.run("INSERT INTO zones (id, name, position) VALUES ('lantai-1', 'Lantai 1', 0)");
  await sql.run(
    `INSERT INTO agencies (id, name, short_name, contact, position, logo)
     VALUES ('disdukcapil', 'Dinas Kependudukan', 'Disdukcapil', NULL, 0, NULL)`,
  );
  await sql.run(
    `INSERT INTO services (id, agency_id, name, prefix, daily_quota, hours, target_wait_minutes,
       default_service_minutes, priority_rule, standard, active, position, booking)
     VALUES ('ktp', 'disdukcapil', 'Perekaman KTP-el', 'A', NULL, NULL, 15, 10, '{}', '{}', 1, 0, NULL)`,
  );
  await sql.run(
    `INSERT INTO counters (id, agency_id, zone_id, name, number, selection)
     VALUES ('loket-1', 'disdukcapil', 'lantai-1', 'Loket 1', 1, 'order')`,
  );
  for (const [id, username, name, role] of [
    ['u-admin', 'admin', 'Administrator', 'admin'],
    ['u-spv', 'spv.disdukcapil', 'Siti', 'supervisor'],
    ['u-new', 'petugas.baru', 'Baru', 'officer'],
  ] as const)
    await sql.run(
      `INSERT INTO users (id, username, display_name, password_hash, role, agency_id, active, created_at)
       VALUES (?, ?, ?, 'x', ?, NULL, 1, 0)`,
      [id, username, name, role],
    );
  await sql.run(
    `INSERT INTO devices (id, name, role, token_hash, zone_ids, agency_ids, created_at)
     VALUES ('kiosk-1', 'Kiosk Lobi', 'kiosk', 'h', '[]', '[]', 0)`,
  );
  await sql.run(
    `INSERT INTO tickets (id, code, service_day, origin_service_id, service_id, number, label,
       status, channel, issued_at, sort_key, recall_count)
     VALUES ('t1', 'CODE1', '2026-11-23', 'ktp', 'ktp', 1, 'A-001', 'waiting', 'kiosk', 0, 0, 0)`,
  );
}

async function queueEvent(
  sql: Sql,
  type: string,
  at: number,
  actor: { user?: string; device?: string },
  counterId: string | null,
): Promise<void> {
  await sql.run(
    `INSERT INTO ticket_events (type, at, service_day, ticket_id, counter_id, service_id,
       actor_user_id, actor_device_id, data)
     VALUES (?, ?, '2026-11-23', 't1', ?, 'ktp', ?, ?, ?)`,
    [
      type,
      at,
      counterId,
      actor.user ?? null,
      actor.device ?? null,
      JSON.stringify({ ip: '10.0.0.9' }),
    ],
  );
}

/** A morning's history, one entry a second, alternating configuration and queue. */
async function morning(sql: Sql) {
  const audit = createAuditStore(sql);
  await building(sql);
  await audit.recordAlone(
    ADMIN,
    FROM_FIREFOX,
    { action: 'building.replace', target: null, detail: { changed: ['zones/lantai-1'] } },
    T + 1000,
  );
  await queueEvent(sql, 'ticket:issued', T + 2000, { device: 'kiosk-1' }, null);
  await audit.recordAlone(
    SUPERVISOR,
    null,
    { action: 'user.create', target: 'u-new', detail: { username: 'petugas.baru' } },
    T + 3000,
  );
  await queueEvent(sql, 'ticket:called', T + 4000, { user: 'u-spv' }, 'loket-1');
  await audit.recordAlone(
    ADMIN,
    null,
    { action: 'ticket-template.update', target: null },
    T + 5000,
  );
  await audit.recordAlone(ADMIN, null, { action: 'service.update', target: 'ktp' }, T + 6000);
  const list = async (query: Partial<AuditQuery> = {}) =>
    (await audit.list({ limit: 200, ...query })).map((e) => e.action);
  return { audit, list };
}

describe.each(engines)('audit store on $name', (engine) => {
  it('when the transaction of a change rolls back, then its entry is not kept', async () => {
    const { sql } = await engine.open();
    const audit = createAuditStore(sql);
    const entry = { action: 'building.replace', target: null };

    await expect(
      sql.transaction(async (tx) => {
        await audit.record(tx, ADMIN, null, entry, T);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await audit.list({ limit: 200 })).toEqual([]);

    await sql.transaction((tx) => audit.record(tx, ADMIN, null, entry, T));
    expect((await audit.list({ limit: 200 })).map((e) => e.action)).toEqual(['building.replace']);
  });

  it('when nothing is filtered, then changes and queue actions come together newest first, with names', async () => {
    const { sql } = await engine.open();
    const { audit } = await morning(sql);

    const entries = await audit.list({ limit: 200 });

    expect(entries.map((e) => [e.action, e.source, e.id[0]])).toEqual([
      ['service.update', 'config', 'a'],
      ['ticket-template.update', 'config', 'a'],
      ['ticket:called', 'queue', 'q'],
      ['user.create', 'config', 'a'],
      ['ticket:issued', 'queue', 'q'],
      ['building.replace', 'config', 'a'],
    ]);
    const byAction = new Map(entries.map((e) => [e.action, e]));
    expect(byAction.get('building.replace')).toMatchObject({
      at: T + 1000,
      actorUserId: 'u-admin',
      actorName: 'Administrator',
      target: null,
      targetName: null,
      detail: { changed: ['zones/lantai-1'], ip: '10.0.0.7', client: 'Firefox 120 · Linux' },
    });
    expect(byAction.get('user.create')).toMatchObject({
      actorName: 'Siti',
      target: 'u-new',
      targetName: 'Baru (petugas.baru)',
      detail: { username: 'petugas.baru' },
    });
    expect(byAction.get('service.update')?.targetName).toBe('Perekaman KTP-el');
    expect(byAction.get('ticket:issued')).toMatchObject({
      actorDeviceId: 'kiosk-1',
      actorName: 'Kiosk Lobi',
      target: 'A-001',
      targetName: null,
      counterId: null,
      counterName: null,
      serviceName: 'Perekaman KTP-el',
      detail: { ip: '10.0.0.9' },
    });
    expect(byAction.get('ticket:called')).toMatchObject({
      actorName: 'Siti',
      counterId: 'loket-1',
      counterName: 'Loket 1',
    });
  });

  it('when filtered by time, actor, action family or limit, then only those come back', async () => {
    const { sql } = await engine.open();
    const { list } = await morning(sql);

    // `to` is exclusive.
    expect(await list({ from: T + 2000, to: T + 4000 })).toEqual(['user.create', 'ticket:issued']);
    expect(await list({ actor: 'u-spv' })).toEqual(['ticket:called', 'user.create']);
    expect(await list({ actor: 'kiosk-1' })).toEqual(['ticket:issued']);
    expect(await list({ action: 'user.' })).toEqual(['user.create']);
    expect(await list({ action: 'ticket:' })).toEqual(['ticket:called', 'ticket:issued']);
    expect(await list({ action: 'ticket' })).toEqual(['ticket:called', 'ticket:issued']);
    expect(await list({ action: 'ticket-template' })).toEqual(['ticket-template.update']);
    expect(await list({ action: 'ticket:called' })).toEqual(['ticket:called']);
    // A wildcard in the filter is a character like any other.
    expect(await list({ action: '%' })).toEqual([]);
    // A family in any case, as SQLite's LIKE always matched it.
    expect(await list({ action: 'USER.' })).toEqual(['user.create']);
    expect(await list({ limit: 2 })).toEqual(['service.update', 'ticket-template.update']);
    expect(await list({ action: 'ticket', limit: 1 })).toEqual(['ticket:called']);
  });

  if (engine.name === 'PostgreSQL')
    it('when another process has taken the building over, then an entry is refused', async () => {
      const { sql, takeOver } = await engine.open();
      const audit = createAuditStore(sql);
      await takeOver!();

      await expect(
        audit.recordAlone(ADMIN, null, { action: 'building.replace', target: null }, T),
      ).rejects.toBeInstanceOf(FencedError);
      expect(await audit.list({ limit: 200 })).toEqual([]);
    });
});
