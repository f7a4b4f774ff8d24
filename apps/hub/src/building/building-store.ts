import type { Agency, Building, Service, Site, Zone } from '@antre/domain';
import type { ConflictReason } from '@antre/protocol';
import { BuildingSchema } from '@antre/protocol';
import type { Sql, SqlRunner } from '../db/sql';
import {
  loadCounters,
  planCounters,
  removeStaleCounterRows,
  writeCounterRows,
} from './counter-rows';

interface AgencyRow {
  id: string;
  name: string;
  short_name: string;
  contact: string | null;
  logo: string | null;
}

interface ServiceRow {
  id: string;
  agency_id: string;
  name: string;
  prefix: string;
  daily_quota: number | null;
  hours: string | null;
  target_wait_minutes: number;
  default_service_minutes: number;
  priority_rule: string;
  standard: string;
  active: number;
  /** BookingSettings as JSON; null when the service takes no bookings. */
  booking: string | null;
}

const SERVICE_COLUMNS = `id, agency_id, name, prefix, daily_quota, hours, target_wait_minutes,
  default_service_minutes, priority_rule, standard, active, booking`;

export async function hasBuilding(sql: Sql): Promise<boolean> {
  return (await sql.get('SELECT 1 AS found FROM site WHERE id = 1')) !== undefined;
}

export async function loadBuilding(sql: Sql): Promise<Building | null> {
  const site = await sql.get<{ config: string }>('SELECT config FROM site WHERE id = 1');
  if (!site) return null;
  const [zones, agencies, services, counters] = await Promise.all([
    sql.all<Zone>('SELECT id, name FROM zones ORDER BY position'),
    sql.all<AgencyRow>(
      'SELECT id, name, short_name, contact, logo FROM agencies ORDER BY position',
    ),
    sql.all<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services ORDER BY position`),
    loadCounters(sql),
  ]);
  const building: Building = {
    site: JSON.parse(site.config) as Site,
    zones,
    agencies: agencies.map(toAgency),
    services: services.map(toService),
    counters,
  };
  // What was saved was valid; a failure here means the file was edited by hand.
  return BuildingSchema.parse(building);
}

/**
 * Saves the whole configuration in one transaction, each row in place: what is kept keeps its
 * row, so a counter's open session and history never see it re-made.
 */
export function saveBuilding(sql: Sql, building: Building): Promise<void> {
  return sql.transaction((tx) => writeBuilding(tx, building));
}

/** `saveBuilding` inside the caller's transaction, with what must land with it (audit entry). */
export async function writeBuilding(tx: SqlRunner, building: Building): Promise<void> {
  const counters = planCounters(await loadCounters(tx), building.counters);
  await tx.run(
    'INSERT INTO site (id, config) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET config = excluded.config',
    [JSON.stringify(building.site)],
  );
  for (const [i, z] of building.zones.entries())
    await tx.run(
      `INSERT INTO zones (id, name, position) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position`,
      [z.id, z.name, i],
    );
  for (const [i, a] of building.agencies.entries())
    await tx.run(
      `INSERT INTO agencies (id, name, short_name, contact, logo, position) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
         contact = excluded.contact, logo = excluded.logo, position = excluded.position`,
      [a.id, a.name, a.shortName, a.contact ?? null, a.logo ?? null, i],
    );
  await removeStaleCounterRows(tx, counters);
  // Prefixes are unique; clear them first so two services may swap theirs in one save.
  await tx.run("UPDATE services SET prefix = '#' || id");
  await removeServicesNotIn(tx, new Set(building.services.map((s) => s.id)));
  for (const [i, s] of building.services.entries()) {
    const row = toServiceRow(s);
    await tx.run(
      `INSERT INTO services (${SERVICE_COLUMNS}, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET agency_id = excluded.agency_id, name = excluded.name,
         prefix = excluded.prefix, daily_quota = excluded.daily_quota, hours = excluded.hours,
         target_wait_minutes = excluded.target_wait_minutes,
         default_service_minutes = excluded.default_service_minutes,
         priority_rule = excluded.priority_rule, standard = excluded.standard,
         active = excluded.active, booking = excluded.booking, position = excluded.position`,
      [
        row.id,
        row.agency_id,
        row.name,
        row.prefix,
        row.daily_quota,
        row.hours,
        row.target_wait_minutes,
        row.default_service_minutes,
        row.priority_rule,
        row.standard,
        row.active,
        row.booking,
        i,
      ],
    );
  }
  await writeCounterRows(tx, counters);
  await removeRowsNotIn(tx, 'zones', new Set(building.zones.map((z) => z.id)));
  await removeRowsNotIn(tx, 'agencies', new Set(building.agencies.map((a) => a.id)));
}

/** A removal that history or people still refer to; `reason` says which, as a code. */
export class ConfigInUseError extends Error {
  constructor(readonly reason: ConflictReason) {
    super(`${reason.code}: ${reason.name}`);
  }
}

/** History keeps its references: a service with tickets is deactivated, never deleted. */
async function removeServicesNotIn(tx: SqlRunner, keep: ReadonlySet<string>): Promise<void> {
  const all = await tx.all<{ id: string; name: string }>(
    'SELECT id, name FROM services ORDER BY position',
  );
  for (const { id, name } of all) {
    if (keep.has(id)) continue;
    const used = await tx.get(
      'SELECT 1 AS found FROM tickets WHERE origin_service_id = ? OR service_id = ? LIMIT 1',
      [id, id],
    );
    if (used) throw new ConfigInUseError({ code: 'service_has_history', name });
    await tx.run('DELETE FROM service_days WHERE service_id = ?', [id]);
    await tx.run('DELETE FROM services WHERE id = ?', [id]);
  }
}

/** A row something still refers to cannot go; on PostgreSQL that failure ends the transaction. */
async function removeRowsNotIn(
  tx: SqlRunner,
  table: 'zones' | 'agencies',
  keep: ReadonlySet<string>,
): Promise<void> {
  const all = await tx.all<{ id: string; name: string }>(
    `SELECT id, name FROM ${table} ORDER BY position`,
  );
  for (const { id, name } of all) {
    if (keep.has(id)) continue;
    try {
      await tx.run(`DELETE FROM ${table} WHERE id = ?`, [id]);
    } catch {
      throw new ConfigInUseError({
        code: table === 'zones' ? 'zone_in_use' : 'agency_in_use',
        name,
      });
    }
  }
}

function toAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    ...(row.contact ? { contact: row.contact } : {}),
    ...(row.logo ? { logo: row.logo } : {}),
  };
}

function toService(row: ServiceRow): Service {
  return {
    id: row.id,
    agencyId: row.agency_id,
    name: row.name,
    prefix: row.prefix,
    dailyQuota: row.daily_quota,
    hours: row.hours ? (JSON.parse(row.hours) as Service['hours']) : null,
    targetWaitMinutes: row.target_wait_minutes,
    defaultServiceMinutes: row.default_service_minutes,
    priorityRule: JSON.parse(row.priority_rule) as Service['priorityRule'],
    standard: JSON.parse(row.standard) as Service['standard'],
    active: row.active === 1,
    ...(row.booking ? { booking: JSON.parse(row.booking) as Service['booking'] } : {}),
  };
}

function toServiceRow(s: Service): ServiceRow {
  return {
    id: s.id,
    agency_id: s.agencyId,
    name: s.name,
    prefix: s.prefix,
    daily_quota: s.dailyQuota,
    hours: s.hours ? JSON.stringify(s.hours) : null,
    target_wait_minutes: s.targetWaitMinutes,
    default_service_minutes: s.defaultServiceMinutes,
    priority_rule: JSON.stringify(s.priorityRule),
    standard: JSON.stringify(s.standard),
    active: s.active ? 1 : 0,
    booking: s.booking ? JSON.stringify(s.booking) : null,
  };
}
