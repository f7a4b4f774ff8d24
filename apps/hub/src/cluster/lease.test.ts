import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgBuilding } from '../db/pg/pg-database';
import { openPgBuilding } from '../db/pg/pg-database';
import type { PgCluster } from '../testing/pg-cluster';
import { startPgCluster } from '../testing/pg-cluster';
import {
  createLeaseKeeper,
  ensureLeaseTable,
  fence,
  FencedError,
  fencedTransaction,
  readLease,
  releaseLease,
  renewLease,
  takeLease,
} from './lease';

// One real PostgreSQL server for the file; each test has its own building key.
let cluster: PgCluster;
let url: string;
const opened: PgBuilding[] = [];
const open = (building: string): PgBuilding => {
  const db = openPgBuilding(url, building);
  opened.push(db);
  return db;
};

beforeAll(async () => {
  cluster = await startPgCluster();
  url = await cluster.createDatabase('leases');
  const db = open('setup');
  await ensureLeaseTable(db.pool);
});
afterAll(async () => {
  await Promise.all(opened.map((db) => db.close()));
  cluster?.stop();
});

describe('a building lease in PostgreSQL', () => {
  it('when one process holds it, then another gets it only after it expires, with the next epoch', async () => {
    const { pool } = open('lease-basic');
    expect(await takeLease(pool, 'lease-basic', 'hub-a', 300)).toBe(1);
    expect(await takeLease(pool, 'lease-basic', 'hub-b', 300)).toBeNull();
    expect(await renewLease(pool, 'lease-basic', 1, 300)).toBe(true);
    await sleep(400);
    expect(await takeLease(pool, 'lease-basic', 'hub-b', 300)).toBe(2);
    expect(await renewLease(pool, 'lease-basic', 1, 300)).toBe(false);
    expect(await readLease(pool, 'lease-basic')).toMatchObject({ holder: 'hub-b', epoch: 2 });
  });

  it('when the holder releases it at a clean stop, then a standby takes it at once', async () => {
    const { pool } = open('lease-release');
    expect(await takeLease(pool, 'lease-release', 'hub-a', 60_000)).toBe(1);
    await releaseLease(pool, 'lease-release', 1);
    expect(await takeLease(pool, 'lease-release', 'hub-b', 60_000)).toBe(2);
  });

  it('when two standbys race for an expired lease, then exactly one of them gets it', async () => {
    const { pool } = open('lease-race');
    const tries = await Promise.all(
      Array.from({ length: 8 }, (_, i) => takeLease(pool, 'lease-race', `hub-${i}`, 60_000)),
    );
    expect(tries.filter((epoch) => epoch !== null)).toEqual([1]);
  });

  it('when a write carries an epoch that is no longer current, then it is refused and nothing is written', async () => {
    const db = await probeBuilding('lease-fence');
    expect(await takeLease(db.pool, 'lease-fence', 'hub-a', 1)).toBe(1);
    await sleep(5);
    expect(await takeLease(db.pool, 'lease-fence', 'hub-b', 60_000)).toBe(2);
    const write = (epoch: number) =>
      fencedTransaction(db.pool, 'lease-fence', epoch, (client) =>
        client.query('INSERT INTO fence_probe (epoch) VALUES ($1)', [epoch]),
      );
    await expect(write(1)).rejects.toBeInstanceOf(FencedError);
    await write(2);
    const rows = await db.pool.query<{ epoch: number }>('SELECT epoch FROM fence_probe');
    expect(rows.rows).toEqual([{ epoch: 2 }]);
  });

  it('when a write has passed its fence, then a takeover waits until that write has committed', async () => {
    const db = await probeBuilding('lease-order');
    expect(await takeLease(db.pool, 'lease-order', 'hub-a', 1)).toBe(1);
    await sleep(5);
    const order: string[] = [];
    const client = await db.pool.connect();
    await client.query('BEGIN');
    await fence(client, 'lease-order', 1);
    const taken = takeLease(db.pool, 'lease-order', 'hub-b', 60_000).then((epoch) => {
      order.push('taken');
      return epoch;
    });
    await sleep(200);
    await client.query('INSERT INTO fence_probe (epoch) VALUES (1)');
    await client.query('COMMIT');
    order.push('committed');
    client.release();
    expect(await taken).toBe(2);
    expect(order).toEqual(['committed', 'taken']);
  });

  it('when PostgreSQL stops answering the active keeper, then it gives the lease up by itself, without an answer', async () => {
    const db = open('lease-silent');
    let silent = false;
    // The keeper's pool, which can go silent: every query then waits for ever.
    const pool = {
      query: (...args: Parameters<typeof db.pool.query>) =>
        silent ? new Promise(() => undefined) : db.pool.query(...args),
    } as unknown as typeof db.pool;
    const events: string[] = [];
    const keeper = createLeaseKeeper({
      pool,
      building: 'lease-silent',
      holder: 'hub-silent',
      ttlMs: 1500,
      onActive: (epoch) => events.push(`active ${epoch}`),
      onLost: () => events.push('lost'),
    });
    keeper.start();
    await expect.poll(() => events, { timeout: 5000 }).toEqual(['active 1']);
    await sleep(1000); // renewed a few times
    silent = true;
    await expect.poll(() => events, { timeout: 5000, interval: 20 }).toEqual(['active 1', 'lost']);
    await keeper.stop();
  });

  it('when the active process is killed, then a standby keeper takes over within the lease', async () => {
    const db = await probeBuilding('lease-kill');
    const writer = startWriter('lease-kill');
    await writer.waitFor('wrote');
    const standby = standbyKeeper(db, 'lease-kill');
    await sleep(2000); // longer than the lease: the writer renews it, the standby waits
    expect(standby.keeper.state).toEqual({
      role: 'standby',
      holder: expect.stringContaining('paused-writer'),
    });
    writer.child.kill('SIGKILL');
    // How fast is the failover trial's to measure (scripts/); here: it happens, once.
    await expect
      .poll(() => standby.keeper.state.role, { timeout: 10_000, interval: 20 })
      .toBe('active');
    expect(standby.events).toEqual(['active 2']);
    await standby.keeper.stop();
  });

  it('when the active process is paused past a takeover and wakes up, then every write it tries is refused', async () => {
    const db = await probeBuilding('lease-pause');
    const writer = startWriter('lease-pause');
    await writer.waitFor('wrote');
    // Paused inside a transaction that has passed its fence and written its row: its share
    // lock on the lease row would hold the takeover up, so the server ends that session
    // (idle_in_transaction_session_timeout) and the row is never committed.
    const holding = writer.lines.length;
    await expect
      .poll(() => writer.lines.slice(holding).includes('holding'), { interval: 2 })
      .toBe(true);
    writer.child.kill('SIGSTOP');
    const standby = standbyKeeper(db, 'lease-pause');
    await expect
      .poll(() => standby.keeper.state.role, { timeout: 10_000, interval: 20 })
      .toBe('active');
    const before = await countProbe(db, 1);
    const linesBefore = writer.lines.length;
    writer.child.kill('SIGCONT');
    await expect
      .poll(() => writer.lines.slice(linesBefore).filter((l) => l === 'fenced').length, {
        timeout: 10_000,
        message: `the writer said: ${writer.lines.slice(-12).join(' | ')}`,
      })
      .toBeGreaterThanOrEqual(10);
    writer.child.kill('SIGKILL');
    const after = writer.lines.slice(linesBefore);
    expect(after).not.toContain('wrote');
    // The write it was paused in was ended by the server (its keeper, waking, also says the
    // lease has run out by its own clock). Which words the writer hears depends on whether,
    // on waking, it reads the server's goodbye before or after it sends its COMMIT: either
    // the termination itself, or a connection that is no longer queryable.
    expect(after.filter((l) => l.startsWith('error'))).toEqual([
      expect.stringMatching(
        /terminating connection due to idle-in-transaction timeout|Client has encountered a connection error and is not queryable/,
      ),
    ]);
    expect(await countProbe(db, 1)).toBe(before);
    expect(await countProbe(db, 2)).toBe(0);
    await standby.keeper.stop();
  });
});

const writerScript = fileURLToPath(new URL('./testing/paused-writer.ts', import.meta.url));
const children: ReturnType<typeof spawn>[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')));

/** A building schema with the table the paused writer writes to. */
async function probeBuilding(building: string): Promise<PgBuilding> {
  const db = open(building);
  await db.pool.query(`CREATE SCHEMA ${db.schema}`);
  await db.pool.query(
    `CREATE TABLE ${db.schema}.fence_probe (id BIGINT GENERATED ALWAYS AS IDENTITY, epoch BIGINT NOT NULL)`,
  );
  return db;
}

function startWriter(building: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', writerScript, url, building], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines: string[] = [];
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  return {
    child,
    lines,
    waitFor: (line: string) =>
      expect.poll(() => lines.includes(line), { timeout: 15_000, interval: 20 }).toBe(true),
  };
}

function standbyKeeper(db: PgBuilding, building: string) {
  const events: string[] = [];
  const keeper = createLeaseKeeper({
    pool: db.pool,
    building,
    holder: `standby ${building}`,
    ttlMs: 1500,
    onActive: (epoch) => events.push(`active ${epoch}`),
    onLost: (reason) => events.push(`lost ${reason}`),
  });
  keeper.start();
  return { keeper, events };
}

async function countProbe(db: PgBuilding, epoch: number): Promise<number> {
  const result = await db.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM fence_probe WHERE epoch = $1',
    [epoch],
  );
  return result.rows[0]!.n;
}
