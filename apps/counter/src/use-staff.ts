import type { StaffMember } from '@antre/protocol';
import { useEffect, useState } from 'react';
import { hubApi } from './session';

/** The agency's officers and supervisors, to put names to the counters' holders. */
export function useStaff(token: string): StaffMember[] {
  const [staff, setStaff] = useState<StaffMember[]>([]);
  useEffect(() => {
    let live = true;
    void hubApi.staff(token).then((r) => {
      if (live && r.ok) setStaff(r.value.staff);
    });
    return () => {
      live = false;
    };
  }, [token]);
  return staff;
}

export const staffName = (staff: StaffMember[], id: string | null): string | null =>
  id ? (staff.find((s) => s.id === id)?.displayName ?? id.slice(0, 8)) : null;
