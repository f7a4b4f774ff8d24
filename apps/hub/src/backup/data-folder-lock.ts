import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

export class DataFolderInUseError extends Error {}

/**
 * The hub holds this lock for its whole life, and a restore takes it too, so neither runs on
 * a data folder the other is using. It is a directory (<dataDir>/antre.lock) whose time is
 * refreshed every second; a lock left by a killed hub (kill -9, power cut) counts as stale two
 * seconds after its last refresh (proper-lockfile's minimum), so a restarted hub waits at
 * most about two seconds for it. A live hub whose event loop stalls for more than two seconds
 * loses the lock; it then takes it back if nobody else did (see onCompromised).
 */
const STALE_MS = 2_000;
const REFRESH_MS = 1_000;
// 4 s: outlasts a stale lock (2 s after its last refresh) on a loaded machine, then refuses.
const WAIT = { retries: 16, minTimeout: 250, maxTimeout: 250 };

export type ReleaseLock = () => Promise<void>;

export async function lockDataFolder(dataDir: string, holder: string): Promise<ReleaseLock> {
  mkdirSync(dataDir, { recursive: true });
  const options = {
    lockfilePath: join(dataDir, 'antre.lock'),
    realpath: false,
    stale: STALE_MS,
    update: REFRESH_MS,
    retries: WAIT,
    onCompromised: (error: Error) => {
      console.error(`${holder}: lost the lock on ${dataDir} (${error.message}); taking it back`);
      void take().catch((again: unknown) =>
        console.error(`${holder}: another process now uses ${dataDir}`, again),
      );
    },
  };
  let release: () => Promise<void>;
  async function take(): Promise<void> {
    release = await lockfile.lock(dataDir, { ...options, retries: 0 });
  }
  try {
    release = await lockfile.lock(dataDir, options);
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED')
      throw new DataFolderInUseError(
        `The data folder ${dataDir} is in use by a running Antre hub or restore; stop it first`,
      );
    throw error;
  }
  return () => release().catch(() => undefined);
}
