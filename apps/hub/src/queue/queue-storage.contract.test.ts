import type { CommandContext, QueueChange, QueueState, Result } from '@antre/domain';
import {
  applyChange,
  callNext,
  callTicket,
  emptyChange,
  finish,
  indexBuilding,
  issueTicket,
  openCounter,
  park,
  queueOf,
} from '@antre/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveBuilding } from '../building/building-store';
import { readDemoBuilding } from '../building/first-start';
import { ensureLeaseTable, FencedError, takeLease } from '../cluster/lease';
import { openDatabase } from '../db/database';
import { createPgSql, createSqliteSql } from '../db/sql';
import { migrate } from '../db/migrations';
import { inTransaction, migratePgBuilding, openPgBuilding } from '../db/pg/pg-database';
import { CommitOutcomeUnknownError } from '../db/storage-errors';
import { MIGRATIONS_DIR, PG_MIGRATIONS_DIR } from '../paths';
import type { PgCluster } from '../testing/pg-cluster';
import { startPgCluster } from '../testing/pg-cluster';
import { MONDAY_MORNING } from '../testing/test-hub';
import type { QueueStorage, QueueWrite } from './queue-storage';
import { createSqliteQueueStorage } from './queue-storage';
import { createPgQueueStorage } from './queue-storage-pg';
import { openQueueEngine } from './queue-engine';
import type { Principal } from '../auth/principal';

// One contract for the queue's persistence, run against both engines: a real SQLite file
// (WAL, synchronous=FULL) and a real PostgreSQL server started for this file.

const building = readDemoBuilding();
const index = indexBuilding(building);
const KTP = 'disdukcapil-ktp-el';
const DAY = '2026-11-23';
const OFFICER = { userId: 'officer-1', deviceId: null };
const KIOSK = { userId: null, deviceId: 'kiosk-1' };

interface Opened {
  storage: QueueStorage;
  /** Rows in a table, read by the engine's own driver. */
  count: (table: string) => Promise<number>;
  /** Another process takes the building's lease (PostgreSQL only). */
  takeOver?: () => Promise<void>;
}

let cluster: PgCluster | undefined;
let pgUrl = '';
const cleanups: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  cluster = await startPgCluster();
  pgUrl = await cluster.createDatabase('queue_contract');
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cluster?.stop();
});

let opened = 0;
const engines: { name: string; open: () => Promise<Opened> }[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'antre-contract-'));
      const db = openDatabase(join(dir, 'antre.db'));
      migrate(db, MIGRATIONS_DIR);
      await saveBuilding(createSqliteSql(db), building);
      cleanups.push(() => {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      });
      return {
        storage: createSqliteQueueStorage(db),
        count: async (table) =>
          (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
      };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      opened += 1;
      const key = `contract-${opened}`;
      const db = openPgBuilding(pgUrl, key);
      cleanups.push(() => db.close());
      await ensureLeaseTable(db.pool);
      await migratePgBuilding(db, PG_MIGRATIONS_DIR);
      await saveBuilding(createPgSql(db), building);
      const epoch = await takeLease(db.pool, key, 'contract-test', 60_000);
      return {
        storage: createPgQueueStorage(db, () => epoch!),
        count: async (table) =>
          (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!
            .n,
        takeOver: async () => {
          await db.pool.query(
            "UPDATE antre_cluster.leases SET epoch = epoch + 1, holder = 'another hub' WHERE building = $1",
            [key],
          );
        },
      };
    },
  },
];

/** Runs commands in turn on an in-memory queue, as the engine does, collecting their writes. */
function decide(start: QueueState, prefix = 'cmd') {
  let state = start;
  let clock = MONDAY_MORNING;
  const writes: QueueWrite[] = [];
  let commands = 0;
  const run = (
    actor: CommandContext['actor'],
    command: (ctx: CommandContext) => Result<QueueChange>,
  ): QueueChange => {
    clock += 1000;
    const outcome = command({ index, state, now: clock, actor });
    if (!outcome.ok) throw new Error(outcome.error.message);
    state = applyChange(state, outcome.value);
    writes.push({
      serviceDay: state.serviceDay,
      change: outcome.value,
      origin: { ip: '192.0.2.7', client: 'Chrome 131 · Windows' },
      command: {
        actor: actor.userId ?? actor.deviceId!,
        id: `${prefix}-${(commands += 1)}`,
        name: 'test',
        result: { ok: true, n: commands },
        at: clock,
      },
    });
    return outcome.value;
  };
  return { run, writes, state: () => state };
}

const issue = (n: number) => (ctx: CommandContext) =>
  issueTicket(ctx, {
    serviceId: KTP,
    priority: null,
    channel: ctx.actor.deviceId ? 'kiosk' : 'staff',
    needsPrint: false,
    ticketId: `t${n}`,
    code: `code-${n}`,
  });

/** What a loaded queue holds, comparable whatever the maps' insertion order. */
const contents = (q: QueueState) => ({
  day: q.serviceDay,
  tickets: [...q.tickets.values()].sort((a, b) => a.id.localeCompare(b.id)),
  counters: [...q.counters.values()].sort((a, b) => a.counterId.localeCompare(b.counterId)),
  services: [...q.services.values()].sort((a, b) => a.serviceId.localeCompare(b.serviceId)),
});

describe.each(engines)('the queue store on $name', ({ open }) => {
  it('when a batch of commands is committed, then the day loads back exactly as decided, with answers and events', async () => {
    const { storage, count } = await open();
    const day = decide(await storage.loadQueue(DAY));
    day.run(KIOSK, issue(1));
    day.run(KIOSK, issue(2));
    day.run(OFFICER, issue(3));
    day.run(OFFICER, (ctx) => openCounter(ctx, 'loket-1'));
    day.run(OFFICER, (ctx) => callNext(ctx, 'loket-1'));
    await storage.commit(day.writes);

    expect(contents(await storage.loadQueue(DAY))).toEqual(contents(day.state()));
    expect(await storage.findCommand('kiosk-1', 'cmd-2')).toEqual({
      name: 'test',
      result: JSON.stringify({ ok: true, n: 2 }),
    });
    expect(await storage.findCommand('kiosk-1', 'cmd-3')).toBeUndefined();
    expect(await storage.ticketByCode('code-2')).toEqual(day.state().tickets.get('t2'));
    expect(await storage.ticketByCode('no-such-code')).toBeUndefined();
    expect(await storage.issuingDevice('t1')).toBe('kiosk-1');
    expect(await storage.issuingDevice('t3')).toBeNull();

    const issued = await storage.eventsOfDay(DAY, ['ticket:issued'], 2);
    expect(issued.map((e) => e.ticketId)).toEqual(['t2', 't3']);
    expect(issued[0]!.data).toMatchObject({ ip: '192.0.2.7', client: 'Chrome 131 · Windows' });
    const all = await storage.eventsOfDay(DAY, ['ticket:issued', 'ticket:called'], 100);
    expect(all.map((e) => `${e.type} ${e.ticketId}`)).toEqual([
      'ticket:issued t1',
      'ticket:issued t2',
      'ticket:issued t3',
      'ticket:called t1',
    ]);
    expect(await count('commands')).toBe(5);
  });

  it('when a ticket changes twice and a counter hands its ticket on within one batch, then the last state is kept', async () => {
    const { storage } = await open();
    const day = decide(await storage.loadQueue(DAY));
    day.run(KIOSK, issue(1));
    day.run(KIOSK, issue(2));
    day.run(OFFICER, (ctx) => openCounter(ctx, 'loket-1'));
    day.run(OFFICER, (ctx) => callNext(ctx, 'loket-1'));
    await storage.commit(day.writes.splice(0));
    // One batch: loket-1 finishes t1 and calls t2 (t2 changes twice), then hands t2 to loket-2,
    // the hold listed before the release (one ticket, one counter at every step).
    day.run(OFFICER, (ctx) => finish(ctx, 'loket-1'));
    day.run(OFFICER, (ctx) => callNext(ctx, 'loket-1'));
    const swap = emptyChange();
    const now = day.state();
    swap.counters.push(
      {
        counterId: 'loket-2',
        status: 'open',
        pauseReason: null,
        officerId: 'officer-2',
        ticketId: 't2',
        since: MONDAY_MORNING,
      },
      { ...now.counters.get('loket-1')!, ticketId: null },
    );
    day.writes.push({ serviceDay: DAY, change: swap });
    await storage.commit(day.writes.splice(0));
    const loaded = await storage.loadQueue(DAY);
    expect(loaded.tickets.get('t1')).toMatchObject({ status: 'done' });
    expect(contents(loaded)).toEqual(contents(applyChange(day.state(), swap)));
  });

  it('when one counter calls back a ticket another lets go of within one batch, then the batch is saved', async () => {
    const { storage } = await open();
    const day = decide(await storage.loadQueue(DAY));
    day.run(KIOSK, issue(1));
    day.run(KIOSK, issue(2));
    day.run(OFFICER, (ctx) => openCounter(ctx, 'loket-1'));
    day.run(OFFICER, (ctx) => callNext(ctx, 'loket-1'));
    await storage.commit(day.writes.splice(0));
    // loket-1 parks t1 and calls t2, then loket-2 calls t1 back: t1 moves between counters.
    const other = { userId: 'officer-2', deviceId: null };
    day.run(other, (ctx) => openCounter(ctx, 'loket-2'));
    day.run(OFFICER, (ctx) => park(ctx, 'loket-1', 'Menunggu berkas'));
    day.run(OFFICER, (ctx) => callNext(ctx, 'loket-1'));
    day.run(other, (ctx) => callTicket(ctx, 'loket-2', 't1'));
    await storage.commit(day.writes.splice(0));
    const loaded = await storage.loadQueue(DAY);
    expect(contents(loaded)).toEqual(contents(day.state()));
    expect(loaded.counters.get('loket-2')?.ticketId).toBe('t1');
    expect(loaded.counters.get('loket-1')?.ticketId).toBe('t2');
  });

  it('when one write of a batch breaks a constraint, then nothing of the batch is saved', async () => {
    const { storage, count } = await open();
    const day = decide(await storage.loadQueue(DAY));
    const first = day.run(KIOSK, issue(1));
    day.run(KIOSK, issue(2));
    // The same number issued again under another id: the unique (service, day, number) refuses it.
    const again = { ...first.tickets[0]!, id: 't-dup', code: 'code-dup' };
    day.writes.push({ serviceDay: DAY, change: { ...emptyChange(), tickets: [again] } });
    await expect(storage.commit(day.writes)).rejects.toThrow();
    expect([await count('tickets'), await count('ticket_events'), await count('commands')]).toEqual(
      [0, 0, 0],
    );
    expect((await storage.loadQueue(DAY)).tickets.size).toBe(0);
  });

  it('when days are opened and closed, then the saved day, unfinished days and old commands answer as the engine needs', async () => {
    const { storage, count } = await open();
    expect(await storage.savedServiceDay()).toBeUndefined();
    await storage.saveServiceDay('2026-11-20');
    await storage.saveServiceDay(DAY);
    expect(await storage.savedServiceDay()).toBe(DAY);

    const friday = decide(
      queueOf('2026-11-20', { tickets: [], counters: [], services: [] }),
      'friday',
    );
    friday.run(KIOSK, issue(1));
    const monday = decide(await storage.loadQueue(DAY));
    monday.run(KIOSK, issue(2));
    await storage.commit([...friday.writes, ...monday.writes]);
    expect(await storage.unfinishedDaysBefore(DAY)).toEqual(['2026-11-20']);
    expect(await storage.unfinishedDaysBefore('2026-11-20')).toEqual([]);

    await storage.forgetCommandsBefore(MONDAY_MORNING + 1500);
    expect(await count('commands')).toBe(0);
  });

  it('when holds are repaired at start, then the repair and an audit entry for each are saved together', async () => {
    const { storage, count } = await open();
    const day = decide(await storage.loadQueue(DAY));
    day.run(OFFICER, (ctx) => openCounter(ctx, 'loket-3'));
    await storage.commit(day.writes);
    const repair = emptyChange();
    repair.counters.push({ ...day.state().counters.get('loket-3')!, status: 'closed' });
    await storage.saveHoldRepairs(
      DAY,
      repair,
      [
        { counterId: 'loket-3', ticketId: 't9', problem: 'counter_holds_missing_ticket' },
        { counterId: 'loket-4', ticketId: 't8', problem: 'counter_holds_missing_ticket' },
      ] as never,
      MONDAY_MORNING,
    );
    expect(await count('audit_log')).toBe(2);
    expect((await storage.loadQueue(DAY)).counters.get('loket-3')).toMatchObject({
      status: 'closed',
    });
  });
});

describe('the queue store on PostgreSQL, fenced', () => {
  it('when another process has taken the building over, then a batch is refused whole and nothing is written', async () => {
    const { storage, count, takeOver } = await engines[1]!.open();
    const day = decide(await storage.loadQueue(DAY));
    day.run(KIOSK, issue(1));
    await storage.commit(day.writes.splice(0));
    await takeOver!();
    day.run(KIOSK, issue(2));
    await expect(storage.commit(day.writes)).rejects.toBeInstanceOf(FencedError);
    await expect(storage.saveServiceDay(DAY)).rejects.toBeInstanceOf(FencedError);
    expect([await count('tickets'), await count('commands'), await count('hub_state')]).toEqual([
      1, 1, 0,
    ]);
  });
});

describe('a PostgreSQL transaction whose session ends', () => {
  it('when the server ends the session before COMMIT, then the outcome is reported unknown, not failed', async () => {
    const db = openPgBuilding(pgUrl, 'contract-ended');
    const other = openPgBuilding(pgUrl, 'contract-ended');
    cleanups.push(
      () => db.close(),
      () => other.close(),
    );
    await expect(
      inTransaction(db.pool, async (client) => {
        await client.query('SELECT 1');
        const pid = (client as unknown as { processID: number }).processID;
        await other.pool.query('SELECT pg_terminate_backend($1)', [pid]);
      }),
    ).rejects.toBeInstanceOf(CommitOutcomeUnknownError);
    // A refusal the server states is not unknown: it rolled back.
    await expect(
      inTransaction(db.pool, (client) => client.query('SELECT 1/0')),
    ).rejects.not.toBeInstanceOf(CommitOutcomeUnknownError);
  });
});

describe('the queue engine on PostgreSQL', () => {
  const officer = (n: number): Principal => ({
    kind: 'user',
    id: `officer-${n}`,
    role: 'admin',
    agencyId: null,
    name: `Officer ${n}`,
  });

  it('when commands race from many clients, then each number is issued once, each ticket called once, and a restart loads the same day', async () => {
    const { storage } = await engines[1]!.open();
    const engine = await openQueueEngine(storage, building, () => MONDAY_MORNING);
    const counters = ['loket-1', 'loket-2', 'loket-5']; // the counters that serve KTP
    await Promise.all(
      counters.map((c, i) =>
        engine.execute(officer(i), 'counter:open', `open-${c}`, (ctx) => openCounter(ctx, c)),
      ),
    );
    const issued = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        engine.execute(officer(9), 'ticket:issue', `issue-${n}`, issue(n)),
      ),
    );
    const calls = await Promise.all(
      counters.map((c, i) =>
        engine.execute(officer(i), 'counter:call-next', `call-${c}`, (ctx) => callNext(ctx, c)),
      ),
    );
    // The same ids again, as a client that lost its answers would send them.
    const retried = await Promise.all(
      counters.map((c, i) =>
        engine.execute(officer(i), 'counter:call-next', `call-${c}`, (ctx) => callNext(ctx, c)),
      ),
    );
    const numbers = issued.map((a) => a.ok && a.value.tickets[0]?.number);
    expect([...numbers].sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 60 }, (_, n) => n + 1),
    );
    const called = calls.map((a) => a.ok && a.value.tickets[0]?.id);
    expect(new Set(called).size).toBe(3);
    expect(called.every((id) => typeof id === 'string')).toBe(true);
    expect(retried).toEqual(calls);
    expect(engine.batchStats().batches).toBeLessThan(60 + 8);

    await engine.flush();
    const restarted = await openQueueEngine(storage, building, () => MONDAY_MORNING);
    expect(contents(restarted.queue)).toEqual(contents(engine.queue));
  });

  it('when another process has taken the building over, then its commands are refused and change nothing', async () => {
    const { storage, count, takeOver } = await engines[1]!.open();
    const engine = await openQueueEngine(storage, building, () => MONDAY_MORNING);
    const first = await engine.execute(officer(1), 'ticket:issue', 'i1', issue(1));
    expect(first.ok).toBe(true);
    await takeOver!();
    const refused = await engine.execute(officer(1), 'ticket:issue', 'i2', issue(2));
    expect(!refused.ok && refused.error.code).toBe('internal');
    expect([await count('tickets'), await count('commands')]).toEqual([1, 1]);
    expect(engine.latest.tickets.size).toBe(1);
  });
});
