import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrations';
import { MIGRATIONS_DIR } from '../paths';
import { createNotifyStore } from './notify-store';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function openStore() {
  const dir = mkdtempSync(join(tmpdir(), 'antre-notify-store-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'antre.db'));
  migrate(db, MIGRATIONS_DIR);
  return { db, store: createNotifyStore(db) };
}

const synchronous = (db: ReturnType<typeof openStore>['db']): unknown =>
  db.pragma('synchronous', { simple: true });

describe("the sender's bookkeeping", () => {
  it('when it commits, then it skipped the fsync and the queue’s next commit waits for the disk again', () => {
    const { db, store } = openStore();
    const inside = store.bookkeeping(() => synchronous(db));
    expect(inside).toBe(1); // NORMAL
    expect(synchronous(db)).toBe(2); // FULL
    db.close();
  });

  it('when it throws, then nothing it wrote stays and the connection is FULL again', () => {
    const { db, store } = openStore();
    const plan = {
      key: 'k1',
      recipient: 'test:x',
      message: 'test',
      params: {},
      language: 'id',
    } as const;
    expect(() =>
      store.bookkeeping(() => {
        store.enqueue([plan], 1);
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(synchronous(db)).toBe(2);
    expect(db.prepare('SELECT COUNT(*) AS n FROM notify_outbox').get()).toEqual({ n: 0 });
    db.close();
  });
});
