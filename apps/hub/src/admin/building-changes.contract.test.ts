import type { Building } from '@antre/domain';
import { indexBuilding, queueOf } from '@antre/domain';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createAuditStore } from '../audit/audit-store';
import type { Principal } from '../auth/principal';
import { loadBuilding, saveBuilding } from '../building/building-store';
import { readDemoBuilding } from '../building/first-start';
import { FencedError } from '../cluster/lease';
import type { Sql } from '../db/sql';
import { HttpError } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import { useSqlEngines } from '../testing/sql-engines';
import { createBuildingChanges } from './building-changes';

// A configuration change on both engines: saved with its audit entry and what else it changes
// in one transaction, then applied live; refused whole; two at once both land.

const engines = useSqlEngines();

const T = Date.UTC(2026, 10, 23, 2, 0, 0);
const ADMIN: Principal = {
  kind: 'user',
  id: 'u-admin',
  role: 'admin',
  agencyId: null,
  name: 'Administrator',
};
const REQUEST = { ip: '127.0.0.1', headers: {} } as unknown as FastifyRequest;
const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The demo building saved, an engine holding it with an empty queue, and the changes. */
async function opened(sql: Sql) {
  const building = readDemoBuilding();
  await saveBuilding(sql, building);
  let index = indexBuilding(building);
  const engine = {
    get index() {
      return index;
    },
    queue: queueOf('2026-11-23', { tickets: [], counters: [], services: [] }),
    now: () => T,
    replaceBuilding: (next: Building) => (index = indexBuilding(next)),
  } as unknown as QueueEngine;
  const emitted: string[] = [];
  const audit = createAuditStore(sql);
  const changes = createBuildingChanges({
    sql,
    engine,
    audit,
    // What a booking store would cancel, written through the save's own transaction.
    onBuildingSaved: async (tx, next) => {
      await tx.run(
        `INSERT INTO hub_state (key, value) VALUES ('saved-site', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [next.site.name],
      );
    },
  });
  changes.attach({
    emit: (_event: string, change: { action: string }) => emitted.push(change.action),
  } as never);
  const alongside = async () =>
    (await sql.get<{ value: string }>("SELECT value FROM hub_state WHERE key = 'saved-site'"))
      ?.value;
  const actions = async () => (await audit.list({ limit: 200 })).map((e) => e.action);
  return { building, engine, changes, emitted, alongside, actions };
}

const renamed = (name: string) => (current: Building) => ({
  next: { ...current, site: { ...current.site, name } },
  entry: { action: 'building.site', target: null },
});

describe.each(engines)('building changes on $name', (engine) => {
  it('when a change is saved, then its audit entry and what it changes elsewhere land with it, and it is live', async () => {
    const { sql } = await engine.open();
    const { engine: queue, changes, emitted, alongside, actions } = await opened(sql);

    const saved = await changes.apply(ADMIN, REQUEST, renamed('MPP Baru'));

    expect(saved.site.name).toBe('MPP Baru');
    expect((await loadBuilding(sql))?.site.name).toBe('MPP Baru');
    expect(await actions()).toEqual(['building.site']);
    expect(await alongside()).toBe('MPP Baru');
    expect(queue.index.site.name).toBe('MPP Baru');
    expect(emitted).toEqual(['building.site']);
  });

  it('when a change has nothing to save, then nothing is written or told', async () => {
    const { sql } = await engine.open();
    const { building, changes, emitted, actions } = await opened(sql);

    expect(await changes.apply(ADMIN, REQUEST, () => null)).toEqual(building);

    expect(await actions()).toEqual([]);
    expect(emitted).toEqual([]);
  });

  it('when an agency people belong to is removed, then it is a 409 with the reason and nothing is kept', async () => {
    const { sql } = await engine.open();
    const { building, engine: queue, changes, emitted, alongside, actions } = await opened(sql);
    const agency = building.agencies.at(-1)!;
    await sql.run(
      `INSERT INTO users (id, username, display_name, password_hash, role, agency_id, active, created_at)
       VALUES ('u1', 'petugas', 'Petugas', 'x', 'officer', ?, 1, 1)`,
      [agency.id],
    );

    const refused = await changes
      .apply(ADMIN, REQUEST, (current) => ({
        next: {
          ...current,
          site: { ...current.site, name: 'MPP Baru' },
          agencies: current.agencies.filter((a) => a.id !== agency.id),
          services: current.services.filter((s) => s.agencyId !== agency.id),
          counters: current.counters.filter((c) => c.agencyId !== agency.id),
        },
        entry: { action: 'building.replace', target: null },
      }))
      .catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({
      status: 409,
      code: 'conflict',
      reasons: [{ code: 'agency_in_use', name: agency.name }],
    });
    expect(await loadBuilding(sql)).toEqual(building);
    expect(await actions()).toEqual([]);
    expect(await alongside()).toBeUndefined();
    expect(queue.index.building).toBe(building);
    expect(emitted).toEqual([]);
  });

  it('when two changes come at once, then each is made from the building the other left', async () => {
    const { sql } = await engine.open();
    const { engine: queue, changes, actions } = await opened(sql);

    await Promise.all([
      changes.apply(ADMIN, REQUEST, (current) => ({
        next: { ...current, site: { ...current.site, logo: TINY_PNG } },
        entry: { action: 'building.logo', target: null },
      })),
      changes.apply(ADMIN, REQUEST, renamed('MPP Baru')),
    ]);

    const stored = await loadBuilding(sql);
    expect(stored?.site).toMatchObject({ name: 'MPP Baru', logo: TINY_PNG });
    expect(queue.index.building).toEqual(stored);
    expect(await actions()).toEqual(['building.site', 'building.logo']);
  });

  if (engine.name === 'PostgreSQL')
    it('when another process has taken the building over, then a change is refused and not applied', async () => {
      const { sql, takeOver } = await engine.open();
      const { building, engine: queue, changes, emitted } = await opened(sql);
      await takeOver!();

      await expect(changes.apply(ADMIN, REQUEST, renamed('MPP Baru'))).rejects.toBeInstanceOf(
        FencedError,
      );

      expect(await loadBuilding(sql)).toEqual(building);
      expect(queue.index.building).toBe(building);
      expect(emitted).toEqual([]);
    });
});
