import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './database';

export class MigrationMismatchError extends Error {}

const MIGRATION_FILE = /^\d{4}-[a-z0-9-]+\.sql$/;

export function migrationFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
}

/**
 * Forward only. The applied migrations must be a prefix of the files: a database from a
 * newer or a different build is refused rather than guessed at.
 */
export function migrate(db: Db, dir: string): { applied: string[]; total: number } {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)',
  );
  const files = migrationFiles(dir);
  const done = db
    .prepare<[], { name: string }>('SELECT name FROM schema_migrations ORDER BY name')
    .all()
    .map((row) => row.name);
  done.forEach((name, i) => {
    if (files[i] !== name) {
      throw new MigrationMismatchError(
        `Database has migration ${name} where this build has ${files[i] ?? 'nothing'}; refusing to start`,
      );
    }
  });
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  const applied: string[] = [];
  for (const name of files.slice(done.length)) {
    const sql = readFileSync(join(dir, name), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record.run(name, Date.now());
    })();
    applied.push(name);
  }
  return { applied, total: files.length };
}
