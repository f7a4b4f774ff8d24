import type { Agency, Building, Service, Site, Zone } from '@antre/domain';
import type { ConflictReason } from '@antre/protocol';
import { BuildingSchema } from '@antre/protocol';
import type { Db } from '../db/database';
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

export function hasBuilding(db: Db): boolean {
  return db.prepare('SELECT 1 FROM site WHERE id = 1').get() !== undefined;
}

export function loadBuilding(db: Db): Building | null {
  const site = db.prepare<[], { config: string }>('SELECT config FROM site WHERE id = 1').get();
  if (!site) return null;
  const building: Building = {
    site: JSON.parse(site.config) as Site,
    zones: db.prepare<[], Zone>('SELECT id, name FROM zones ORDER BY position').all(),
    agencies: db
      .prepare<[], AgencyRow>(
        'SELECT id, name, short_name, contact, logo FROM agencies ORDER BY position',
      )
      .all()
      .map(toAgency),
    services: db
      .prepare<[], ServiceRow>('SELECT * FROM services ORDER BY position')
      .all()
      .map(toService),
    counters: loadCounters(db),
  };
  // What was saved was valid; a failure here means the file was edited by hand.
  return BuildingSchema.parse(building);
}

/**
 * Saves the whole configuration in one transaction, each row in place: what is kept keeps its
 * row, so a counter's open session and history never see it re-made.
 */
export function saveBuilding(db: Db, building: Building): void {
  db.transaction(() => {
    const counters = planCounters(loadCounters(db), building.counters);
    db.prepare(
      'INSERT INTO site (id, config) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET config = excluded.config',
    ).run(JSON.stringify(building.site));
    const zone = db.prepare(
      'INSERT INTO zones (id, name, position) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position',
    );
    building.zones.forEach((z, i) => zone.run(z.id, z.name, i));
    const agency = db.prepare(
      `INSERT INTO agencies (id, name, short_name, contact, logo, position) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
         contact = excluded.contact, logo = excluded.logo, position = excluded.position`,
    );
    building.agencies.forEach((a, i) =>
      agency.run(a.id, a.name, a.shortName, a.contact ?? null, a.logo ?? null, i),
    );
    removeStaleCounterRows(db, counters);
    // Prefixes are unique; clear them first so two services may swap theirs in one save.
    db.exec("UPDATE services SET prefix = '#' || id");
    removeServicesNotIn(db, new Set(building.services.map((s) => s.id)));
    const service = db.prepare(
      `INSERT INTO services (id, agency_id, name, prefix, daily_quota, hours, target_wait_minutes,
         default_service_minutes, priority_rule, standard, active, booking, position)
       VALUES (@id, @agency_id, @name, @prefix, @daily_quota, @hours, @target_wait_minutes,
         @default_service_minutes, @priority_rule, @standard, @active, @booking, @position)
       ON CONFLICT (id) DO UPDATE SET agency_id = excluded.agency_id, name = excluded.name,
         prefix = excluded.prefix, daily_quota = excluded.daily_quota, hours = excluded.hours,
         target_wait_minutes = excluded.target_wait_minutes,
         default_service_minutes = excluded.default_service_minutes,
         priority_rule = excluded.priority_rule, standard = excluded.standard,
         active = excluded.active, booking = excluded.booking, position = excluded.position`,
    );
    building.services.forEach((s, i) => service.run({ ...toServiceRow(s), position: i }));
    writeCounterRows(db, counters);
    removeRowsNotIn(db, 'zones', new Set(building.zones.map((z) => z.id)));
    removeRowsNotIn(db, 'agencies', new Set(building.agencies.map((a) => a.id)));
  })();
}

/** A removal that history or people still refer to; `reason` says which, as a code. */
export class ConfigInUseError extends Error {
  constructor(readonly reason: ConflictReason) {
    super(`${reason.code}: ${reason.name}`);
  }
}

/** History keeps its references: a service with tickets is deactivated, never deleted. */
function removeServicesNotIn(db: Db, keep: ReadonlySet<string>): void {
  const used = db.prepare(
    'SELECT 1 FROM tickets WHERE origin_service_id = ? OR service_id = ? LIMIT 1',
  );
  const remove = db.prepare('DELETE FROM services WHERE id = ?');
  const all = db.prepare<[], { id: string; name: string }>('SELECT id, name FROM services').all();
  for (const { id, name } of all) {
    if (keep.has(id)) continue;
    if (used.get(id, id)) throw new ConfigInUseError({ code: 'service_has_history', name });
    db.prepare('DELETE FROM service_days WHERE service_id = ?').run(id);
    remove.run(id);
  }
}

function removeRowsNotIn(db: Db, table: 'zones' | 'agencies', keep: ReadonlySet<string>): void {
  const all = db.prepare<[], { id: string; name: string }>(`SELECT id, name FROM ${table}`).all();
  for (const { id, name } of all) {
    if (keep.has(id)) continue;
    try {
      db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
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

function toServiceRow(s: Service): Omit<ServiceRow, 'position'> {
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
