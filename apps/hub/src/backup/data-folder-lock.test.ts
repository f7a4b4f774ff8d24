import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataFolder } from './data-folder-lock';

const dataDir = mkdtempSync(join(tmpdir(), 'antre-lock-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('data folder lock', () => {
  it('when the process holding the lock is killed with SIGKILL, then the next one takes it within about two seconds', async () => {
    const lockModule = fileURLToPath(new URL('./data-folder-lock.ts', import.meta.url));
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { lockDataFolder } from ${JSON.stringify(lockModule)};
         await lockDataFolder(${JSON.stringify(dataDir)}, 'holder');
         console.log('locked');
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));

    const killedAt = Date.now();
    const release = await lockDataFolder(dataDir, 'next');
    // Stale 2 s after the holder's last refresh (at most 1 s before the kill), with room for
    // a loaded machine; proper-lockfile's default (10 s) would refuse here instead.
    expect(Date.now() - killedAt).toBeLessThan(4_000);
    await release();
  });
});
