import type { Counter } from '@antre/domain';
import type { Db } from '../db/database';

interface CounterRow {
  id: string;
  agency_id: string;
  zone_id: string;
  name: string;
  number: number;
  selection: 'order' | 'weight';
}

interface CounterServiceRow {
  counter_id: string;
  service_id: string;
  weight: number;
}

/** What a save does to the counters: each one kept is changed in place, never re-made. */
export interface CounterPlan {
  added: Counter[];
  /** Kept counters whose own fields (name, number, zone…) changed. */
  changed: Counter[];
  /** Kept counters whose services or weights changed; their links are written again. */
  relinked: Counter[];
  removed: string[];
}

export function loadCounters(db: Db): Counter[] {
  const links = db
    .prepare<[], CounterServiceRow>(
      'SELECT counter_id, service_id, weight FROM counter_services ORDER BY position',
    )
    .all();
  return db
    .prepare<[], CounterRow>('SELECT * FROM counters ORDER BY number')
    .all()
    .map((row) => toCounter(row, links));
}

export function planCounters(stored: Counter[], next: Counter[]): CounterPlan {
  const before = new Map(stored.map((c) => [c.id, c]));
  const kept = new Set(next.map((c) => c.id));
  const plan: CounterPlan = { added: [], changed: [], relinked: [], removed: [] };
  for (const counter of next) {
    const old = before.get(counter.id);
    if (!old) {
      plan.added.push(counter);
      continue;
    }
    if (rowChanged(old, counter)) plan.changed.push(counter);
    if (linksOf(old) !== linksOf(counter)) plan.relinked.push(counter);
  }
  plan.removed = stored.filter((c) => !kept.has(c.id)).map((c) => c.id);
  return plan;
}

/** Before services change: removed counters go, and the old links of relinked ones. */
export function removeStaleCounterRows(db: Db, plan: CounterPlan): void {
  const unlink = db.prepare('DELETE FROM counter_services WHERE counter_id = ?');
  const remove = db.prepare('DELETE FROM counters WHERE id = ?');
  for (const id of plan.removed) {
    unlink.run(id);
    remove.run(id);
  }
  for (const counter of plan.relinked) unlink.run(counter.id);
}

/** Once the services exist: changed counters updated, new ones inserted, links written. */
export function writeCounterRows(db: Db, plan: CounterPlan): void {
  // Numbers are unique: a renumbered counter steps aside first, so two may swap in one save.
  const stepAside = db.prepare('UPDATE counters SET number = -number WHERE id = ?');
  for (const counter of plan.changed) stepAside.run(counter.id);
  const update = db.prepare(
    `UPDATE counters SET agency_id = @agencyId, zone_id = @zoneId, name = @name,
       number = @number, selection = @selection WHERE id = @id`,
  );
  const insert = db.prepare(
    `INSERT INTO counters (id, agency_id, zone_id, name, number, selection)
     VALUES (@id, @agencyId, @zoneId, @name, @number, @selection)`,
  );
  const link = db.prepare(
    'INSERT INTO counter_services (counter_id, service_id, position, weight) VALUES (?, ?, ?, ?)',
  );
  for (const counter of plan.changed) update.run(rowOf(counter));
  for (const counter of plan.added) insert.run(rowOf(counter));
  for (const counter of [...plan.added, ...plan.relinked])
    counter.services.forEach((l, i) => link.run(counter.id, l.serviceId, i, l.weight));
}

const rowOf = (c: Counter) => ({
  id: c.id,
  agencyId: c.agencyId,
  zoneId: c.zoneId,
  name: c.name,
  number: c.number,
  selection: c.selection,
});

const rowChanged = (a: Counter, b: Counter): boolean =>
  a.agencyId !== b.agencyId ||
  a.zoneId !== b.zoneId ||
  a.name !== b.name ||
  a.number !== b.number ||
  a.selection !== b.selection;

const linksOf = (c: Counter): string =>
  c.services.map((l) => `${l.serviceId}:${l.weight}`).join(',');

function toCounter(row: CounterRow, links: CounterServiceRow[]): Counter {
  return {
    id: row.id,
    agencyId: row.agency_id,
    zoneId: row.zone_id,
    name: row.name,
    number: row.number,
    selection: row.selection,
    services: links
      .filter((l) => l.counter_id === row.id)
      .map((l) => ({ serviceId: l.service_id, weight: l.weight })),
  };
}
