import type pg from 'pg';
import { CLUSTER_SCHEMA } from '../db/pg/pg-database';

/**
 * How the buildings of a cluster spread over its processes when each process is configured
 * with several of them (docs/architecture.md, "Growing past one machine"). Two rules, both
 * counted from the rows in PostgreSQL, so every process sees the same loads:
 *
 * - **Taking**: a standby that already holds k other buildings' live leases takes a free one
 *   only once it has been free for k quarters of the lease, at most a third (`takeGrace`; at
 *   3 s: 750 ms for k = 1, 1 s for k ≥ 2). A standby holding none tries every fifth of the
 *   lease (600 ms) and so gets it first. Bounded whatever the load, so a takeover after a
 *   kill still comes within ttl + ttl/3 + ttl/5 (4.6 s at 3 s) plus the hub's start.
 * - **Handing over**: every lease length, a process holding n leases looks at the processes
 *   standing by for its buildings; when one of them holds n - 2 or fewer, it hands that
 *   building over (closes its hub, releases the lease, leaves it for a lease length) — one
 *   building per look. Processes started one after another thus end up even: 2 and 0 become
 *   1 and 1, 4 and 0 become 2 and 2; a gap of one is left alone, so nothing swings back.
 */
export interface TakeGrace {
  perLeaseMs: number;
  maxMs: number;
}

export const takeGrace = (ttlMs: number): TakeGrace => ({
  perLeaseMs: ttlMs / 4,
  maxMs: ttlMs / 3,
});

/** The wait `takeLease` computes in SQL for a holder of `held` other leases (docs, tests). */
export const graceMs = (grace: TakeGrace, held: number): number =>
  Math.min(grace.maxMs, held * grace.perLeaseMs);

/** A process that hands a building over leaves it alone this long, so another takes it. */
export const handOverRestMs = (ttlMs: number): number => ttlMs;

/**
 * A standby's word that it is ready to serve the building, good for one lease length and said
 * at each try for the lease; answers who holds the lease (expired or not), if anyone does.
 */
export async function noteStandby(
  pool: pg.Pool,
  building: string,
  holder: string,
  ttlMs: number,
): Promise<string | null> {
  const result = await pool.query<{ holder: string }>(
    `WITH noted AS (
       INSERT INTO ${CLUSTER_SCHEMA}.standbys AS s (building, holder, expires_at)
       VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (building, holder) DO UPDATE SET expires_at = excluded.expires_at
     ), forgotten AS (
       -- Processes that went away without a word (killed): their rows, an hour on.
       DELETE FROM ${CLUSTER_SCHEMA}.standbys
       WHERE building = $1 AND holder <> $2 AND expires_at < now() - interval '1 hour'
     )
     SELECT holder FROM ${CLUSTER_SCHEMA}.leases WHERE building = $1`,
    [building, holder, ttlMs],
  );
  return result.rows[0]?.holder ?? null;
}

/** A standby that stops, or takes the lease, is no longer one. */
export async function forgetStandby(
  pool: pg.Pool,
  building: string,
  holder: string,
): Promise<void> {
  await pool.query(`DELETE FROM ${CLUSTER_SCHEMA}.standbys WHERE building = $1 AND holder = $2`, [
    building,
    holder,
  ]);
}

export interface BuildingLoad {
  building: string;
  /** Live leases `holder` holds, this one included. */
  mine: number;
  /** The fewest live leases held by a process standing by for it; null when none is. */
  least: number | null;
}

/** For each of `buildings` whose live lease `holder` holds: its load and its standbys' least. */
export async function readLoads(
  pool: pg.Pool,
  holder: string,
  buildings: readonly string[],
): Promise<BuildingLoad[]> {
  const live = `SELECT count(*) FROM ${CLUSTER_SCHEMA}.leases o WHERE o.expires_at > now()`;
  const result = await pool.query<BuildingLoad>(
    `SELECT l.building,
       (${live} AND o.holder = $1) AS mine,
       (SELECT min((${live} AND o.holder = s.holder)) FROM ${CLUSTER_SCHEMA}.standbys s
        WHERE s.building = l.building AND s.holder <> $1 AND s.expires_at > now()) AS least
     FROM ${CLUSTER_SCHEMA}.leases l
     WHERE l.holder = $1 AND l.expires_at > now() AND l.building = ANY($2)`,
    [holder, buildings],
  );
  return result.rows.map((row) => ({
    building: row.building,
    mine: Number(row.mine),
    least: row.least === null ? null : Number(row.least),
  }));
}

/**
 * The building to hand over, if any: one whose least loaded standby holds at least two leases
 * fewer than this process; the least loaded standby first, then the building listed last.
 */
export function pickHandOver(
  loads: readonly BuildingLoad[],
  order: readonly string[],
): BuildingLoad | null {
  const candidates = loads.flatMap((load) =>
    load.least !== null && load.mine - load.least >= 2 ? [{ load, least: load.least }] : [],
  );
  candidates.sort(
    (a, b) => a.least - b.least || order.indexOf(b.load.building) - order.indexOf(a.load.building),
  );
  return candidates[0]?.load ?? null;
}
