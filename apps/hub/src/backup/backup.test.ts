import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../paths';
import { startTestHub } from '../testing/test-hub';
import { restoreBackup, RestoreError } from './restore';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('backups', () => {
  it('when a backup is restored into a new data folder, then the hub starts on it with every ticket and continues the numbering', async () => {
    const hub = await startTestHub();
    const staff = await hub.client(await hub.login('petugas.disdukcapil'));
    for (let i = 0; i < 3; i += 1)
      await staff.command('ticket:issue', { serviceId: 'disdukcapil-ktp-el', priority: null });
    const backup = await hub.backupNow();
    await staff.command('ticket:issue', { serviceId: 'disdukcapil-ktp-el', priority: null }); // after the backup: not in it
    dirs.push(hub.dataDir);
    await hub.stopKeepingData();

    const restored = mkdtempSync(join(tmpdir(), 'antre-restored-'));
    dirs.push(restored);
    expect((await restoreBackup(backup, restored, MIGRATIONS_DIR)).replaced).toBeNull();
    const again = await startTestHub(restored);
    try {
      const officer = await again.client(await again.login('petugas.disdukcapil'));
      const next = await officer.command('ticket:issue', {
        serviceId: 'disdukcapil-ktp-el',
        priority: null,
      });
      expect(next.ok && next.value.tickets[0]?.label).toBe('A-004');
      expect([...officer.state.tickets.values()].map((t) => t.number).sort()).toEqual([1, 2, 3, 4]);
    } finally {
      await again.close();
    }
  });

  it('when the hub stops, then it leaves a shutdown backup', async () => {
    const hub = await startTestHub();
    const dataDir = hub.dataDir;
    const backups = await hub.stopKeepingData();
    dirs.push(dataDir);
    expect(backups.map((b) => b.reason)).toContain('shutdown');
  });

  it('when the file to restore is not a database, then nothing is replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antre-bad-backup-'));
    dirs.push(dir);
    const bogus = join(dir, 'bogus.db');
    writeFileSync(bogus, 'not a database at all '.repeat(300));
    writeFileSync(join(dir, 'antre.db'), 'current');
    await expect(restoreBackup(bogus, dir, MIGRATIONS_DIR)).rejects.toThrow(RestoreError);
    expect(readFileSync(join(dir, 'antre.db'), 'utf8')).toBe('current');
  });
});
