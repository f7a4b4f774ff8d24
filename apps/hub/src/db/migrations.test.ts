import { mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../paths';
import { DatabaseCorruptError, openDatabase } from './database';
import { migrate, migrationFiles, MigrationMismatchError } from './migrations';

const dirs: string[] = [];
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'antre-db-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the database file', () => {
  it('when a fresh database is opened, then it runs in WAL with synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(join(scratch(), 'antre.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('when every migration has run, then running again applies nothing', () => {
    const db = openDatabase(join(scratch(), 'antre.db'));
    expect(migrate(db, MIGRATIONS_DIR).applied).toEqual(migrationFiles(MIGRATIONS_DIR));
    expect(migrate(db, MIGRATIONS_DIR).applied).toEqual([]);
    db.close();
  });

  it('when the database has a migration this build lacks, then the hub refuses it', () => {
    const db = openDatabase(join(scratch(), 'antre.db'));
    migrate(db, MIGRATIONS_DIR);
    db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(
      '0000-from-elsewhere.sql',
      0,
    );
    expect(() => migrate(db, MIGRATIONS_DIR)).toThrow(MigrationMismatchError);
    db.close();
  });

  it('when a migration fails half-way, then nothing of it stays and it is not recorded', () => {
    const dir = scratch();
    const migrations = join(dir, 'migrations');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    writeFileSync(
      join(migrations, '9999-broken.sql'),
      'CREATE TABLE half (x INTEGER);\nNOT SQL AT ALL;',
    );
    const db = openDatabase(join(dir, 'antre.db'));
    expect(() => migrate(db, migrations)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(
      db.prepare("SELECT 1 FROM schema_migrations WHERE name = '9999-broken.sql'").get(),
    ).toBeUndefined();
    db.close();
  });

  it('when the file is not a database, then opening it fails with a clear error', () => {
    const path = join(scratch(), 'antre.db');
    writeFileSync(path, 'this is not sqlite '.repeat(500));
    expect(() => openDatabase(path)).toThrow();
  });

  it('exports a named error for a failed integrity check', () => {
    expect(new DatabaseCorruptError('x')).toBeInstanceOf(Error);
  });
});
