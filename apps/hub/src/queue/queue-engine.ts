import type {
  Building,
  BuildingIndex,
  CommandContext,
  QueueChange,
  QueueState,
} from '@antre/domain';
import {
  applyChange,
  clockMinutes,
  expireTickets,
  holdDisagreements,
  indexBuilding,
  localMoment,
  scopeOfChange,
  serviceDay,
} from '@antre/domain';
import type { CommandAck, CommandName, Result } from '@antre/protocol';
import { errResult, okResult } from '@antre/protocol';
import type { RequestOrigin } from '../audit/request-origin';
import type { Principal } from '../auth/principal';
import { actorKey, actorOf } from '../auth/principal';
import { closeDay, describeHolds, openDay, SYSTEM } from './day-start';
import { createGroupCommit } from './group-commit';
import type { SqlRunner } from '../db/sql';
import type { QueueStorage, SavedCommand } from './queue-storage';

export type { BatchListener, ChangeListener } from './group-commit';
export type DayListener = (queue: QueueState) => void;
/**
 * Runs inside the change's transaction and writes through `tx`: what it writes is kept with the
 * change or not at all.
 */
export type SaveListener = (
  change: QueueChange,
  before: QueueState,
  after: QueueState,
  tx: SqlRunner,
) => void | Promise<void>;

const KEEP_COMMANDS_MS = 2 * 24 * 60 * 60_000;

export interface ExecuteOptions {
  /** Kept with the change in the audit trail. */
  origin?: RequestOrigin | undefined;
  /**
   * Who may send it, judged on the queue the command decides against, at the same moment
   * (a counter's officer can change while a command waits for its lookup).
   */
  authorize?: () => Result<null>;
  /** Saved in the same transaction as the change (a booking marked checked in). */
  alongside?: (change: QueueChange, tx: SqlRunner) => void | Promise<void>;
}

/**
 * Holds today's queue in memory and is the only writer of it. Node runs one command at a
 * time against the latest state, so call-next is atomic: a command first looks up whether
 * its id has been answered (the only wait), then is authorised, decided and added to the
 * next batch with nothing in between. Batches are saved, published and answered together
 * (group-commit.ts). A batch that fails to save leaves the queue as it was before it, and
 * each of its commands gets an error. Reading the queue never writes: the day changes only
 * in `rollDayIfNeeded`, which the housekeeping tick and every command call first.
 * The storage is the promise contract (queue-storage.ts), so the same engine runs on
 * SQLite and on PostgreSQL.
 */
export async function openQueueEngine(
  storage: QueueStorage,
  building: Building,
  clock: () => number,
) {
  let index: BuildingIndex = indexBuilding(building);
  /** Saved and published: what readers see. */
  let queue: QueueState = await openDay(storage, index, clock);
  /** What the next command decides against: `queue` plus the batches not yet saved. */
  let latest: QueueState = queue;
  /** A day change under way: commands wait for it. */
  let rolling: Promise<boolean> | null = null;
  /** The queue being read back after a commit of unknown outcome: commands wait for it. */
  let reloading: Promise<void> | null = null;
  const commits = createGroupCommit(storage, {
    saved: (after) => {
      if (after) queue = after;
    },
    failed: () => {
      latest = queue;
    },
    reload: () => {
      // Nothing decides on a queue that may not be what is saved: commands wait for this.
      reloading = (async () => {
        try {
          queue = latest = await storage.loadQueue(latest.serviceDay);
        } finally {
          reloading = null;
        }
        for (const listener of reloadListeners) listener(queue);
      })();
      return reloading;
    },
  });
  const dayListeners: DayListener[] = [];
  /** Told when the queue was read back from the store (a commit's outcome was unknown). */
  const reloadListeners: DayListener[] = [];
  const saveListeners: SaveListener[] = [];

  function contextFor(on: QueueState, actor: CommandContext['actor']): CommandContext {
    return { index, state: on, now: clock(), actor };
  }

  const isToday = (now: number): boolean =>
    rolling === null &&
    reloading === null &&
    serviceDay(now, index.site.timezone) === latest.serviceDay;

  /**
   * Closes the open day and opens today's once the clock has passed midnight in the site's
   * zone; resolves with whether it did. Called before a command or the housekeeping reads the
   * queue; callers during a change wait for the same one.
   */
  function rollDayIfNeeded(now = clock()): Promise<boolean> {
    if (rolling) return rolling;
    const today = serviceDay(now, index.site.timezone);
    if (today === latest.serviceDay) return Promise.resolve(false);
    rolling = (async () => {
      try {
        await commits.flush();
        queue = latest = await closeDay(storage, contextFor(latest, SYSTEM));
        await storage.forgetCommandsBefore(now - KEEP_COMMANDS_MS);
        await storage.saveServiceDay(today);
        queue = latest = await storage.loadQueue(today);
      } finally {
        rolling = null;
      }
      for (const listener of dayListeners) listener(queue);
      return true;
    })();
    return rolling;
  }

  /**
   * A command id's answer: the one to come of a command waiting for its batch, or the one
   * saved. A batch saved while the store was asked may have held it: then it asks again.
   */
  async function recall(
    actor: string,
    commandId: string,
    key: string,
  ): Promise<{ name: string; answer: Promise<Result<CommandAck>> } | SavedCommand | undefined> {
    for (;;) {
      const waiting = commits.waiting(key);
      if (waiting) return waiting;
      const finished = commits.finished();
      const saved = await storage.findCommand(actor, commandId);
      if (saved || commits.finished() === finished) return saved;
    }
  }

  return {
    /** The open day's queue as saved and published; a pure read, even after midnight. */
    get queue(): QueueState {
      return queue;
    },
    /** The queue the next command decides against: the saved one and the batch being saved. */
    get latest(): QueueState {
      return latest;
    },
    /** Batches saved since start: how many, their commands, the largest. */
    batchStats: commits.stats,
    get index(): BuildingIndex {
      return index;
    },
    now: clock,
    onChange: commits.onChange,
    onBatch: commits.onBatch,
    onNewDay: (listener: DayListener) => dayListeners.push(listener),
    onReload: (listener: DayListener) => reloadListeners.push(listener),
    onSave: (listener: SaveListener) => saveListeners.push(listener),
    rollDayIfNeeded,
    /** Whether the open day is today's, with no change of day under way. */
    isToday,

    /**
     * Runs a command once per (actor, command id): the result, success or refusal, is saved
     * with the change, and a retry gets it back without running the command again.
     */
    async execute(
      principal: Principal,
      name: CommandName | 'booking:check-in',
      commandId: string,
      run: (ctx: CommandContext) => Result<QueueChange>,
      options: ExecuteOptions = {},
    ): Promise<Result<CommandAck>> {
      const actor = actorKey(principal);
      const key = `${actor} ${commandId}`;
      for (;;) {
        if (reloading) await reloading.catch(() => undefined);
        await rollDayIfNeeded();
        const seen = await recall(actor, commandId, key);
        if (seen) {
          if (seen.name !== name)
            return errResult(
              'conflict',
              `Command id ${commandId} was already used for ${seen.name}`,
            );
          // A retry gets the first answer, saved or about to be.
          return 'answer' in seen ? seen.answer : (JSON.parse(seen.result) as Result<CommandAck>);
        }
        // From here to the batch nothing waits: the command decides on the queue it was
        // authorised on. A command of the same id that got here first is waiting for its batch.
        if (!isToday(clock()) || commits.waiting(key)) continue;
        const allowed = options.authorize?.();
        if (allowed && !allowed.ok) return allowed;
        return decide(principal, name, commandId, actor, key, run, options);
      }
    },

    /** Saves the commands waiting for their batch now (before a day change, at shutdown). */
    flush: commits.flush,

    /** Periodic housekeeping: day change, and expiry of the waiting after closing. */
    async tick(): Promise<void> {
      const now = clock();
      await rollDayIfNeeded(now);
      if (!isToday(now)) return;
      const local = localMoment(now, index.site.timezone);
      const hours = index.site.hours[local.weekday];
      if (!hours) return;
      if (local.minutes < clockMinutes(hours.close) + index.site.expireAfterCloseMinutes) return;
      const change = expireTickets(contextFor(latest, SYSTEM), 'waiting');
      if (change.tickets.length === 0) return;
      const before = latest;
      const next = applyChange(before, change);
      latest = next;
      await commits.join({
        key: null,
        name: 'housekeeping:expire',
        write: {
          serviceDay: before.serviceDay,
          change,
          alongside:
            saveListeners.length > 0 ? (tx) => tellSaved(change, before, next, tx) : undefined,
        },
        published: { change, next },
        ack: okResult({ tickets: change.tickets, counters: change.counters }),
      });
    },

    /** A new configuration takes effect for the next command. */
    replaceBuilding(next: Building): void {
      index = indexBuilding(next);
    },
  };

  function tellSaved(
    change: QueueChange,
    before: QueueState,
    after: QueueState,
    tx: SqlRunner,
  ): void | Promise<void> {
    return inTurn(saveListeners.map((listener) => () => listener(change, before, after, tx)));
  }

  /** Decides a command on the latest queue and adds it to the next batch; all synchronous. */
  function decide(
    principal: Principal,
    name: CommandName | 'booking:check-in',
    commandId: string,
    actor: string,
    key: string,
    run: (ctx: CommandContext) => Result<QueueChange>,
    options: ExecuteOptions,
  ): Promise<Result<CommandAck>> {
    const before = latest;
    const ctx = contextFor(before, actorOf(principal));
    const outcome = run(ctx);
    const next = outcome.ok ? applyChange(before, outcome.value) : before;
    // A rule that would leave tickets and counters disagreeing is a bug: nothing is saved.
    const broken = outcome.ok ? holdDisagreements(next, scopeOfChange(before, outcome.value)) : [];
    if (broken.length > 0) {
      console.error(`${name} refused: it would break ${describeHolds(broken)}`);
      return Promise.resolve(
        errResult('internal', 'The hub could not complete this; nothing was changed'),
      );
    }
    const ack: Result<CommandAck> = outcome.ok
      ? okResult({ tickets: outcome.value.tickets, counters: outcome.value.counters })
      : { ok: false, error: outcome.error };
    latest = next;
    const change = outcome.ok ? outcome.value : null;
    const { alongside } = options;
    return commits.join({
      key,
      name,
      write: {
        serviceDay: before.serviceDay,
        change,
        origin: options.origin,
        command: { actor, id: commandId, name, result: ack, at: ctx.now },
        alongside:
          change && (alongside || saveListeners.length > 0)
            ? (tx) =>
                inTurn([() => alongside?.(change, tx), () => tellSaved(change, before, next, tx)])
            : undefined,
      },
      published: change ? { change, next } : null,
      ack,
    });
  }
}

/**
 * Runs the steps one after another, synchronously until one answers with a promise: writes that
 * need no wait stay in the same turn of the event loop as the batch they join.
 */
function inTurn(steps: readonly (() => void | Promise<void>)[], from = 0): void | Promise<void> {
  for (let i = from; i < steps.length; i++) {
    const pending = steps[i]?.();
    if (pending) return pending.then(() => inTurn(steps, i + 1));
  }
}

export type QueueEngine = Awaited<ReturnType<typeof openQueueEngine>>;
