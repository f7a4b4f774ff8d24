import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHub } from '../hub';
import { MIGRATIONS_DIR } from '../paths';
import { startTestHub } from '../testing/test-hub';
import { restoreBackup, RestoreError } from './restore';

const issue = { serviceId: 'disdukcapil-ktp-el', priority: null };

describe('restore', () => {
  it('when the hub is running on the data folder, then a restore and a second hub both refuse and nothing changes', async () => {
    const hub = await startTestHub();
    try {
      const staff = await hub.client(await hub.login('petugas.disdukcapil'));
      await staff.command('ticket:issue', issue);
      const backup = await hub.backupNow();
      const before = readdirSync(hub.dataDir).sort();

      await expect(restoreBackup(backup, hub.dataDir, MIGRATIONS_DIR)).rejects.toThrow(
        new RestoreError(
          `The hub is running on ${hub.dataDir} (or another restore is): stop it first`,
        ),
      );
      await expect(startHub({ dataDir: hub.dataDir, port: 0 })).rejects.toThrow(/is in use/);

      expect(readdirSync(hub.dataDir).sort()).toEqual(before);
      const after = await staff.command('ticket:issue', issue);
      expect(after.ok && after.value.tickets[0]?.label).toBe('A-002');
    } finally {
      await hub.close();
    }
  });

  it('when an older backup of the same day is restored, then the next number is above the last one issued before the restore', async () => {
    const hub = await startTestHub();
    const staff = await hub.client(await hub.login('petugas.disdukcapil'));
    for (let i = 0; i < 2; i += 1) await staff.command('ticket:issue', issue);
    const backup = await hub.backupNow(); // holds
    for (let i = 0; i < 3; i += 1) await staff.command('ticket:issue', issue); // A-003..A-005 printed
    await hub.stopKeepingData();

    const report = await restoreBackup(backup, hub.dataDir, MIGRATIONS_DIR);
    expect(report.replaced && existsSync(report.replaced)).toBe(true);
    expect(report.numbering).toEqual({
      from: 'replaced',
      raised: [{ serviceId: 'disdukcapil-ktp-el', serviceDay: '2026-11-23', lastNumber: 5 }],
      dropped: [],
    });

    const again = await startTestHub(hub.dataDir);
    try {
      const officer = await again.client(await again.login('petugas.disdukcapil'));
      const next = await officer.command('ticket:issue', issue);
      expect(next.ok && next.value.tickets[0]?.label).toBe('A-006');
      // The restored file is the backup: the tickets issued after it are not there.
      expect([...officer.state.tickets.values()].map((t) => t.number).sort()).toEqual([1, 2, 6]);
    } finally {
      await again.close();
    }
    expect(existsSync(join(hub.dataDir, 'antre.db'))).toBe(false); // closed and cleaned up
  });
});
