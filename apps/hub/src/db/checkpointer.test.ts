import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKSTOP_CHECKPOINT_PAGES, startCheckpointer } from './checkpointer';
import { openDatabase } from './database';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const ROWS = 4_000;

/** A database of ROWS rows, then 1,500 commits that each rewrite three rows at random. */
async function writeDay(withCheckpointer: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'antre-wal-'));
  dirs.push(dir);
  const path = join(dir, 'antre.db');
  const db = openDatabase(path);
  db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, value TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO rows (value) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i += 1) insert.run('x'.repeat(200));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const checkpointer = withCheckpointer ? startCheckpointer(db, 20) : null;
  await checkpointer?.ready; // a worker slow to start (a loaded machine) would let the WAL grow first
  if (!checkpointer) db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  const update = db.prepare('UPDATE rows SET value = ? WHERE id = ?');
  const commit = db.transaction((n: number) => {
    for (let k = 0; k < 3; k += 1)
      update.run(`v${n}`.padEnd(200, '.'), 1 + ((n * 7919 + k * 104_729) % ROWS));
  });
  // 30 turns of 50 commits, as commands come: the event loop is free between turns.
  for (let turn = 0; turn < 30; turn += 1) {
    for (let i = 0; i < 50; i += 1) commit(turn * 50 + i);
    await sleep(25);
  }
  const walBytes = statSync(`${path}-wal`).size;
  const checkpoints = (await checkpointer?.stop()) ?? 0;
  const count = db.prepare('SELECT count(*) AS n FROM rows').get() as { n: number };
  const last = db.prepare('SELECT value FROM rows WHERE id = ?').get(1 + ((1499 * 7919) % ROWS));
  db.close();
  const reopened = openDatabase(path); // runs integrity_check
  const lastAfter = reopened
    .prepare('SELECT value FROM rows WHERE id = ?')
    .get(1 + ((1499 * 7919) % ROWS));
  reopened.close();
  return { walBytes, checkpoints, rows: count.n, last, lastAfter };
}

describe('the WAL checkpointer', () => {
  it('when commits come turn after turn, then a worker keeps the WAL short and nothing is lost', async () => {
    const without = await writeDay(false);
    const withWorker = await writeDay(true);
    // Without it the WAL holds every page written since the backstop's last checkpoint:
    // ~1,500 commits × a few pages. With it the WAL starts over after each checkpoint.
    expect(without.walBytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(withWorker.checkpoints).toBeGreaterThan(5);
    expect(withWorker.walBytes).toBeLessThan(without.walBytes / 4);
    expect(withWorker.rows).toBe(ROWS);
    expect(withWorker.last).toEqual({ value: 'v1499'.padEnd(200, '.') });
    expect(withWorker.lastAfter).toEqual(withWorker.last);
  });

  it('when it is stopped twice, then it stops once and says how many checkpoints it ran', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antre-wal-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, 'antre.db'));
    const checkpointer = startCheckpointer(db, 10);
    await checkpointer.ready;
    await sleep(200);
    const [first, second] = await Promise.all([checkpointer.stop(), checkpointer.stop()]);
    expect(first).toBeGreaterThan(0);
    expect(second).toBe(first);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_CHECKPOINT_PAGES);
    db.close();
  });
});
