import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
import type { Principal } from './principal';
import { createLockoutStore } from './login-lockout';

const SESSION_MS = 12 * 60 * 60_000;

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

export function createAuthStore(db: Db) {
  const userByName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const sessionUser = db.prepare<[string, number], UserRow>(
    `SELECT users.* FROM sessions JOIN users ON users.id = sessions.user_id
     WHERE sessions.token_hash = ? AND sessions.expires_at > ? AND users.active = 1`,
  );
  const deviceByToken = db.prepare<[string], DeviceRow>(
    'SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL',
  );
  const sessionsEndedListeners = new Set<() => void>();
  // Told a microtask later, once the transaction that ended them has committed; a listener
  // re-resolves what it holds, so a rolled-back ending changes nothing.
  const announceSessionsEnded = (): void =>
    queueMicrotask(() => sessionsEndedListeners.forEach((listener) => listener()));

  return {
    /** Failed sign-ins per username, for the lockout. */
    lockout: createLockoutStore(db),

    countUsers: (): number =>
      db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users').get()?.n ?? 0,

    findUser: (username: string): UserRow | undefined => userByName.get(username),

    createUser(user: NewUser, now: number): string {
      const id = randomUUID();
      db.prepare(
        `INSERT INTO users (id, username, display_name, password_hash, role, agency_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, user.username, user.displayName, user.passwordHash, user.role, user.agencyId, now);
      return id;
    },

    createSession(userId: string, now: number): { token: string; expiresAt: number } {
      const token = newToken('u');
      const expiresAt = now + SESSION_MS;
      db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
      db.prepare(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      ).run(hashToken(token), userId, now, expiresAt);
      return { token, expiresAt };
    },

    endSession(token: string): void {
      db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
      announceSessionsEnded();
    },

    /** Signs a person out everywhere: deactivation, a new password, a new role or agency. */
    endSessionsOf(userId: string): void {
      db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
      announceSessionsEnded();
    },

    /** The socket server listens, to cut the sockets whose sessions are gone. */
    onSessionsEnded(listener: () => void): () => void {
      sessionsEndedListeners.add(listener);
      return () => sessionsEndedListeners.delete(listener);
    },

    createDevice(device: NewDevice, now: number): { id: string; token: string } {
      const id = randomUUID();
      const token = newToken('d');
      db.prepare(
        `INSERT INTO devices (id, name, role, token_hash, zone_ids, agency_ids, settings, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        device.name,
        device.role,
        hashToken(token),
        JSON.stringify(device.zoneIds),
        JSON.stringify(device.agencyIds),
        JSON.stringify(device.settings ?? {}),
        now,
      );
      return { id, token };
    },

    /** The principal a bearer token stands for, or null when it is unknown, expired or revoked. */
    resolve(token: string, now: number): Principal | null {
      const hash = hashToken(token);
      if (token.startsWith('u_')) {
        const user = sessionUser.get(hash, now);
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
        const device = deviceByToken.get(hash);
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
