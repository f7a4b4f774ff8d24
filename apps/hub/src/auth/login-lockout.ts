import type { Sql, SqlRunner } from '../db/sql';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_MS = 15 * 60_000;
export const LOCKOUT_MAX_MS = 8 * 60 * 60_000;

/**
 * Failed sign-ins of one name from one address. Keyed by both so that a stranger guessing
 * `admin` locks `admin` only for the stranger's own address: the admin at their own desk is
 * not locked out by someone else. Each lock of the same pair lasts twice as long as the one
 * before (15 min, 30, 60 … up to 8 h) until a right password or the admin clears it; guessing
 * many names from one address is limited separately (sign-in-limits.ts).
 */
export interface LockoutState {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number | null;
  /** How often this name and address were locked: the next lock doubles. */
  locks: number;
}

export const lockedUntil = (state: LockoutState | undefined, now: number): number | null =>
  state?.lockedUntil != null && state.lockedUntil > now ? state.lockedUntil : null;

export const lockLength = (locks: number): number =>
  Math.min(LOCKOUT_MS * 2 ** locks, LOCKOUT_MAX_MS);

/** One more failed sign-in: counted within the window; the fifth locks, longer each time. */
export function afterFailure(state: LockoutState | undefined, now: number): LockoutState {
  const fresh = !state || now - state.firstFailureAt >= LOCKOUT_WINDOW_MS;
  const failures = fresh ? 1 : state.failures + 1;
  const firstFailureAt = fresh ? now : state.firstFailureAt;
  const locks = state?.locks ?? 0;
  return failures >= LOCKOUT_FAILURES
    ? { failures: 0, firstFailureAt: now, lockedUntil: now + lockLength(locks), locks: locks + 1 }
    : { failures, firstFailureAt, lockedUntil: null, locks };
}

interface LockoutRow {
  failures: number;
  first_failure_at: number;
  locked_until: number | null;
  locks: number;
}

/** Kept per username (known or not), so guessing unknown names reveals nothing either. */
export function createLockoutStore(sql: Sql) {
  const stateOf = async (username: string, address: string): Promise<LockoutState | undefined> => {
    const row = await sql.get<LockoutRow>(
      `SELECT failures, first_failure_at, locked_until, locks FROM login_lockouts
       WHERE username = ? AND address = ?`,
      [username.toLowerCase(), address],
    );
    return row
      ? {
          failures: row.failures,
          firstFailureAt: row.first_failure_at,
          lockedUntil: row.locked_until,
          locks: row.locks,
        }
      : undefined;
  };
  return {
    lockedUntil: async (username: string, address: string, now: number): Promise<number | null> =>
      lockedUntil(await stateOf(username, address), now),
    /**
     * Returns when the name is now locked until for this address, if this failure locked it.
     * Read, then written: an address's sign-ins run one at a time (sign-in-limits.ts).
     */
    async recordFailure(username: string, address: string, now: number): Promise<number | null> {
      const next = afterFailure(await stateOf(username, address), now);
      await sql.run(
        `INSERT INTO login_lockouts (username, address, failures, first_failure_at, locked_until, locks)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username, address) DO UPDATE SET
           failures = excluded.failures, first_failure_at = excluded.first_failure_at,
           locked_until = excluded.locked_until, locks = excluded.locks`,
        [
          username.toLowerCase(),
          address,
          next.failures,
          next.firstFailureAt,
          next.lockedUntil,
          next.locks,
        ],
      );
      return next.lockedUntil;
    },
    /** A right password clears its own address; the admin's unlock (no address) clears all. */
    async recordSuccess(username: string, address?: string, tx: SqlRunner = sql): Promise<void> {
      if (address === undefined)
        await tx.run('DELETE FROM login_lockouts WHERE username = ?', [username.toLowerCase()]);
      else
        await tx.run('DELETE FROM login_lockouts WHERE username = ? AND address = ?', [
          username.toLowerCase(),
          address,
        ]);
    },
  };
}

export type LockoutStore = ReturnType<typeof createLockoutStore>;
