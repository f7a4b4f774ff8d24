import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';

export class DataFolderInUseError extends Error {}

/**
 * The hub holds this lock for its whole life, and a restore takes it too, so neither runs on
 * a data folder the other is using. It is an exclusive SQLite lock on <dataDir>/antre.lock.db:
 * an operating-system lock (fcntl on Linux and macOS, LockFileEx on Windows) that the kernel
 * drops the moment its process ends, however it ends (kill -9, a crash). So a hub restarted
 * after a kill takes the folder at once, two starting together cannot both take it, and a
 * live hub whose event loop stalls keeps it. (A lock file refreshed on a timer, as before,
 * made a restarted hub wait ~2 s for it to go stale and could be lost by a stalled hub.)
 * The same process asking twice is refused too: SQLite keeps its own count per file.
 */
const LOCK_FILE = 'antre.lock.db';
// A holder that is shutting down (a restart) gets this long to let go, then we refuse.
const WAIT_MS = 2_000;
const POLL_MS = 100;

export type ReleaseLock = () => Promise<void>;

export async function lockDataFolder(dataDir: string): Promise<ReleaseLock> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const waitUntil = Date.now() + WAIT_MS;
  for (;;) {
    const lock = tryLock(path);
    // Closing twice is harmless: better-sqlite3 ignores a second close.
    if (lock) return async () => void lock.close();
    if (Date.now() >= waitUntil)
      throw new DataFolderInUseError(
        `The data folder ${dataDir} is in use by a running Antre hub or restore; stop it first`,
      );
    await sleep(POLL_MS);
  }
}

/** The connection that holds the folder, or null when another one holds it. */
function tryLock(path: string): Database.Database | null {
  // timeout 0: SQLite's busy handler would block the event loop; we poll instead.
  const db = new Database(path, { timeout: 0 });
  try {
    // In a rollback-journal database BEGIN EXCLUSIVE takes the exclusive lock at once and
    // keeps it until the connection closes or the process ends. Nothing is ever written; the
    // empty -journal SQLite keeps beside it while held goes at release (or, after a kill, at
    // the next take).
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
    throw error;
  }
}
