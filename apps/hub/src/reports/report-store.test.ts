import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrations';
import { MIGRATIONS_DIR } from '../paths';
import { createReportStore } from './report-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'antre-reports-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'antre.db'));
  migrate(db, MIGRATIONS_DIR);
  return db;
}

function storeADay(db: Db): void {
  db.prepare('INSERT INTO report_days VALUES (?, ?)').run('2026-11-02', 0);
  db.prepare(
    `INSERT INTO report_stats VALUES ('2026-11-02', 's', 'c', 'o', 1, 1, 0, 0, 0, 0, 0, 1, 1, 60000, '0,1', 1, 60000, '0,1')`,
  ).run();
  db.prepare('INSERT INTO report_arrivals VALUES (?, ?, ?, ?)').run('2026-11-02', 's', 9, 1);
}

const storedDays = (db: Db) =>
  ['report_days', 'report_stats', 'report_arrivals'].map(
    (table) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
  );

describe('stored day aggregates', () => {
  it('when the hub starts again on the same version, then stored days are kept', () => {
    const db = freshDb();
    createReportStore(db);
    storeADay(db);
    createReportStore(db);
    expect(storedDays(db)).toEqual([1, 1, 1]);
    db.close();
  });

  it('when the days were stored by an older way of counting, then they are dropped to be aggregated again', () => {
    const db = freshDb();
    storeADay(db); // a database from before the version was kept
    createReportStore(db);
    expect(storedDays(db)).toEqual([0, 0, 0]);
    storeADay(db);
    db.prepare("UPDATE hub_state SET value = '1' WHERE key = 'report_aggregate_version'").run();
    createReportStore(db);
    expect(storedDays(db)).toEqual([0, 0, 0]);
    db.close();
  });
});
