import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/database';
import { migrationFiles } from '../db/migrations';
import { DataFolderInUseError, lockDataFolder } from './data-folder-lock';
import { carryNumbering, type NumberingCarried } from './restore-numbering';

export class RestoreError extends Error {}

export interface RestoreReport {
  /** Where the database that was in place is kept, if there was one. */
  replaced: string | null;
  numbering: NumberingCarried;
}

/**
 * Puts a backup in place of the site's database. The backup is checked first (it opens,
 * passes integrity_check, and its migrations are a prefix of this build's); the current
 * file is kept beside it, never deleted, and the numbers it already issued stay issued.
 * Refuses while a hub (or another restore) holds the data folder.
 */
export async function restoreBackup(
  backupPath: string,
  dataDir: string,
  migrationsDir: string,
  now = Date.now(),
): Promise<RestoreReport> {
  if (!existsSync(backupPath)) throw new RestoreError(`No backup at ${backupPath}`);
  let releaseLock;
  try {
    releaseLock = await lockDataFolder(dataDir);
  } catch (error) {
    if (error instanceof DataFolderInUseError)
      throw new RestoreError(
        `The hub is running on ${dataDir} (or another restore is): stop it first`,
      );
    throw error;
  }
  try {
    checkBackup(backupPath, migrationsDir);
    const target = join(dataDir, 'antre.db');
    // Prepared beside the target, so the swap below is two renames.
    const incoming = `${target}.restoring`;
    copyFileSync(backupPath, incoming);
    let numbering: NumberingCarried;
    try {
      numbering = carryNumbering(incoming, existsSync(target) ? target : null);
    } catch (error) {
      rmSync(incoming, { force: true });
      throw error;
    }
    let replaced: string | null = null;
    if (existsSync(target)) {
      replaced = `${target}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, replaced);
      for (const suffix of ['-wal', '-shm'])
        if (existsSync(target + suffix)) renameSync(target + suffix, replaced + suffix);
    }
    renameSync(incoming, target);
    return { replaced, numbering };
  } finally {
    await releaseLock();
  }
}

function checkBackup(backupPath: string, migrationsDir: string): void {
  let check;
  try {
    check = openDatabase(backupPath);
  } catch (error) {
    throw new RestoreError(`The backup cannot be used: ${(error as Error).message}`);
  }
  try {
    const applied = check
      .prepare<[], { name: string }>('SELECT name FROM schema_migrations ORDER BY name')
      .all()
      .map((r) => r.name);
    const files = migrationFiles(migrationsDir);
    if (applied.some((name, i) => files[i] !== name))
      throw new RestoreError('The backup is from a different or newer build of Antre');
    // Fold the backup's own WAL into its file before copying a single file.
    check.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    check.close();
  }
}
