import type {
  Building,
  BuildingIndex,
  CommandContext,
  HoldDisagreement,
  QueueChange,
  QueueState,
} from '@antre/domain';
import {
  applyChange,
  clockMinutes,
  confirmPrint,
  emptyChange,
  expireTickets,
  holdDisagreements,
  indexBuilding,
  localMoment,
  repairHolds,
  scopeOfChange,
  serviceDay,
} from '@antre/domain';
import type { CommandAck, CommandName, Result } from '@antre/protocol';
import { errResult, okResult } from '@antre/protocol';
import type { RequestOrigin } from '../audit/request-origin';
import type { Principal } from '../auth/principal';
import { actorKey, actorOf } from '../auth/principal';
import type { Db } from '../db/database';
import { createGroupCommit } from './group-commit';
import type { QueueStore } from './queue-store';

export type { BatchListener, ChangeListener } from './group-commit';
export type DayListener = (queue: QueueState) => void;
/** Runs inside the change's transaction: what it writes is kept with the change or not at all. */
export type SaveListener = (change: QueueChange, before: QueueState, after: QueueState) => void;

const SYSTEM = { userId: null, deviceId: null };
const KEEP_COMMANDS_MS = 2 * 24 * 60 * 60_000;

/**
 * Holds today's queue in memory and is the only writer of it. Node runs one command at a
 * time against the latest state, so call-next is atomic; commands decided in one turn are
 * saved, published and answered together (group-commit.ts). A batch that fails to save
 * leaves the queue as it was before the batch, and each of its commands gets an error.
 * Reading the queue never writes: the day changes only in `rollDayIfNeeded`, which the
 * housekeeping tick and every command call first.
 */
export function createQueueEngine(
  db: Db,
  store: QueueStore,
  building: Building,
  clock: () => number,
) {
  let index: BuildingIndex = indexBuilding(building);
  /** Saved and published: what readers see. */
  let queue: QueueState = startDay();
  /** What the next command decides against: `queue` plus the batch not yet saved. */
  let latest: QueueState = queue;
  const commits = createGroupCommit(db, {
    saved: (after) => {
      if (after) queue = after;
    },
    failed: () => {
      latest = queue;
    },
  });
  settleUnfinishedPrints();
  repairDisagreeingHolds();
  const dayListeners: DayListener[] = [];
  const saveListeners: SaveListener[] = [];

  function startDay(): QueueState {
    const today = serviceDay(clock(), index.site.timezone);
    const lastDay = store.savedServiceDay();
    const stale = new Set(store.unfinishedDaysBefore(today));
    if (lastDay && lastDay < today) stale.add(lastDay);
    for (const day of [...stale].sort()) closeDay(store.loadQueue(day));
    store.saveServiceDay(today);
    return store.loadQueue(today);
  }

  /**
   * At start nothing is printing any more: a ticket left in `printing` by a crash may already
   * be in a visitor's hand, so it joins the queue at its arrival rather than being lost. At
   * worst a ticket that never came out is called once and marked absent.
   */
  function settleUnfinishedPrints(): void {
    const change = emptyChange();
    for (const ticket of queue.tickets.values()) {
      if (ticket.status !== 'printing') continue;
      const confirmed = confirmPrint(contextFor(queue, SYSTEM), ticket.id);
      if (!confirmed.ok) continue;
      change.tickets.push(...confirmed.value.tickets);
      change.events.push(
        ...confirmed.value.events.map((e) => ({ ...e, data: { ...e.data, afterRestart: true } })),
      );
    }
    if (change.tickets.length === 0) return;
    db.transaction(() => store.saveChange(queue.serviceDay, change))();
    queue = latest = applyChange(queue, change);
  }

  /**
   * Tickets and counters must agree (a counter holds a ticket iff it is called or served
   * there). A database that says otherwise (an older hub's bug, a hand edit) is repaired at
   * start where that is safe, and each repair is logged and audited; otherwise the hub refuses.
   */
  function repairDisagreeingHolds(): void {
    const found = holdDisagreements(queue);
    if (found.length === 0) return;
    const change = repairHolds(contextFor(queue, SYSTEM), found);
    const repaired = applyChange(queue, change);
    const left = holdDisagreements(repaired);
    if (left.length > 0) {
      throw new Error(
        `The database's tickets and counters disagree and cannot be repaired safely: ${describeHolds(left)}`,
      );
    }
    db.transaction(() => {
      store.saveChange(queue.serviceDay, change);
      store.recordHoldRepairs(found, clock());
    })();
    console.warn(`Repaired tickets and counters that disagreed: ${describeHolds(found)}`);
    queue = latest = repaired;
  }

  function closeDay(dayQueue: QueueState): void {
    const change = expireTickets(contextFor(dayQueue, SYSTEM), 'all');
    db.transaction(() => store.saveChange(dayQueue.serviceDay, change))();
  }

  function contextFor(on: QueueState, actor: CommandContext['actor']): CommandContext {
    return { index, state: on, now: clock(), actor };
  }

  /**
   * Closes the open day and opens today's once the clock has passed midnight in the site's
   * zone; says whether it did. Called before a command or the housekeeping reads the queue.
   */
  function rollDayIfNeeded(now = clock()): boolean {
    const today = serviceDay(now, index.site.timezone);
    if (today === latest.serviceDay) return false;
    commits.flush();
    closeDay(queue);
    store.forgetCommandsBefore(now - KEEP_COMMANDS_MS);
    store.saveServiceDay(today);
    queue = latest = store.loadQueue(today);
    for (const listener of dayListeners) listener(queue);
    return true;
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
    onSave: (listener: SaveListener) => saveListeners.push(listener),
    rollDayIfNeeded,

    /**
     * Runs a command once per (actor, command id): the result, success or refusal, is saved
     * with the change, and a retry gets it back without running the command again.
     */
    execute(
      principal: Principal,
      name: CommandName | 'booking:check-in',
      commandId: string,
      run: (ctx: CommandContext) => Result<QueueChange>,
      origin?: RequestOrigin,
      /** Saved in the same transaction as the change (a booking marked checked in). */
      alongside?: (change: QueueChange) => void,
    ): Promise<Result<CommandAck>> {
      rollDayIfNeeded();
      const actor = actorKey(principal);
      const key = `${actor} ${commandId}`;
      const waiting = commits.waiting(key);
      const seen = waiting ?? store.findCommand(actor, commandId);
      if (seen) {
        if (seen.name !== name)
          return Promise.resolve(
            errResult('conflict', `Command id ${commandId} was already used for ${seen.name}`),
          );
        // A retry gets the first answer, saved or about to be.
        return 'answer' in seen
          ? seen.answer
          : Promise.resolve(JSON.parse(seen.result) as Result<CommandAck>);
      }
      const before = latest;
      const ctx = contextFor(before, actorOf(principal));
      const outcome = run(ctx);
      const next = outcome.ok ? applyChange(before, outcome.value) : before;
      // A rule that would leave tickets and counters disagreeing is a bug: nothing is saved.
      const broken = outcome.ok
        ? holdDisagreements(next, scopeOfChange(before, outcome.value))
        : [];
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
      return commits.join({
        key,
        name,
        save: () => {
          if (outcome.ok) {
            store.saveChange(before.serviceDay, outcome.value, origin);
            alongside?.(outcome.value);
            for (const listener of saveListeners) listener(outcome.value, before, next);
          }
          store.saveCommand(actor, commandId, name, ack, ctx.now);
        },
        published: outcome.ok ? { change: outcome.value, next } : null,
        ack,
      });
    },

    /** Saves the commands waiting for their batch now (before a day change, at shutdown). */
    flush: commits.flush,

    /** Periodic housekeeping: day change, and expiry of the waiting after closing. */
    tick(): void {
      const now = clock();
      rollDayIfNeeded(now);
      commits.flush();
      const local = localMoment(now, index.site.timezone);
      const hours = index.site.hours[local.weekday];
      if (!hours) return;
      if (local.minutes < clockMinutes(hours.close) + index.site.expireAfterCloseMinutes) return;
      const change = expireTickets(contextFor(queue, SYSTEM), 'waiting');
      if (change.tickets.length === 0) return;
      const next = applyChange(queue, change);
      db.transaction(() => {
        store.saveChange(queue.serviceDay, change);
        for (const listener of saveListeners) listener(change, queue, next);
      })();
      queue = latest = next;
      commits.publish([{ change, next }]);
    },

    /** A new configuration takes effect for the next command. */
    replaceBuilding(next: Building): void {
      index = indexBuilding(next);
    },
  };
}

export type QueueEngine = ReturnType<typeof createQueueEngine>;

const describeHolds = (found: HoldDisagreement[]): string =>
  found.map((d) => `${d.problem} (counter ${d.counterId}, ticket ${d.ticketId})`).join(', ');
