import type { Counter } from '@antre/domain';
import type { SqlRunner } from '../db/sql';

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

export async function loadCounters(sql: SqlRunner): Promise<Counter[]> {
  const links = await sql.all<CounterServiceRow>(
    'SELECT counter_id, service_id, weight FROM counter_services ORDER BY position',
  );
  const rows = await sql.all<CounterRow>(
    'SELECT id, agency_id, zone_id, name, number, selection FROM counters ORDER BY number',
  );
  return rows.map((row) => toCounter(row, links));
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
export async function removeStaleCounterRows(tx: SqlRunner, plan: CounterPlan): Promise<void> {
  for (const id of plan.removed) {
    await tx.run('DELETE FROM counter_services WHERE counter_id = ?', [id]);
    await tx.run('DELETE FROM counters WHERE id = ?', [id]);
  }
  for (const counter of plan.relinked)
    await tx.run('DELETE FROM counter_services WHERE counter_id = ?', [counter.id]);
}

/** Once the services exist: changed counters updated, new ones inserted, links written. */
export async function writeCounterRows(tx: SqlRunner, plan: CounterPlan): Promise<void> {
  // Numbers are unique: a renumbered counter steps aside first, so two may swap in one save.
  for (const counter of plan.changed)
    await tx.run('UPDATE counters SET number = -number WHERE id = ?', [counter.id]);
  for (const c of plan.changed)
    await tx.run(
      `UPDATE counters SET agency_id = ?, zone_id = ?, name = ?, number = ?, selection = ?
       WHERE id = ?`,
      [c.agencyId, c.zoneId, c.name, c.number, c.selection, c.id],
    );
  for (const c of plan.added)
    await tx.run(
      `INSERT INTO counters (id, agency_id, zone_id, name, number, selection)
       VALUES (?, ?, ?, ?, ?, ?)`,
      [c.id, c.agencyId, c.zoneId, c.name, c.number, c.selection],
    );
  for (const counter of [...plan.added, ...plan.relinked])
    for (const [i, l] of counter.services.entries())
      await tx.run(
        'INSERT INTO counter_services (counter_id, service_id, position, weight) VALUES (?, ?, ?, ?)',
        [counter.id, l.serviceId, i, l.weight],
      );
}

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
