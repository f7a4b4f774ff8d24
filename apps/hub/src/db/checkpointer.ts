import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database';

/**
 * The pages the hub's own connection lets the WAL reach before it checkpoints it itself, in
 * the command's commit: a backstop for a checkpointer that has stopped or cannot keep up
 * (~40 MB). SQLite's default, 1,000 pages, made every ~80th command wait ~10–15 ms while its
 * commit copied the WAL into the database and synced it (docs/benchmarks.md).
 */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000;

// The worker's program, given as source (`eval`) so it runs the same from the TypeScript
// sources and from the hub's bundle, which has no file for it. Its own connection copies the
// WAL into the database with PASSIVE checkpoints: they never wait for or block the hub's
// writer, and SQLite makes them safe against a crash at any point.
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = FULL');
parentPort.postMessage({ type: 'ready' });
let checkpoints = 0;
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    checkpoints += 1;
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: String(error) });
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage({ type: 'stopped', checkpoints });
});
`;

export interface Checkpointer {
  /** Settles once the worker has its connection (or has failed to open it). */
  ready: Promise<void>;
  /** Stops the worker and closes its connection; says how many checkpoints it ran. */
  stop: () => Promise<number>;
}

/**
 * Checkpoints the database's WAL from a worker thread every `intervalMs`, so no command's
 * commit on the event loop does it; `db`'s own automatic checkpoint stays as a backstop at
 * BACKSTOP_CHECKPOINT_PAGES. A worker that fails says so on the console and the backstop
 * takes over; nothing is lost either way.
 */
export function startCheckpointer(db: Db, intervalMs = 1_000): Checkpointer {
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  const worker = new Worker(PROGRAM, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      path: db.name,
      intervalMs,
    },
  });
  worker.unref();
  let stopped: Promise<number> | null = null;
  let opened = (): void => {};
  const ready = new Promise<void>((resolve) => (opened = resolve));
  const ended = new Promise<number>((resolve) => {
    worker.on('message', (message: { type: string; message?: string; checkpoints?: number }) => {
      if (message.type === 'ready') opened();
      if (message.type === 'failed')
        console.error(`The WAL checkpointer failed: ${message.message ?? ''}`);
      if (message.type === 'stopped') resolve(message.checkpoints ?? 0);
    });
    worker.on('error', (error) => {
      console.error('The WAL checkpointer stopped; the hub checkpoints in its commits', error);
      resolve(0);
    });
    worker.on('exit', () => resolve(0));
  });
  void ended.then(opened);
  return {
    ready,
    stop: () => {
      stopped ??= (async () => {
        worker.postMessage('stop');
        const checkpoints = await ended;
        await worker.terminate();
        return checkpoints;
      })();
      return stopped;
    },
  };
}
