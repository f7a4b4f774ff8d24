import type pg from 'pg';
import { CLUSTER_SCHEMA, inTransaction } from '../db/pg/pg-database';
import type { TakeGrace } from './spreading';
import { forgetStandby, noteStandby, takeGrace } from './spreading';

/**
 * Which hub process serves a building: the one holding its lease, a row in PostgreSQL with an
 * expiry the holder keeps pushing forward. Times are the server's (`now()`), so the hubs'
 * clocks never have to agree. Each take makes a new epoch; every write of the building checks
 * its epoch under a share lock on the row (`fence`), so once a standby has taken the lease, a
 * process that held it before (killed, paused, frozen) can change nothing, even if it wakes up
 * believing it is still active.
 */
export class FencedError extends Error {
  constructor(
    readonly building: string,
    readonly epoch: number,
    readonly current: number | null,
  ) {
    super(
      `Building ${building}: this process's lease (epoch ${epoch}) has been taken over (epoch ${current ?? 'none'}); nothing was written`,
    );
  }
}

export async function ensureLeaseTable(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['antre cluster schema']);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${CLUSTER_SCHEMA}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${CLUSTER_SCHEMA}.leases (
         building TEXT PRIMARY KEY,
         epoch BIGINT NOT NULL,
         holder TEXT NOT NULL,
         expires_at TIMESTAMPTZ NOT NULL
       )`,
    );
    // The processes standing by for each building, so a crowded one can hand a building
    // over to a less loaded one (cluster/spreading.ts).
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${CLUSTER_SCHEMA}.standbys (
         building TEXT NOT NULL,
         holder TEXT NOT NULL,
         expires_at TIMESTAMPTZ NOT NULL,
         PRIMARY KEY (building, holder)
       )`,
    );
  });
}

export interface LeaseRow {
  building: string;
  epoch: number;
  holder: string;
  /** Milliseconds until it expires, by the server's clock; negative once it has. */
  remainingMs: number;
}

/**
 * Takes the building's lease if nobody holds it, it has expired, or `holder` (unique to a
 * process) held it already; the new epoch, or null if another process holds it. The row lock
 * makes two standbys racing for it get one epoch each in turn: the second sees the first's
 * fresh expiry and gets null. A holder that already holds k other buildings' live leases takes
 * a free one only once it has been free for `grace` (k × perLeaseMs, at most maxMs), so a
 * process holding fewer gets it first (cluster/spreading.ts).
 */
export async function takeLease(
  pool: pg.Pool,
  building: string,
  holder: string,
  ttlMs: number,
  grace: TakeGrace = { perLeaseMs: 0, maxMs: 0 },
): Promise<number | null> {
  const result = await pool.query<{ epoch: number }>(
    `INSERT INTO ${CLUSTER_SCHEMA}.leases AS l (building, epoch, holder, expires_at)
     VALUES ($1, 1, $2, now() + $3 * interval '1 millisecond')
     ON CONFLICT (building) DO UPDATE
       SET epoch = l.epoch + 1, holder = excluded.holder, expires_at = excluded.expires_at
       WHERE l.holder = excluded.holder
         OR l.expires_at < now() - interval '1 millisecond' * LEAST($5::float8, $4::float8 * (
              SELECT count(*) FROM ${CLUSTER_SCHEMA}.leases o
              WHERE o.holder = excluded.holder AND o.building <> excluded.building
                AND o.expires_at > now()))
     RETURNING epoch`,
    [building, holder, ttlMs, grace.perLeaseMs, grace.maxMs],
  );
  return result.rows[0]?.epoch ?? null;
}

/** Pushes the expiry forward while the epoch is still ours; false once it is not. */
export async function renewLease(
  pool: pg.Pool,
  building: string,
  epoch: number,
  ttlMs: number,
): Promise<boolean> {
  const result = await pool.query(
    `UPDATE ${CLUSTER_SCHEMA}.leases SET expires_at = now() + $3 * interval '1 millisecond'
     WHERE building = $1 AND epoch = $2`,
    [building, epoch, ttlMs],
  );
  return result.rowCount === 1;
}

/** A clean stop lets the lease go at once, so a standby need not wait for it to expire. */
export async function releaseLease(pool: pg.Pool, building: string, epoch: number): Promise<void> {
  await pool.query(
    `UPDATE ${CLUSTER_SCHEMA}.leases SET expires_at = now() - interval '1 millisecond'
     WHERE building = $1 AND epoch = $2`,
    [building, epoch],
  );
}

export async function readLease(pool: pg.Pool, building: string): Promise<LeaseRow | null> {
  const result = await pool.query<LeaseRow>(
    `SELECT building, epoch, holder,
       (extract(epoch FROM expires_at - now()) * 1000)::float8 AS "remainingMs"
     FROM ${CLUSTER_SCHEMA}.leases WHERE building = $1`,
    [building],
  );
  return result.rows[0] ?? null;
}

/**
 * Inside a write transaction, first: holds the lease row in share mode until the transaction
 * ends, and throws `FencedError` unless the epoch is still `epoch`. A takeover (which updates
 * the row) waits for writes already past their fence, and every write after it sees the new
 * epoch.
 */
export async function fence(client: pg.PoolClient, building: string, epoch: number): Promise<void> {
  // In the same round trip, the transaction is marked with its epoch: the rows it writes
  // record it (migrations-pg/0003-writer-epoch.sql).
  const result = await client.query<{ epoch: number }>(
    `SELECT epoch, set_config('antre.epoch', $2, true) FROM ${CLUSTER_SCHEMA}.leases
     WHERE building = $1 FOR SHARE`,
    [building, String(epoch)],
  );
  const current = result.rows[0]?.epoch ?? null;
  if (current !== epoch) throw new FencedError(building, epoch, current);
}

/** A transaction that writes only while `epoch` holds the building's lease. */
export function fencedTransaction<T>(
  pool: pg.Pool,
  building: string,
  epoch: number,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return inTransaction(pool, async (client) => {
    await fence(client, building, epoch);
    return work(client);
  });
}

/** A query PostgreSQL does not answer in time counts as failed; the keeper tries again. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** How long a lease lasts unrenewed unless told otherwise: the longest a dead process keeps it. */
export const LEASE_TTL_MS = 3000;

export type LeaseState =
  { role: 'standby'; holder: string | null } | { role: 'active'; epoch: number };

export interface LeaseKeeperOptions {
  pool: pg.Pool;
  building: string;
  /** This process, as the lease row and /api/health name it (host and pid). */
  holder: string;
  /** How long a lease lasts unrenewed: the longest a dead active process keeps its building. */
  ttlMs?: number;
  /** Becoming active: load the day, then serve. */
  onActive: (epoch: number) => void;
  /** No longer active (taken over, or PostgreSQL unreachable past the lease): stop serving. */
  onLost: (reason: string) => void;
}

/**
 * Keeps one building's lease: a standby tries to take it every ttl/5 (and says it stands by),
 * the active process renews it every ttl/3. The active process gives itself up when no renewal has got through for 0.9
 * ttl by its own clock (PostgreSQL unreachable), a little before a standby may take it; the
 * fence would refuse its writes anyway.
 */
export function createLeaseKeeper(options: LeaseKeeperOptions) {
  const ttlMs = options.ttlMs ?? LEASE_TTL_MS;
  let state: LeaseState = { role: 'standby', holder: null };
  let timer: NodeJS.Timeout | null = null;
  /** Fires when the lease would run out by this process's clock, unless renewed first. */
  let expiry: NodeJS.Timeout | null = null;
  /** The step under way: a stop waits for it, so a take or renew cannot land after it. */
  let running: Promise<void> | null = null;
  let stopped = false;
  /** After a resignation this process leaves the lease to the others for a while. */
  let restUntil = 0;

  function schedule(delay: number): void {
    if (!stopped)
      timer = setTimeout(() => {
        running = step().finally(() => {
          running = null;
        });
      }, delay);
  }

  function lose(reason: string): void {
    if (expiry) clearTimeout(expiry);
    expiry = null;
    if (state.role !== 'active') return;
    state = { role: 'standby', holder: null };
    options.onLost(reason);
  }

  /**
   * The lease runs from when it was asked for (`sentAt`), not from the answer; this process
   * gives it up a little before the server would, so it never believes it is active while a
   * standby may already be.
   */
  function heldFrom(sentAt: number): void {
    if (expiry) clearTimeout(expiry);
    const left = ttlMs * 0.9 - (performance.now() - sentAt);
    expiry = setTimeout(() => lose(`the lease was not renewed within ${ttlMs} ms`), left);
  }

  async function step(): Promise<void> {
    try {
      if (state.role === 'active') {
        const epoch = state.epoch;
        const sentAt = performance.now();
        const held = await withTimeout(
          renewLease(options.pool, options.building, epoch, ttlMs),
          ttlMs / 3,
        );
        if (stopped || state.role !== 'active') return;
        if (!held) lose(`the lease was taken over (epoch ${epoch} is no longer current)`);
        else heldFrom(sentAt);
      } else if (performance.now() >= restUntil) {
        const sentAt = performance.now();
        const epoch = await withTimeout(
          takeLease(options.pool, options.building, options.holder, ttlMs, takeGrace(ttlMs)),
          ttlMs / 3,
        );
        if (stopped) return;
        if (epoch !== null) {
          state = { role: 'active', epoch };
          heldFrom(sentAt);
          options.onActive(epoch);
          await withTimeout(
            forgetStandby(options.pool, options.building, options.holder),
            ttlMs / 3,
          );
        } else {
          const holder = await withTimeout(
            noteStandby(options.pool, options.building, options.holder, ttlMs),
            ttlMs / 3,
          );
          if (state.role === 'standby') state = { role: 'standby', holder };
        }
      }
    } catch {
      // PostgreSQL did not answer in time: the next step tries again; an active process
      // loses the lease by its expiry timer if no renewal gets through.
    } finally {
      schedule(state.role === 'active' ? ttlMs / 3 : ttlMs / 5);
    }
  }

  return {
    start(): void {
      schedule(0);
    },
    get state(): LeaseState {
      return state;
    },
    /**
     * Gives the lease up at once and goes on as a standby, leaving the lease to the others for
     * `restMs` (two lease lengths if this process could not serve the building after all):
     * another process takes it without waiting for it to run out.
     */
    async resign(restMs = 2 * ttlMs): Promise<void> {
      if (state.role !== 'active') return;
      const epoch = state.epoch;
      if (expiry) clearTimeout(expiry);
      expiry = null;
      state = { role: 'standby', holder: null };
      restUntil = performance.now() + restMs;
      // A renewal already sent must land first, or it would push the released expiry back.
      await running?.catch(() => undefined);
      await releaseLease(options.pool, options.building, epoch).catch(() => undefined);
    },
    /** Stops keeping the lease; a clean stop releases it so a standby takes over at once. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (expiry) clearTimeout(expiry);
      await running?.catch(() => undefined);
      if (state.role === 'active') {
        const epoch = state.epoch;
        state = { role: 'standby', holder: null };
        await releaseLease(options.pool, options.building, epoch).catch(() => undefined);
      } else {
        // Bounded like every step: a stop must not wait on a PostgreSQL that does not answer.
        await withTimeout(
          forgetStandby(options.pool, options.building, options.holder),
          ttlMs / 3,
        ).catch(() => undefined);
      }
    },
  };
}
