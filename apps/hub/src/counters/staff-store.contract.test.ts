import { describe, expect, it } from 'vitest';
import type { Sql } from '../db/sql';
import { useSqlEngines } from '../testing/sql-engines';
import { createStaffStore } from './staff-store';

// Who a supervisor may put at a counter, on both engines.

const engines = useSqlEngines();

const PEOPLE: [id: string, name: string, role: string, agency: string | null, active: number][] = [
  ['u-budi', 'budi santoso', 'officer', 'disdukcapil', 1],
  ['u-zainal', 'Zainal', 'officer', 'disdukcapil', 1],
  ['u-ani', 'Ani', 'officer', 'disdukcapil', 1],
  ['u-siti', 'Siti', 'supervisor', 'disdukcapil', 1],
  ['u-gone', 'Agus', 'officer', 'disdukcapil', 0],
  ['u-other', 'Dewi', 'officer', 'samsat', 1],
  ['u-admin', 'Administrator', 'admin', null, 1],
];

async function people(sql: Sql): Promise<void> {
  for (const id of ['disdukcapil', 'samsat'])
    await sql.run(
      `INSERT INTO agencies (id, name, short_name, contact, position, logo)
       VALUES (?, ?, ?, NULL, 0, NULL)`,
      [id, id, id],
    );
  for (const [id, name, role, agency, active] of PEOPLE)
    await sql.run(
      `INSERT INTO users (id, username, display_name, password_hash, role, agency_id, active, created_at)
       VALUES (?, ?, ?, 'x', ?, ?, ?, 0)`,
      [id, id.slice(2), name, role, agency, active],
    );
}

describe.each(engines)('staff store on $name', (engine) => {
  it('when an agency’s staff is asked for, then its active supervisors come first, then officers by name as written', async () => {
    const { sql } = await engine.open();
    await people(sql);
    const staff = createStaffStore(sql);

    const names = (await staff.ofAgency('disdukcapil')).map((m) => m.displayName);

    // Capitals before lower case on both engines, whatever PostgreSQL's locale.
    expect(names).toEqual(['Siti', 'Ani', 'Zainal', 'budi santoso']);
    expect(await staff.ofAgency('nowhere')).toEqual([]);
  });

  it('when one person is asked for, then only active staff are found, with their agency', async () => {
    const { sql } = await engine.open();
    await people(sql);
    const staff = createStaffStore(sql);

    expect(await staff.member('u-other')).toEqual({
      id: 'u-other',
      username: 'other',
      displayName: 'Dewi',
      role: 'officer',
      agencyId: 'samsat',
    });
    expect(await staff.member('u-gone')).toBeUndefined();
    expect(await staff.member('u-admin')).toBeUndefined();
    expect(await staff.member('nobody')).toBeUndefined();
  });
});
