import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export class DatabaseCorruptError extends Error {}

/** One file per site; every commit reaches the disk before it is acknowledged. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const check = db.pragma('integrity_check', { simple: true });
  if (check !== 'ok') {
    db.close();
    throw new DatabaseCorruptError(`Database ${path} failed its integrity check: ${String(check)}`);
  }
  return db;
}
