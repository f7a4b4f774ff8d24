import type { Db } from '../db/database';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_MS = 15 * 60_000;

export interface LockoutState {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number | null;
}

export const lockedUntil = (state: LockoutState | undefined, now: number): number | null =>
  state?.lockedUntil != null && state.lockedUntil > now ? state.lockedUntil : null;

/** One more failed sign-in: counted within the window; the fifth locks the name. */
export function afterFailure(state: LockoutState | undefined, now: number): LockoutState {
  const fresh = !state || now - state.firstFailureAt >= LOCKOUT_WINDOW_MS;
  const failures = fresh ? 1 : state.failures + 1;
  const firstFailureAt = fresh ? now : state.firstFailureAt;
  return failures >= LOCKOUT_FAILURES
    ? { failures: 0, firstFailureAt: now, lockedUntil: now + LOCKOUT_MS }
    : { failures, firstFailureAt, lockedUntil: null };
}

interface LockoutRow {
  failures: number;
  first_failure_at: number;
  locked_until: number | null;
}

/** Kept per username (known or not), so guessing unknown names reveals nothing either. */
export function createLockoutStore(db: Db) {
  const get = db.prepare<[string], LockoutRow>(
    'SELECT failures, first_failure_at, locked_until FROM login_lockouts WHERE username = ?',
  );
  const put = db.prepare(
    `INSERT INTO login_lockouts (username, failures, first_failure_at, locked_until)
     VALUES (?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET failures = excluded.failures,
       first_failure_at = excluded.first_failure_at, locked_until = excluded.locked_until`,
  );
  const stateOf = (username: string): LockoutState | undefined => {
    const row = get.get(username.toLowerCase());
    return row
      ? {
          failures: row.failures,
          firstFailureAt: row.first_failure_at,
          lockedUntil: row.locked_until,
        }
      : undefined;
  };
  return {
    lockedUntil: (username: string, now: number): number | null =>
      lockedUntil(stateOf(username), now),
    /** Returns when the name is now locked until, if this failure locked it. */
    recordFailure(username: string, now: number): number | null {
      const next = afterFailure(stateOf(username), now);
      put.run(username.toLowerCase(), next.failures, next.firstFailureAt, next.lockedUntil);
      return next.lockedUntil;
    },
    recordSuccess(username: string): void {
      db.prepare('DELETE FROM login_lockouts WHERE username = ?').run(username.toLowerCase());
    },
  };
}

export type LockoutStore = ReturnType<typeof createLockoutStore>;
