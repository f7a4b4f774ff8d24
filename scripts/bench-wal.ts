// WAL checkpoints on the event loop or in a worker: a hub-sized write load (each commit
// rewrites rows in a dozen tables' pages, as a call does its ticket, counter, events, indexes
// and answer) committed with synchronous=FULL, timed commit by commit, twice on fresh files:
// - loop: SQLite's default, the commit that crosses 1,000 WAL pages checkpoints the WAL;
// - worker: the hub's way (apps/hub/src/db/checkpointer.ts), PASSIVE checkpoints in a worker
//   thread every second and the loop's own only past 10,000 pages.
// Commits come at --rate a second (200, far above a real MPP's busiest hour) with the event
// loop free between them; --rate 0 writes without pause, where the WAL never gets the idle
// moment it needs to start over, so the hub's backstop checkpoints it in a commit.
// Prints each side's commit p50 / p99 / max and their total, then `wal: p99_loop=… p99_worker=…`.
// Usage: npm run bench:wal [-- --commits 3000 --rate 200]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep, setImmediate as turn } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { startCheckpointer } from '../apps/hub/src/db/checkpointer';
import { openDatabase } from '../apps/hub/src/db/database';
import { percentile } from './load/load-table';

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '3000' },
    rate: { type: 'string', default: '200' },
  },
});
const COMMITS = Number(values.commits);
const RATE = Number(values.rate);
if (!(COMMITS > 0)) throw new Error('--commits: a positive number');
if (!(RATE >= 0)) throw new Error('--rate: commits a second, or 0 for no pause');
const TABLES = 12;
const ROWS = 20_000;

async function run(side: 'loop' | 'worker') {
  const dir = mkdtempSync(join(tmpdir(), 'antre-bench-wal-'));
  const db = openDatabase(join(dir, 'bench.db'));
  for (let t = 0; t < TABLES; t += 1) {
    db.exec(`CREATE TABLE t${t} (id INTEGER PRIMARY KEY, value TEXT NOT NULL)`);
    const insert = db.prepare(`INSERT INTO t${t} (value) VALUES (?)`);
    db.transaction(() => {
      for (let i = 0; i < ROWS; i += 1) insert.run('x'.repeat(100));
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const checkpointer = side === 'worker' ? startCheckpointer(db) : null;
  const updates = Array.from({ length: TABLES }, (_, t) =>
    db.prepare(`UPDATE t${t} SET value = ? WHERE id = ?`),
  );
  const commit = db.transaction((n: number) => {
    for (const update of updates) update.run(`v${n}`.padEnd(100, '.'), 1 + ((n * 7919) % ROWS));
  });
  const ms: number[] = [];
  const began = performance.now();
  for (let n = 0; n < COMMITS; n += 1) {
    const start = performance.now();
    commit(n);
    ms.push(performance.now() - start);
    if (RATE === 0) {
      if (n % 20 === 19) await turn();
    } else {
      const due = began + ((n + 1) * 1000) / RATE;
      if (due > performance.now()) await sleep(due - performance.now());
    }
  }
  const checkpoints = (await checkpointer?.stop()) ?? 0;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    side,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: percentile(ms, 100),
    total: ms.reduce((sum, v) => sum + v, 0),
    checkpoints,
  };
}

const loop = await run('loop');
const worker = await run('worker');
console.log(
  `${COMMITS} commits of ${TABLES} pages each, synchronous=FULL, ${RATE > 0 ? `${RATE} a second` : 'without pause'}:\n`,
);
console.log('| checkpoints | commit p50 / p99 / max (ms) | all commits (ms) |');
console.log('|---|---|---|');
for (const r of [loop, worker])
  console.log(
    `| ${r.side === 'loop' ? 'in the commit, every 1,000 pages' : `worker thread (${r.checkpoints} run)`} | ` +
      `${r.p50.toFixed(2)} / ${r.p99.toFixed(2)} / ${r.max.toFixed(2)} | ${r.total.toFixed(0)} |`,
  );
console.log(`\nwal: p99_loop=${loop.p99.toFixed(2)} p99_worker=${worker.p99.toFixed(2)}`);
