import type { StaffMember } from '@antre/protocol';
import type { Sql } from '../db/sql';

interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  role: 'supervisor' | 'officer';
  agency_id: string;
}

const toMember = (row: StaffRow): StaffMember => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
});

const COLUMNS = 'id, username, display_name, role, agency_id';
const STAFF = "active = 1 AND role IN ('officer', 'supervisor')";

// Supervisors first, then by name as SQLite's BINARY compares: PostgreSQL would order text by
// its locale.
function bySupervisorThenName(a: StaffRow, b: StaffRow): number {
  if (a.role !== b.role) return a.role === 'supervisor' ? -1 : 1;
  if (a.display_name === b.display_name) return 0;
  return a.display_name < b.display_name ? -1 : 1;
}

/** The active officers and supervisors of an agency: who a supervisor may put at a counter. */
export function createStaffStore(sql: Sql) {
  return {
    ofAgency: async (agencyId: string): Promise<StaffMember[]> =>
      (
        await sql.all<StaffRow>(`SELECT ${COLUMNS} FROM users WHERE agency_id = ? AND ${STAFF}`, [
          agencyId,
        ])
      )
        .sort(bySupervisorThenName)
        .map(toMember),
    member: async (id: string): Promise<(StaffMember & { agencyId: string }) | undefined> => {
      const row = await sql.get<StaffRow>(
        `SELECT ${COLUMNS} FROM users WHERE id = ? AND ${STAFF}`,
        [id],
      );
      return row ? { ...toMember(row), agencyId: row.agency_id } : undefined;
    },
  };
}

export type StaffStore = ReturnType<typeof createStaffStore>;
