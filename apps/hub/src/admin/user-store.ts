import type { UpdateUserBody, UserView } from '@antre/protocol';
import type { Sql, SqlParam, SqlRunner } from '../db/sql';

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
    u.created_at, CASE WHEN l.locked_until > ? THEN l.locked_until END AS locked_until
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

// By role, then name, by code point as SQLite's BINARY does: PostgreSQL's order of text
// depends on the database's locale, which would move names around between engines.
const byRoleAndName = (a: UserRow, b: UserRow): number =>
  a.role !== b.role ? (a.role < b.role ? -1 : 1) : a.username < b.username ? -1 : 1;

/**
 * People as the admin pages see them; creating one and ending their sessions go through the
 * auth store, which tells the socket server. Changes are written in the caller's transaction,
 * with their audit entry.
 */
export function createUserStore(sql: Sql) {
  return {
    async list(agencyId: string | null, now: number): Promise<UserView[]> {
      const params: SqlParam[] = agencyId === null ? [now] : [now, agencyId];
      const where = agencyId === null ? '' : ' WHERE u.agency_id = ?';
      const rows = await sql.all<UserRow>(`${SELECT}${where}`, params);
      return rows.sort(byRoleAndName).map(toView);
    },

    async byId(id: string, now: number): Promise<UserView | undefined> {
      const row = await sql.get<UserRow>(`${SELECT} WHERE u.id = ?`, [now, id]);
      return row ? toView(row) : undefined;
    },

    async update(tx: SqlRunner, id: string, next: UpdateUserBody): Promise<void> {
      await tx.run('UPDATE users SET display_name = ?, role = ?, agency_id = ? WHERE id = ?', [
        next.displayName,
        next.role,
        next.agencyId,
        id,
      ]);
    },

    async deactivate(tx: SqlRunner, id: string): Promise<void> {
      await tx.run('UPDATE users SET active = 0 WHERE id = ?', [id]);
    },

    async setPasswordHash(tx: SqlRunner, id: string, passwordHash: string): Promise<void> {
      await tx.run('UPDATE users SET password_hash = ? WHERE id = ?', [passwordHash, id]);
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
