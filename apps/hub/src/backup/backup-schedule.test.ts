import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createBackupService, listBackups } from './backup-service';

const dir = mkdtempSync(join(tmpdir(), 'antre-backup-schedule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('backup schedule', () => {
  it('when the hub restarts more often than the interval, then it still backs up once the interval since the last backup on disk has passed', async () => {
    const db = openDatabase(join(dir, 'antre.db'));
    db.exec('CREATE TABLE t (x)');
    // Backups are stamped in whole seconds, so the interval is well above a second: due 2.5 s
    // after a stamp is at least 1.5 s after the backup and at least 2 s after it by stamp.
    const options = { dir: join(dir, 'backups'), keepDays: 1, intervalMs: 2_500 };
    const startedAt = Date.now();
    // Lives of 0.4 s for 5.6 s; each ends as a kill would: no shutdown backup left behind.
    while (Date.now() - startedAt < 5_600) {
      const life = createBackupService(db, options);
      await sleep(400);
      await life.stop();
      for (const b of listBackups(options.dir)) if (b.reason === 'shutdown') rmSync(b.path);
    }
    const elapsed = Date.now() - startedAt;
    db.close();
    const scheduled = listBackups(options.dir).filter((b) => b.reason === 'scheduled');
    // One at the first start (none on disk yet), then one per interval whatever the restarts
    // (a backup at every start would be one a second: two backups in one second share a name).
    expect(scheduled.length).toBeGreaterThanOrEqual(2);
    expect(scheduled.length).toBeLessThanOrEqual(1 + Math.floor(elapsed / 1_500));
    const gaps = scheduled.slice(1).map((b, i) => b.takenAt - (scheduled[i]?.takenAt ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(2_000);
  });
});
