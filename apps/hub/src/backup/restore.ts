import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/database';
import { migrationFiles } from '../db/migrations';

export class RestoreError extends Error {}

/**
 * Puts a backup in place of the site's database. The backup is checked first (it opens,
 * passes integrity_check, and its migrations are a prefix of this build's); the current
 * file is kept beside it, never deleted. Run it with the hub stopped.
 */
export function restoreBackup(
  backupPath: string,
  dataDir: string,
  migrationsDir: string,
  now = Date.now(),
): { replaced: string | null } {
  if (!existsSync(backupPath)) throw new RestoreError(`No backup at ${backupPath}`);
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
  const target = join(dataDir, 'antre.db');
  let replaced: string | null = null;
  if (existsSync(target)) {
    replaced = `${target}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, replaced);
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(target + suffix)) renameSync(target + suffix, replaced + suffix);
  }
  copyFileSync(backupPath, target);
  return { replaced };
}
