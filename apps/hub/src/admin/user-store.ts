import type { UpdateUserBody, UserView } from '@antre/protocol';
import type { Db } from '../db/database';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: UserView['role'];
  agency_id: string | null;
  active: number;
  created_at: number;
  locked_until: number | null;
}

// A lock is shown only while it lasts; the lockout keeps names in lower case, one row per
// address a name was tried from: the admin sees the latest lock from any of them.
const SELECT = `SELECT u.id, u.username, u.display_name, u.role, u.agency_id, u.active,
    u.created_at, CASE WHEN l.locked_until > @now THEN l.locked_until END AS locked_until
  FROM users u LEFT JOIN (SELECT username, MAX(locked_until) AS locked_until
    FROM login_lockouts GROUP BY username) l ON l.username = lower(u.username)`;

const toView = (row: UserRow): UserView => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  agencyId: row.agency_id,
  active: row.active === 1,
  createdAt: row.created_at,
  lockedUntil: row.locked_until,
});

/**
 * People as the admin pages see them; creating one and ending their sessions go through the
 * auth store, which tells the socket server.
 */
export function createUserStore(db: Db) {
  return {
    list(agencyId: string | null, now: number): UserView[] {
      const rows =
        agencyId === null
          ? db
              .prepare<{ now: number }, UserRow>(`${SELECT} ORDER BY u.role, u.username`)
              .all({ now })
          : db
              .prepare<{ now: number; agencyId: string }, UserRow>(
                `${SELECT} WHERE u.agency_id = @agencyId ORDER BY u.role, u.username`,
              )
              .all({ now, agencyId });
      return rows.map(toView);
    },

    byId(id: string, now: number): UserView | undefined {
      const row = db
        .prepare<{ now: number; id: string }, UserRow>(`${SELECT} WHERE u.id = @id`)
        .get({ now, id });
      return row ? toView(row) : undefined;
    },

    update(id: string, next: UpdateUserBody): void {
      db.prepare('UPDATE users SET display_name = ?, role = ?, agency_id = ? WHERE id = ?').run(
        next.displayName,
        next.role,
        next.agencyId,
        id,
      );
    },

    deactivate(id: string): void {
      db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(id);
    },

    setPasswordHash(id: string, passwordHash: string): void {
      db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
