import { describe, expect, it } from 'vitest';
import { createAuthStore } from '../auth/auth-store';
import type { Sql, SqlRunner } from '../db/sql';
import { useSqlEngines } from '../testing/sql-engines';
import { hasBuilding } from './building-store';
import { prepareFirstStart } from './first-start';

// A first start seeds the building, its demo staff and its demo devices in one transaction: a
// start cut off half-way (a cluster process fenced while seeding, a crash) leaves nothing, and
// the next start seeds it whole instead of finding a building without its staff.

const engines = useSqlEngines();

/** The same database, where the seeding's transaction fails at its first device. */
function cutAtFirstDevice(sql: Sql): Sql {
  return {
    ...sql,
    transaction: (work) =>
      sql.transaction((tx) => {
        const failing: SqlRunner = {
          ...tx,
          run: (query, params) =>
            query.includes('INSERT INTO devices')
              ? Promise.reject(new Error('cut off while seeding'))
              : tx.run(query, params),
        };
        return work(failing);
      }),
  };
}

const OPTIONS = { demo: true, demoPassword: 'demo-pass-1234', adminPassword: 'admin-pass-1234' };

describe.each(engines)('first start on $name', (engine) => {
  it('seeds all of the demo building or none of it', async () => {
    const { sql } = await engine.open();
    const auth = createAuthStore(sql);
    await expect(prepareFirstStart(cutAtFirstDevice(sql), auth, OPTIONS)).rejects.toThrow(
      'cut off while seeding',
    );
    expect(await hasBuilding(sql)).toBe(false);
    expect(await auth.countUsers()).toBe(0);

    const report = await prepareFirstStart(sql, auth, OPTIONS);
    expect(report.seeded).toBe('demo');
    expect(await hasBuilding(sql)).toBe(true);
    expect(await auth.findUser('petugas.disdukcapil')).toMatchObject({ role: 'officer' });
    expect(await auth.findUser('admin')).toMatchObject({ role: 'admin' });
    expect(report.devices.map((d) => d.role)).toContain('kiosk');
    const devices = await sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM devices');
    expect(Number(devices?.n)).toBe(report.devices.length);
  });
});
