import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SESSION_MS } from '../auth/auth-store';
import { createLockoutStore } from '../auth/login-lockout';
import { generatePassword, hashPassword } from '../auth/passwords';
import type { Sql } from '../db/sql';

/** A regional admin, as a region route sees them. Never a building's principal. */
export interface RegionPrincipal {
  kind: 'region';
  id: string;
  username: string;
  name: string;
}

interface RegionUserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  active: number;
}

// `r_` tokens: a building hub knows only `u_` and `d_` (auth/auth-store.ts) and refuses them;
// this store looks them up in its own schema only, where no building token is.
const newToken = (): string => `r_${randomBytes(32).toString('base64url')}`;
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The regional admins, their sessions (hashed at rest) and failed sign-ins. */
export function createRegionAccounts(sql: Sql) {
  return {
    lockout: createLockoutStore(sql),

    findUser: (username: string): Promise<RegionUserRow | undefined> =>
      sql.get<RegionUserRow>('SELECT * FROM users WHERE username = ?', [username]),

    countUsers: async (): Promise<number> =>
      (await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM users'))?.n ?? 0,

    /** The new account's id; null when the name is taken (another region process made it). */
    async createUser(
      user: { username: string; displayName: string; passwordHash: string },
      now: number,
    ): Promise<string | null> {
      const id = randomUUID();
      const { changes } = await sql.run(
        `INSERT INTO users (id, username, display_name, password_hash, created_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`,
        [id, user.username, user.displayName, user.passwordHash, now],
      );
      return changes === 1 ? id : null;
    },

    async createSession(
      userId: string,
      now: number,
    ): Promise<{ token: string; expiresAt: number }> {
      const token = newToken();
      const expiresAt = now + SESSION_MS;
      await sql.transaction(async (tx) => {
        await tx.run('DELETE FROM sessions WHERE expires_at <= ?', [now]);
        await tx.run(
          'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
          [hashToken(token), userId, now, expiresAt],
        );
      });
      return { token, expiresAt };
    },

    async endSession(token: string): Promise<void> {
      await sql.run('DELETE FROM sessions WHERE token_hash = ?', [hashToken(token)]);
    },

    /** The regional admin a bearer token stands for; null when unknown, expired or not `r_`. */
    async resolve(token: string, now: number): Promise<RegionPrincipal | null> {
      if (!token.startsWith('r_')) return null;
      const user = await sql.get<RegionUserRow>(
        `SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id
         WHERE sessions.token_hash = ? AND sessions.expires_at > ? AND users.active = 1`,
        [hashToken(token), now],
      );
      return user
        ? { kind: 'region', id: user.id, username: user.username, name: user.display_name }
        : null;
    },
  };
}

export type RegionAccounts = ReturnType<typeof createRegionAccounts>;

export interface RegionFirstStart {
  /** The password made on this start, shown once; null when there was an account already. */
  created: { username: string; password: string | null } | null;
}

/**
 * With no regional account yet, makes `admin`: with ANTRE_REGION_ADMIN_PASSWORD's password,
 * or a generated one printed once, as a building's first admin is (building/first-start.ts).
 */
export async function prepareRegionFirstStart(
  accounts: RegionAccounts,
  adminPassword: string | undefined,
): Promise<RegionFirstStart> {
  if ((await accounts.countUsers()) > 0) return { created: null };
  const password = adminPassword ?? generatePassword();
  const made = await accounts.createUser(
    { username: 'admin', displayName: 'Administrator', passwordHash: await hashPassword(password) },
    Date.now(),
  );
  if (made === null) return { created: null };
  return { created: { username: 'admin', password: adminPassword ? null : password } };
}
