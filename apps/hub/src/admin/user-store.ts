import type { UserView } from '@antre/protocol';
import type { Db } from '../db/database';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: UserView['role'];
  agency_id: string | null;
  active: number;
  created_at: number;
}

const COLUMNS = 'id, username, display_name, role, agency_id, active, created_at';

const toView = (row: UserRow): UserView => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  agencyId: row.agency_id,
  active: row.active === 1,
  createdAt: row.created_at,
});

/** People as the admin pages see them; creating one goes through the auth store. */
export function createUserStore(db: Db) {
  return {
    list(agencyId: string | null): UserView[] {
      const rows =
        agencyId === null
          ? db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY role, username`).all()
          : db
              .prepare<[string], UserRow>(
                `SELECT ${COLUMNS} FROM users WHERE agency_id = ? ORDER BY role, username`,
              )
              .all(agencyId);
      return rows.map(toView);
    },

    byId(id: string): UserView | undefined {
      const row = db
        .prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`)
        .get(id);
      return row ? toView(row) : undefined;
    },

    /** Deactivating also ends the person's sessions: they are signed out at once. */
    deactivate(id: string): void {
      db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(id);
      db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
    },

    setPasswordHash(id: string, passwordHash: string): void {
      db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, id);
      db.prepare('DELETE FROM sessions WHERE user_id = ?').run(id);
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
