import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolderInUseError, lockDataFolder } from './data-folder-lock';

const dataDir = mkdtempSync(join(tmpdir(), 'antre-lock-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Another process that takes the lock and holds it until it is killed. */
async function holderProcess(): Promise<ChildProcess> {
  const lockModule = fileURLToPath(new URL('./data-folder-lock.ts', import.meta.url));
  const holder = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { lockDataFolder } from ${JSON.stringify(lockModule)};
       await lockDataFolder(${JSON.stringify(dataDir)});
       console.log('locked');
       setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return holder;
}

describe('data folder lock', () => {
  it('when the holder is frozen (SIGSTOP) for longer than any refresh, then nobody else takes the folder; once it is killed, the next takes it at once', async () => {
    const holder = await holderProcess();
    holder.kill('SIGSTOP');
    // A lock refreshed on a timer (2 s stale) would be taken from the frozen holder here.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await expect(lockDataFolder(dataDir)).rejects.toBeInstanceOf(DataFolderInUseError);

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const goneAt = Date.now();
    const release = await lockDataFolder(dataDir);
    // The kernel dropped the dead holder's lock: the first try succeeds, no stale wait.
    expect(Date.now() - goneAt).toBeLessThan(1_000);
    await release();
  });

  it('when this process already holds the folder, then asking again is refused until it is released', async () => {
    const release = await lockDataFolder(dataDir);
    await expect(lockDataFolder(dataDir)).rejects.toThrow(/in use by a running Antre hub/);
    await release();
    const again = await lockDataFolder(dataDir);
    await again();
  });
});
