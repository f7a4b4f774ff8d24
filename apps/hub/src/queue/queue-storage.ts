import type { HoldDisagreement, QueueChange, QueueEvent, QueueState, Ticket } from '@antre/domain';
import type { RequestOrigin } from '../audit/request-origin';
import type { Db } from '../db/database';
import type { SqliteSql, SqlRunner } from '../db/sql';
import { createSqliteSql } from '../db/sql';
import { createQueueStore } from './queue-store';

/**
 * The queue's persistence as both engines keep it: SQLite in the hub's file (the embedded
 * default) and PostgreSQL for a cluster (queue-storage-pg.ts). Every method answers with a
 * promise, so a store that talks to a server over the network fits the same engine; on SQLite
 * the promise is already settled, the work done synchronously as before.
 * One contract test suite (queue-storage.contract.test.ts) runs against both.
 */
export interface QueueStorage {
  /**
   * Saves a batch of commands in one transaction: all of it or nothing. Each write's change
   * (tickets, counters, numbering, events) and the command's answer, for retries.
   */
  commit(writes: readonly QueueWrite[]): Promise<void>;
  /** A day's queue: its tickets and numbering, and the counters as they stand. */
  loadQueue(serviceDay: string): Promise<QueueState>;
  /** Days before `serviceDay` that still hold unfinished tickets, oldest first. */
  unfinishedDaysBefore(serviceDay: string): Promise<string[]>;
  ticketByCode(code: string): Promise<Ticket | undefined>;
  /** The day's latest `limit` events of these types, oldest first. */
  eventsOfDay(
    serviceDay: string,
    types: readonly QueueEvent['type'][],
    limit: number,
  ): Promise<QueueEvent[]>;
  /** The device that issued a ticket (a kiosk), or null. */
  issuingDevice(ticketId: string): Promise<string | null>;
  findCommand(actor: string, id: string): Promise<SavedCommand | undefined>;
  forgetCommandsBefore(at: number): Promise<void>;
  /** The service day the engine last opened. */
  savedServiceDay(): Promise<string | undefined>;
  saveServiceDay(day: string): Promise<void>;
  /** A repair made at start, with an audit entry per disagreement, in one transaction. */
  saveHoldRepairs(
    serviceDay: string,
    change: QueueChange,
    found: readonly HoldDisagreement[],
    now: number,
  ): Promise<void>;
}

/** One command's share of a batch. */
export interface QueueWrite {
  serviceDay: string;
  /** What it changed; null for a command that was refused (its answer is still kept). */
  change: QueueChange | null;
  /** Kept with each event, in the audit trail only. */
  origin?: RequestOrigin | undefined;
  command?: { actor: string; id: string; name: string; result: unknown; at: number } | undefined;
  /**
   * Writes of other stores kept with this change or not at all (a booking marked checked in,
   * the messages a call queues), made through `tx` inside the batch's transaction on either
   * engine.
   */
  alongside?: ((tx: SqlRunner) => void | Promise<void>) | undefined;
}

export interface SavedCommand {
  name: string;
  /** The answer as JSON. */
  result: string;
}

/**
 * The queue on SQLite: the hub's prepared statements, run alone on the connection (`exclusive`,
 * `transaction`), so no other store's transaction is ever open around them.
 */
export function createSqliteQueueStorage(
  db: Db,
  sql: SqliteSql = createSqliteSql(db),
): QueueStorage {
  const store = createQueueStore(db);
  const commitBatch = (writes: readonly QueueWrite[]) =>
    sql.transaction(async (tx) => {
      for (const w of writes) {
        if (w.change) store.saveChange(w.serviceDay, w.change, w.origin);
        // Most batches write nothing else, or only without waiting: then the batch is one
        // synchronous transaction, as it was before other stores could be asynchronous.
        const alongside = w.alongside?.(tx);
        if (alongside) await alongside;
        if (w.command)
          store.saveCommand(
            w.command.actor,
            w.command.id,
            w.command.name,
            w.command.result,
            w.command.at,
          );
      }
    });
  const repair = (
    serviceDay: string,
    change: QueueChange,
    found: readonly HoldDisagreement[],
    now: number,
  ) =>
    sql.transaction(() => {
      store.saveChange(serviceDay, change);
      store.recordHoldRepairs([...found], now);
      return Promise.resolve();
    });
  const read = <T>(work: () => T): Promise<T> => sql.exclusive(work);
  return {
    commit: commitBatch,
    loadQueue: (day) => read(() => store.loadQueue(day)),
    unfinishedDaysBefore: (day) => read(() => store.unfinishedDaysBefore(day)),
    ticketByCode: (code) => read(() => store.ticketByCode(code)),
    eventsOfDay: (day, types, limit) => read(() => store.eventsOfDay(day, types, limit)),
    issuingDevice: (ticketId) => read(() => store.issuingDevice(ticketId)),
    findCommand: (actor, id) => read(() => store.findCommand(actor, id)),
    forgetCommandsBefore: (at) => read(() => store.forgetCommandsBefore(at)),
    savedServiceDay: () => read(() => store.savedServiceDay()),
    saveServiceDay: (day) => read(() => store.saveServiceDay(day)),
    saveHoldRepairs: repair,
  };
}
