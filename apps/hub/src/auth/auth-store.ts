import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Sql, SqlRunner } from '../db/sql';
import type { Principal } from './principal';
import { createLockoutStore } from './login-lockout';

export const SESSION_MS = 12 * 60 * 60_000;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: 'admin' | 'supervisor' | 'officer';
  agency_id: string | null;
  active: number;
}

interface DeviceRow {
  id: string;
  name: string;
  role: 'kiosk' | 'display' | 'integration';
  zone_ids: string;
  agency_ids: string;
  settings: string;
  revoked_at: number | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: UserRow['role'];
  agencyId: string | null;
}

export interface NewDevice {
  name: string;
  role: DeviceRow['role'];
  zoneIds: string[];
  agencyIds: string[];
  settings?: Record<string, unknown>;
}

// Tokens are stored hashed: a copied database holds no usable credential.
const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (kind: 'u' | 'd'): string => `${kind}_${randomBytes(32).toString('base64url')}`;

const SESSION_USER = `SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id
  WHERE sessions.token_hash = ? AND sessions.expires_at > ? AND users.active = 1`;
const DEVICE_BY_TOKEN = 'SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL';

/**
 * People, their sessions and devices' tokens. A write that may land with another store's (an
 * audit entry) takes the caller's transaction as `tx`; without one it runs alone.
 */
export function createAuthStore(sql: Sql) {
  const sessionsEndedListeners = new Set<() => void>();
  const sessionsEnded = (): void => sessionsEndedListeners.forEach((listener) => listener());

  return {
    /** Failed sign-ins per username, for the lockout. */
    lockout: createLockoutStore(sql),

    countUsers: async (): Promise<number> =>
      (await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM users'))?.n ?? 0,

    findUser: (username: string): Promise<UserRow | undefined> =>
      sql.get<UserRow>('SELECT * FROM users WHERE username = ?', [username]),

    async createUser(user: NewUser, now: number, tx: SqlRunner = sql): Promise<string> {
      const id = randomUUID();
      await tx.run(
        `INSERT INTO users (id, username, display_name, password_hash, role, agency_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [id, user.username, user.displayName, user.passwordHash, user.role, user.agencyId, now],
      );
      return id;
    },

    async createSession(
      userId: string,
      now: number,
    ): Promise<{ token: string; expiresAt: number }> {
      const token = newToken('u');
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
      sessionsEnded();
    },

    /**
     * Signs a person out everywhere: deactivation, a new password, a new role or agency. In the
     * caller's transaction; once it has committed, the caller calls `sessionsEnded`.
     */
    async endSessionsOf(tx: SqlRunner, userId: string): Promise<void> {
      await tx.run('DELETE FROM sessions WHERE user_id = ?', [userId]);
    },

    /**
     * Tells the listeners that sessions are gone; they re-resolve what they hold. Called after
     * the commit: before it, another connection (PostgreSQL) would still find the sessions.
     */
    sessionsEnded,

    /** The socket server listens, to cut the sockets whose sessions are gone. */
    onSessionsEnded(listener: () => void): () => void {
      sessionsEndedListeners.add(listener);
      return () => sessionsEndedListeners.delete(listener);
    },

    async createDevice(
      device: NewDevice,
      now: number,
      tx: SqlRunner = sql,
    ): Promise<{ id: string; token: string }> {
      const id = randomUUID();
      const token = newToken('d');
      await tx.run(
        `INSERT INTO devices (id, name, role, token_hash, zone_ids, agency_ids, settings, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          device.name,
          device.role,
          hashToken(token),
          JSON.stringify(device.zoneIds),
          JSON.stringify(device.agencyIds),
          JSON.stringify(device.settings ?? {}),
          now,
        ],
      );
      return { id, token };
    },

    /** The principal a bearer token stands for, or null when it is unknown, expired or revoked. */
    async resolve(token: string, now: number): Promise<Principal | null> {
      const hash = hashToken(token);
      if (token.startsWith('u_')) {
        const user = await sql.get<UserRow>(SESSION_USER, [hash, now]);
        return user
          ? {
              kind: 'user',
              id: user.id,
              role: user.role,
              agencyId: user.agency_id,
              name: user.display_name,
            }
          : null;
      }
      if (token.startsWith('d_')) {
        const device = await sql.get<DeviceRow>(DEVICE_BY_TOKEN, [hash]);
        return device
          ? {
              kind: 'device',
              id: device.id,
              role: device.role,
              name: device.name,
              zoneIds: JSON.parse(device.zone_ids) as string[],
              agencyIds: JSON.parse(device.agency_ids) as string[],
              settings: JSON.parse(device.settings) as Record<string, unknown>,
            }
          : null;
      }
      return null;
    },
  };
}

export type AuthStore = ReturnType<typeof createAuthStore>;
