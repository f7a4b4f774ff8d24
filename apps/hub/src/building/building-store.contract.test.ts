import type { Building } from '@antre/domain';
import { BuildingSchema } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { FencedError } from '../cluster/lease';
import type { Sql } from '../db/sql';
import { useSqlEngines } from '../testing/sql-engines';
import { ConfigInUseError, hasBuilding, loadBuilding, saveBuilding } from './building-store';
import { readDemoBuilding } from './first-start';

// The configuration's tables on both engines: saved whole, read back the same, each kept row
// changed in place, and a removal that history or people refer to refused with its reason.

const engines = useSqlEngines();

const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The demo building with the optional fields set somewhere: a logo, hours, no quota. */
function demo(): Building {
  const building = readDemoBuilding();
  building.site.logo = TINY_PNG;
  building.agencies[0]!.logo = TINY_PNG;
  delete building.agencies[1]!.contact;
  building.services[0]!.dailyQuota = null;
  building.services[1]!.active = false;
  return BuildingSchema.parse(building);
}

/**
 * A table that refers to every counter and service, as history does: a save that deleted and
 * re-made a kept row would fail on it.
 */
async function holdEveryRow(sql: Sql, building: Building): Promise<void> {
  await sql.run(
    `CREATE TABLE held (counter_id TEXT REFERENCES counters(id), service_id TEXT REFERENCES services(id))`,
  );
  for (const c of building.counters)
    await sql.run('INSERT INTO held (counter_id, service_id) VALUES (?, NULL)', [c.id]);
  for (const s of building.services)
    await sql.run('INSERT INTO held (counter_id, service_id) VALUES (NULL, ?)', [s.id]);
}

async function issueTicket(sql: Sql, serviceId: string): Promise<void> {
  await sql.run(
    `INSERT INTO tickets (id, code, service_day, origin_service_id, service_id, number, label,
       status, channel, issued_at, sort_key, recall_count)
     VALUES ('t1', 'CODE1', '2026-11-23', ?, ?, 1, 'A-001', 'waiting', 'kiosk', 1, 1, 0)`,
    [serviceId, serviceId],
  );
}

describe.each(engines)('building store on $name', (engine) => {
  it('when a building is saved, then it loads back the same', async () => {
    const { sql } = await engine.open();
    const building = demo();
    expect(await hasBuilding(sql)).toBe(false);
    expect(await loadBuilding(sql)).toBeNull();

    await saveBuilding(sql, building);

    expect(await hasBuilding(sql)).toBe(true);
    expect(await loadBuilding(sql)).toEqual(building);
  });

  it('when it is saved again with counters renamed, swapped, relinked and prefixes swapped, then every kept row is changed in place', async () => {
    const { sql } = await engine.open();
    const before = demo();
    await saveBuilding(sql, before);
    await holdEveryRow(sql, before);
    const [a, b] = before.services;
    const [one, two, three] = before.counters;
    const next: Building = {
      ...before,
      zones: [...before.zones].reverse().map((z, i) => (i === 0 ? { ...z, name: 'Lobi' } : z)),
      services: before.services.map((s) =>
        s.id === a!.id
          ? { ...s, prefix: b!.prefix, name: 'Perekaman KTP-el (baru)' }
          : s.id === b!.id
            ? { ...s, prefix: a!.prefix }
            : s,
      ),
      counters: before.counters
        .map((c) =>
          c.id === one!.id
            ? { ...c, number: two!.number, name: 'Loket Satu' }
            : c.id === two!.id
              ? { ...c, number: one!.number }
              : c.id === three!.id
                ? { ...c, services: [...c.services, { serviceId: a!.id, weight: 3 }].reverse() }
                : c,
        )
        .reverse(),
    };

    await saveBuilding(sql, next);

    const loaded = await loadBuilding(sql);
    // Counters come back by number.
    expect(loaded).toEqual({
      ...next,
      counters: [...next.counters].sort((x, y) => x.number - y.number),
    });
    expect(loaded?.counters.find((c) => c.id === three!.id)?.services[0]).toEqual({
      serviceId: a!.id,
      weight: 3,
    });
  });

  it('when a counter and a service are removed, then they are gone with the service’s numbering', async () => {
    const { sql } = await engine.open();
    const before = demo();
    await saveBuilding(sql, before);
    const gone = before.services.at(-1)!;
    await sql.run(
      `INSERT INTO service_days (service_id, service_day, last_number, regular_streak)
       VALUES (?, '2026-11-20', 12, NULL)`,
      [gone.id],
    );
    const next = BuildingSchema.parse({
      ...before,
      services: before.services.filter((s) => s.id !== gone.id),
      counters: before.counters
        .slice(1)
        .map((c) => ({ ...c, services: c.services.filter((l) => l.serviceId !== gone.id) }))
        .filter((c) => c.services.length > 0),
    });

    await saveBuilding(sql, next);

    expect(await loadBuilding(sql)).toEqual(next);
    expect(await sql.all('SELECT * FROM service_days WHERE service_id = ?', [gone.id])).toEqual([]);
  });

  it.each([
    {
      what: 'a service with a ticket',
      reason: 'service_has_history',
      prepare: (sql: Sql, b: Building) => issueTicket(sql, b.services[0]!.id),
      change: (b: Building): Building => {
        const id = b.services[0]!.id;
        return {
          ...b,
          services: b.services.slice(1),
          counters: b.counters.map((c) => ({
            ...c,
            services: c.services.filter((l) => l.serviceId !== id),
          })),
        };
      },
      name: (b: Building) => b.services[0]!.name,
    },
    {
      what: 'an agency people belong to',
      reason: 'agency_in_use',
      prepare: async (sql: Sql, b: Building) => {
        await sql.run(
          `INSERT INTO users (id, username, display_name, password_hash, role, agency_id, active, created_at)
           VALUES ('u1', 'petugas', 'Petugas', 'x', 'officer', ?, 1, 1)`,
          [b.agencies.at(-1)!.id],
        );
      },
      change: (b: Building): Building => {
        const id = b.agencies.at(-1)!.id;
        const services = new Set(b.services.filter((s) => s.agencyId === id).map((s) => s.id));
        return {
          ...b,
          agencies: b.agencies.slice(0, -1),
          services: b.services.filter((s) => !services.has(s.id)),
          counters: b.counters.filter((c) => c.agencyId !== id),
        };
      },
      name: (b: Building) => b.agencies.at(-1)!.name,
    },
    {
      what: 'a zone a kept counter still stands in',
      reason: 'zone_in_use',
      prepare: async () => undefined,
      change: (b: Building): Building => ({ ...b, zones: b.zones.slice(1) }),
      name: (b: Building) => b.zones[0]!.name,
    },
  ])(
    'when $what is removed, then the save is refused with $reason and nothing changes',
    async ({ reason, prepare, change, name }) => {
      const { sql } = await engine.open();
      const before = demo();
      await saveBuilding(sql, before);
      await prepare(sql, before);
      const next = change(before);
      // Something else in the save, to see it rolled back too.
      next.site = { ...next.site, name: 'Renamed' };

      const refused = await saveBuilding(sql, next).catch((error: unknown) => error);

      expect(refused).toBeInstanceOf(ConfigInUseError);
      expect((refused as ConfigInUseError).reason).toEqual({ code: reason, name: name(before) });
      expect(await loadBuilding(sql)).toEqual(before);
    },
  );

  if (engine.name === 'PostgreSQL')
    it('when another process has taken the building over, then a save is refused and nothing changes', async () => {
      const { sql, takeOver } = await engine.open();
      const before = demo();
      await saveBuilding(sql, before);
      await takeOver!();

      await expect(
        saveBuilding(sql, { ...before, site: { ...before.site, name: 'Renamed' } }),
      ).rejects.toBeInstanceOf(FencedError);

      expect(await loadBuilding(sql)).toEqual(before);
    });
});
