import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrations';
import { createSqliteSql } from '../db/sql';
import { MIGRATIONS_DIR } from '../paths';
import { createNotifyStore } from './notify-store';

// SQLite only: the sender's bookkeeping commits without an fsync, and the connection is back to
// FULL for the queue's next commit (notify-store.contract.test.ts has the rest on both engines).

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function openStore() {
  const dir = mkdtempSync(join(tmpdir(), 'antre-notify-store-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'antre.db'));
  migrate(db, MIGRATIONS_DIR);
  const store = createNotifyStore(createSqliteSql(db));
  const plan = { recipient: 'test:x', message: 'test', params: {}, language: 'id' } as const;
  const [first, second] = await store.enqueueAlone(
    [
      { ...plan, key: 'k1' },
      { ...plan, key: 'k2' },
    ],
    1,
  );
  // What happens around the writes, in order: the connection's settings and each update.
  const seen: string[] = [];
  db.function('seen', () => (seen.push('update'), 1));
  db.exec('CREATE TRIGGER seen AFTER UPDATE ON notify_outbox BEGIN SELECT seen(); END');
  const pragma = db.pragma.bind(db);
  vi.spyOn(db, 'pragma').mockImplementation((source, options) => {
    seen.push(`${source}${db.inTransaction ? ' (in a transaction)' : ''}`);
    return pragma(source, options);
  });
  return { db, store, seq: [first!, second!], seen };
}

const synchronous = (db: Awaited<ReturnType<typeof openStore>>['db']): unknown =>
  db.pragma('synchronous', { simple: true });

describe("the sender's bookkeeping", () => {
  it('when it commits, then it skipped the fsync and the queue’s next commit waits for the disk again', async () => {
    const { db, store, seq, seen } = await openStore();
    const applied = await store.bookkeeping([
      { kind: 'claim', seq: seq[0]!, attempts: 0, retryAt: 10, channelId: 'c' },
      { kind: 'claim', seq: seq[1]!, attempts: 0, retryAt: 10, channelId: 'c' },
    ]);
    expect(applied).toEqual([true, true]);
    expect(seen).toEqual(['synchronous = NORMAL', 'update', 'update', 'synchronous = FULL']);
    expect(synchronous(db)).toBe(2); // FULL
    db.close();
  });

  it('when a write fails, then nothing it wrote stays and the connection is FULL again', async () => {
    const { db, store, seq, seen } = await openStore();
    db.exec(
      `CREATE TRIGGER refuse BEFORE UPDATE ON notify_outbox WHEN NEW.seq = ${seq[1]}
       BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    await expect(
      store.bookkeeping([
        { kind: 'claim', seq: seq[0]!, attempts: 0, retryAt: 10, channelId: 'c' },
        { kind: 'claim', seq: seq[1]!, attempts: 0, retryAt: 10, channelId: 'c' },
      ]),
    ).rejects.toThrow('disk full');
    expect(seen.at(-1)).toBe('synchronous = FULL');
    expect(synchronous(db)).toBe(2);
    expect(db.prepare('SELECT SUM(attempts) AS n FROM notify_outbox').get()).toEqual({ n: 0 });
    db.close();
  });
});
