import type { QueueChange, Result as DomainResult } from '@antre/domain';
import { callNext, issueTicket, openCounter } from '@antre/domain';
import type { CommandAck, Result } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { saveBuilding } from '../building/building-store';
import { readDemoBuilding } from '../building/first-start';
import { openDatabase } from '../db/database';
import { createSqliteSql } from '../db/sql';
import { migrate } from '../db/migrations';
import { MIGRATIONS_DIR } from '../paths';
import { MONDAY_MORNING } from '../testing/test-hub';
import { openQueueEngine } from './queue-engine';
import { CommitOutcomeUnknownError } from '../db/storage-errors';
import { createSqliteQueueStorage } from './queue-storage';

// Commands that arrive in the same turn of the event loop are decided one after another,
// saved in one transaction, and only then published and answered (group commit).

const KTP = 'disdukcapil-ktp-el';
const ADMIN: Principal = { kind: 'user', id: 'u1', role: 'admin', agencyId: null, name: 'Admin' };

async function engineOnDemoBuilding() {
  const db = openDatabase(':memory:');
  migrate(db, MIGRATIONS_DIR);
  const building = readDemoBuilding();
  await saveBuilding(createSqliteSql(db), building);
  const storage = createSqliteQueueStorage(db);
  /** Called as each batch starts to be saved: what was decided, saved and seen by then. */
  const beforeCommit: (() => void)[] = [];
  /** The next commits lose their connection before or after the server saved them. */
  const losses: ('before' | 'after')[] = [];
  /** Each batch's commit waits for the next gate, if there is one. */
  const gates: Promise<void>[] = [];
  const engine = await openQueueEngine(
    {
      ...storage,
      commit: async (writes) => {
        for (const look of beforeCommit) look();
        // A store on a server answers later: a test may hold a batch's commit open.
        const gate = gates.shift();
        if (gate) await gate;
        const lose = losses.shift();
        if (lose === 'before') throw new CommitOutcomeUnknownError(new Error('connection lost'));
        await storage.commit(writes);
        if (lose === 'after') throw new CommitOutcomeUnknownError(new Error('connection lost'));
      },
    },
    building,
    () => MONDAY_MORNING,
  );
  const savedTickets = () =>
    (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
  const savedCommands = () =>
    (db.prepare('SELECT COUNT(*) AS n FROM commands').get() as { n: number }).n;
  /** Holds the next batch's commit until `open` (or `fail`) is called. */
  const holdNextCommit = () => {
    let open = (): void => undefined;
    let fail = (_error: Error): void => undefined;
    gates.push(
      new Promise<void>((resolve, reject) => {
        open = resolve;
        fail = reject;
      }),
    );
    return { open: () => open(), fail: (error: Error) => fail(error) };
  };
  return { db, engine, savedTickets, savedCommands, beforeCommit, holdNextCommit, losses };
}

const issue =
  (n: number) =>
  (ctx: Parameters<typeof issueTicket>[0]): DomainResult<QueueChange> =>
    issueTicket(ctx, {
      serviceId: KTP,
      priority: null,
      channel: 'staff',
      needsPrint: false,
      ticketId: `t${n}`,
      code: `code-${n}`,
    });

/** Lets the event loop go round: a batch is saved on the turn after its commands are decided. */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('group commit', () => {
  it('when commands arrive together, then each decides on the one before, all are saved at once, then answered and published', async () => {
    const { db, engine, savedTickets, savedCommands, beforeCommit } = await engineOnDemoBuilding();
    const published: string[] = [];
    engine.onChange((change) => published.push(...change.tickets.map((t) => t.id)));
    const seen: unknown[] = [];
    beforeCommit.push(() =>
      seen.push([
        engine.latest.tickets.size,
        savedTickets(),
        savedCommands(),
        [...published],
        engine.queue.tickets.size,
      ]),
    );

    const answers = [1, 2, 3, 4, 5].map((n) =>
      engine.execute(ADMIN, 'ticket:issue', `i${n}`, issue(n)),
    );
    await Promise.all(answers);
    // One batch; as it was saved all five were decided, none saved, published or visible.
    expect(seen).toEqual([[5, 0, 0, [], 0]]);

    const acks = await Promise.all(answers);
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(acks.map((a) => a.ok && a.value.tickets[0]?.number)).toEqual([1, 2, 3, 4, 5]);
    expect([savedTickets(), savedCommands()]).toEqual([5, 5]);
    expect(engine.batchStats()).toEqual({ batches: 1, commands: 5, largest: 5 });
    expect(published).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(engine.queue).toBe(engine.latest);
    db.close();
  });

  it('when commands are saved together, then batch listeners hear the batch once, in order, after every change listener', async () => {
    const { db, engine } = await engineOnDemoBuilding();
    const heard: string[] = [];
    engine.onChange((change) => heard.push(`change ${change.tickets[0]?.id}`));
    engine.onBatch((changes, queue) =>
      heard.push(
        `batch ${changes.map((c) => c.tickets[0]?.id).join(',')} of ${queue.tickets.size}`,
      ),
    );
    await Promise.all(
      [1, 2, 3].map((n) => engine.execute(ADMIN, 'ticket:issue', `b${n}`, issue(n))),
    );
    await engine.execute(ADMIN, 'ticket:issue', 'b4', issue(4));
    expect(heard).toEqual([
      'change t1',
      'change t2',
      'change t3',
      'batch t1,t2,t3 of 3',
      'change t4',
      'batch t4 of 4',
    ]);
    db.close();
  });

  it('when a command id is sent again before its batch is saved, then the retry gets the first answer and nothing runs twice', async () => {
    const { db, engine, savedTickets } = await engineOnDemoBuilding();
    let runs = 0;
    const counted = (ctx: Parameters<typeof issueTicket>[0]) => {
      runs += 1;
      return issue(1)(ctx);
    };
    const first = engine.execute(ADMIN, 'ticket:issue', 'same', counted);
    const retry = engine.execute(ADMIN, 'ticket:issue', 'same', counted);
    const misuse = await engine.execute(ADMIN, 'counter:open', 'same', (ctx) =>
      openCounter(ctx, 'loket-1'),
    );
    expect(await retry).toEqual(await first);
    expect(runs).toBe(1);
    expect(savedTickets()).toBe(1);
    expect(!misuse.ok && misuse.error.code).toBe('conflict');
    // And once saved, a retry is answered from the database, still without running.
    expect(await engine.execute(ADMIN, 'ticket:issue', 'same', counted)).toEqual(await first);
    expect(runs).toBe(1);
    db.close();
  });

  it('when the batch cannot be saved, then every command of it gets an error and the queue is as it was', async () => {
    const { db, engine, savedTickets, savedCommands } = await engineOnDemoBuilding();
    await engine.execute(ADMIN, 'ticket:issue', 'i1', issue(1));
    await engine.execute(ADMIN, 'counter:open', 'o1', (ctx) => openCounter(ctx, 'loket-1'));
    const before = engine.queue;
    const published: QueueChange[] = [];
    engine.onChange((change) => published.push(change));
    let failNext = true;
    engine.onSave(() => {
      if (!failNext) return;
      failNext = false;
      throw new Error('disk I/O error');
    });

    const batch: Promise<Result<CommandAck>>[] = [
      engine.execute(ADMIN, 'ticket:issue', 'i2', issue(2)),
      engine.execute(ADMIN, 'counter:call-next', 'c1', (ctx) => callNext(ctx, 'loket-1')),
    ];
    const answers = await Promise.all(batch);
    expect(answers.map((a) => !a.ok && a.error.code)).toEqual(['internal', 'internal']);
    expect([engine.queue, engine.latest]).toEqual([before, before]);
    expect([savedTickets(), savedCommands(), published]).toEqual([1, 2, []]);

    // The same commands sent again run now, on the queue as it was.
    const again = await engine.execute(ADMIN, 'counter:call-next', 'c1', (ctx) =>
      callNext(ctx, 'loket-1'),
    );
    expect(again.ok && again.value.tickets[0]?.id).toBe('t1');
    db.close();
  });

  it('when commands arrive while a batch is being saved, then they decide on top of it and are saved next, in order', async () => {
    const { db, engine, savedTickets, holdNextCommit } = await engineOnDemoBuilding();
    const held = holdNextCommit();
    let runs = 0;
    const first = engine.execute(ADMIN, 'ticket:issue', 'p1', (ctx) => {
      runs += 1;
      return issue(1)(ctx);
    });
    await turns(2); // decided, then its batch is being saved
    const next = [2, 3].map((n) => engine.execute(ADMIN, 'ticket:issue', `p${n}`, issue(n)));
    const retry = engine.execute(ADMIN, 'ticket:issue', 'p1', issue(9));
    await turns(2);
    expect([savedTickets(), engine.latest.tickets.size, engine.queue.tickets.size]).toEqual([
      0, 3, 0,
    ]);
    held.open();
    const acks = await Promise.all([first, ...next, retry]);
    expect(acks.map((a) => a.ok && a.value.tickets[0]?.number)).toEqual([1, 2, 3, 1]);
    expect(runs).toBe(1);
    expect(savedTickets()).toBe(3);
    expect(engine.batchStats()).toEqual({ batches: 2, commands: 3, largest: 2 });
    db.close();
  });

  it('when a batch fails while the next is being decided on top of it, then both are refused and the queue is as before', async () => {
    const { db, engine, savedTickets, savedCommands, holdNextCommit } =
      await engineOnDemoBuilding();
    const held = holdNextCommit();
    const first = engine.execute(ADMIN, 'ticket:issue', 'f1', issue(1));
    await turns(2);
    const onTop = engine.execute(ADMIN, 'ticket:issue', 'f2', issue(2));
    await turns(2);
    held.fail(new Error('could not serialize access'));
    const answers = await Promise.all([first, onTop]);
    expect(answers.map((a) => !a.ok && a.error.code)).toEqual(['internal', 'internal']);
    expect([savedTickets(), savedCommands(), engine.latest.tickets.size]).toEqual([0, 0, 0]);
    // Sent again, the second runs on the queue as it was: it gets number 1.
    const again = await engine.execute(ADMIN, 'ticket:issue', 'f2', issue(2));
    expect(again.ok && again.value.tickets[0]?.number).toBe(1);
    db.close();
  });

  it('when a flush saves a batch before its turn comes, then the batches after it are still saved and answered', async () => {
    const { db, engine, savedTickets } = await engineOnDemoBuilding();
    const first = engine.execute(ADMIN, 'ticket:issue', 'e1', issue(1));
    while (engine.latest.tickets.size === 0) await Promise.resolve(); // decided, same turn
    await engine.flush(); // saved now; the turn's own save then finds nothing to do
    await turns(2);
    const second = engine.execute(ADMIN, 'ticket:issue', 'e2', issue(2));
    const late = new Promise((resolve) => setTimeout(() => resolve('not answered'), 2000));
    expect(await Promise.race([second, late])).toMatchObject({ ok: true });
    expect((await first).ok).toBe(true);
    expect(savedTickets()).toBe(2);
    await engine.flush();
    db.close();
  });

  it('when the connection is lost during a commit, then the queue is read back and each command answered by what was saved', async () => {
    const { db, engine, savedTickets, losses } = await engineOnDemoBuilding();
    const reloaded: number[] = [];
    engine.onReload((queue) => reloaded.push(queue.tickets.size));
    // Saved, but the answer never came: the command is answered as saved, the queue has it.
    losses.push('after');
    const saved = await engine.execute(ADMIN, 'ticket:issue', 'u1', issue(1));
    expect(saved.ok && saved.value.tickets[0]?.number).toBe(1);
    expect([savedTickets(), engine.queue.tickets.size, engine.latest.tickets.size]).toEqual([
      1, 1, 1,
    ]);
    // Lost before the server saved it: answered with an error, nothing kept.
    losses.push('before');
    const lost = await engine.execute(ADMIN, 'ticket:issue', 'u2', issue(2));
    expect(!lost.ok && lost.error.code).toBe('internal');
    expect(reloaded).toEqual([1, 1]);
    // The next number follows what is saved: 2, not 3 and not 1 again.
    const next = await engine.execute(ADMIN, 'ticket:issue', 'u3', issue(3));
    expect(next.ok && next.value.tickets[0]?.number).toBe(2);
    db.close();
  });

  it('when a change listener throws after the save, then the hub keeps running and every command is answered', async () => {
    const { db, engine, savedTickets } = await engineOnDemoBuilding();
    engine.onChange(() => {
      throw new Error('a listener bug');
    });
    const acks = await Promise.all([
      engine.execute(ADMIN, 'ticket:issue', 'i1', issue(1)),
      engine.execute(ADMIN, 'ticket:issue', 'i2', issue(2)),
    ]);
    expect(acks.map((a) => a.ok)).toEqual([true, true]);
    expect([savedTickets(), engine.queue.tickets.size]).toEqual([2, 2]);
    db.close();
  });
});
