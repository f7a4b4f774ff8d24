import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuilding, saveBuilding } from '../building/building-store';
import { openDatabase } from '../db/database';
import { createSqliteSql } from '../db/sql';
import { migrate } from '../db/migrations';
import { MIGRATIONS_DIR } from '../paths';

const dirs: string[] = [];
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'antre-logo-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('migration 0008 (agency logos)', () => {
  it('when a database from before logos is migrated, then its agencies load without a logo and can be given one', async () => {
    const before = scratch();
    for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f < '0008'))
      cpSync(join(MIGRATIONS_DIR, file), join(before, file));
    const db = openDatabase(join(scratch(), 'antre.db'));
    migrate(db, before);
    db.prepare('INSERT INTO site (id, config) VALUES (1, ?)').run(
      JSON.stringify({
        name: 'MPP Lama',
        timezone: 'WITA',
        hours: { mon: { open: '08:00', close: '15:00' } },
        holidays: [],
        fridayPrayerBreak: null,
        noShowRequeueMinutes: 30,
        recallsBeforeNoShow: 2,
        autoServeOnCall: false,
        expireAfterCloseMinutes: 60,
      }),
    );
    db.prepare('INSERT INTO zones (id, name, position) VALUES (?, ?, 0)').run('lobi', 'Lobi');
    db.prepare(
      'INSERT INTO agencies (id, name, short_name, contact, position) VALUES (?, ?, ?, ?, 0)',
    ).run('samsat', 'Samsat Kota', 'Samsat', '0411-123');

    expect(migrate(db, MIGRATIONS_DIR).applied[0]).toBe('0008-agency-logo.sql');
    const sql = createSqliteSql(db);
    const loaded = (await loadBuilding(sql))!;
    expect(loaded.agencies).toEqual([
      { id: 'samsat', name: 'Samsat Kota', shortName: 'Samsat', contact: '0411-123' },
    ]);

    await saveBuilding(sql, {
      ...loaded,
      site: { ...loaded.site, logo: TINY_PNG },
      agencies: [{ ...loaded.agencies[0]!, logo: TINY_PNG }],
    });
    const saved = (await loadBuilding(sql))!;
    expect(saved.agencies[0]!.logo).toBe(TINY_PNG);
    expect(saved.site.logo).toBe(TINY_PNG);
    db.close();
  });
});
