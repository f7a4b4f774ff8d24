import type { StaffMember } from '@antre/protocol';
import type { Db } from '../db/database';

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

/** The active officers and supervisors of an agency: who a supervisor may put at a counter. */
export function createStaffStore(db: Db) {
  const ofAgency = db.prepare<[string], StaffRow>(
    `SELECT id, username, display_name, role, agency_id FROM users
     WHERE agency_id = ? AND active = 1 AND role IN ('officer', 'supervisor')
     ORDER BY role DESC, display_name`,
  );
  const byId = db.prepare<[string], StaffRow>(
    `SELECT id, username, display_name, role, agency_id FROM users
     WHERE id = ? AND active = 1 AND role IN ('officer', 'supervisor')`,
  );
  return {
    ofAgency: (agencyId: string): StaffMember[] => ofAgency.all(agencyId).map(toMember),
    member: (id: string): (StaffMember & { agencyId: string }) | undefined => {
      const row = byId.get(id);
      return row ? { ...toMember(row), agencyId: row.agency_id } : undefined;
    },
  };
}

export type StaffStore = ReturnType<typeof createStaffStore>;
