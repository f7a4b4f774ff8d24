import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgBuilding } from '../db/pg/pg-database';
import type { PgCluster } from '../testing/pg-cluster';
import { startPgCluster } from '../testing/pg-cluster';
import { ensureLeaseTable, releaseLease, takeLease } from './lease';
import type { BuildingLoad } from './spreading';
import { graceMs, noteStandby, pickHandOver, readLoads, takeGrace } from './spreading';

// How a cluster's buildings spread over its processes (cluster/spreading.ts): the rules as
// tables, then the same rules as PostgreSQL applies them to lease rows.

describe('the wait before taking a free lease', () => {
  it.each([
    [0, 0],
    [1, 750],
    [2, 1000],
    [5, 1000],
  ])('when a standby holds %i other leases (3 s lease), then it waits %i ms', (held, ms) => {
    expect(graceMs(takeGrace(3000), held)).toBe(ms);
  });

  it('when it holds one, then it waits longer than a standby holding none takes to try again', () => {
    // A standby tries every fifth of the lease (lease.ts): the idle one comes first.
    expect(graceMs(takeGrace(3000), 1)).toBeGreaterThan(3000 / 5);
  });
});

describe('which building a process hands over', () => {
  const load = (building: string, mine: number, least: number | null): BuildingLoad => ({
    building,
    mine,
    least,
  });
  it.each([
    ['nobody stands by', [load('a', 2, null), load('b', 2, null)], null],
    ['a standby holds one fewer', [load('a', 2, 1), load('b', 2, 1)], null],
    ['a standby holds two fewer', [load('a', 2, 0), load('b', 2, 1)], 'a'],
    ['both have an idle standby: the last listed goes', [load('a', 2, 0), load('b', 2, 0)], 'b'],
    ['the least loaded standby first', [load('a', 4, 1), load('b', 4, 0), load('c', 4, 2)], 'b'],
  ])('when %s', (_case, loads, expected) => {
    expect(pickHandOver(loads, ['a', 'b', 'c'])?.building ?? null).toBe(expected);
  });
});

describe('on PostgreSQL', () => {
  let cluster: PgCluster;
  let pool: pg.Pool;
  let close: () => Promise<void>;
  beforeAll(async () => {
    cluster = await startPgCluster();
    const db = openPgBuilding(await cluster.createDatabase('spreading'), 'setup');
    pool = db.pool;
    close = db.close;
    await ensureLeaseTable(pool);
  });
  afterAll(async () => {
    await close?.();
    cluster?.stop();
  });
  const grace = takeGrace(3000);

  it('when leases are let go, then a process holding none takes one at once and busy ones wait', async () => {
    expect(await takeLease(pool, 'b1', 'busy', 3000, grace)).toBe(1);
    expect(await takeLease(pool, 'c1', 'busier', 3000, grace)).toBe(1);
    expect(await takeLease(pool, 'c2', 'busier', 3000, grace)).toBe(1);
    for (const building of ['x', 'z']) {
      expect(await takeLease(pool, building, 'gone', 3000, grace)).toBe(1);
      await releaseLease(pool, building, 1);
    }
    // Freed just now: 'busy' (one other lease) waits 750 ms, 'busier' (two) 1 s.
    expect(await takeLease(pool, 'x', 'busy', 3000, grace)).toBeNull();
    expect(await takeLease(pool, 'z', 'busier', 3000, grace)).toBeNull();
    expect(await takeLease(pool, 'x', 'idle', 3000, grace)).toBe(2);
    await sleep(800);
    expect(await takeLease(pool, 'z', 'busier', 3000, grace)).toBeNull();
    expect(await takeLease(pool, 'z', 'busy', 3000, grace)).toBe(2);
  });

  it('when a process holds more than a standby of its building, then its loads say so', async () => {
    for (const building of ['y1', 'y2', 'y3'])
      expect(await takeLease(pool, building, 'heavy', 3000, grace)).toBe(1);
    expect(await takeLease(pool, 'y4', 'light', 3000, grace)).toBe(1);
    await noteStandby(pool, 'y1', 'light', 3000);
    await noteStandby(pool, 'y2', 'never-active', 3000);
    // A standby whose word ran out counts no more.
    await noteStandby(pool, 'y3', 'gone', -1000);
    const loads = await readLoads(pool, 'heavy', ['y1', 'y2', 'y3']);
    expect(loads.sort((a, b) => a.building.localeCompare(b.building))).toEqual([
      { building: 'y1', mine: 3, least: 1 },
      { building: 'y2', mine: 3, least: 0 },
      { building: 'y3', mine: 3, least: null },
    ]);
    expect(pickHandOver(loads, ['y1', 'y2', 'y3'])?.building).toBe('y2');
  });
});
