import type { HoldDisagreement, QueueChange, QueueEvent, QueueState, Ticket } from '@antre/domain';
import type { RequestOrigin } from '../audit/request-origin';
import type { Db } from '../db/database';
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
   * the messages a call queues). They are SQLite statements: on SQLite they run inside the
   * batch's transaction; the PostgreSQL store refuses a batch holding one until those stores
   * have PostgreSQL versions too.
   */
  alongside?: (() => void) | undefined;
}

export interface SavedCommand {
  name: string;
  /** The answer as JSON. */
  result: string;
}

/** The queue on SQLite: the hub's prepared statements, each call inside its own transaction. */
export function createSqliteQueueStorage(db: Db): QueueStorage {
  const store = createQueueStore(db);
  const commitBatch = db.transaction((writes: readonly QueueWrite[]) => {
    for (const w of writes) {
      if (w.change) store.saveChange(w.serviceDay, w.change, w.origin);
      w.alongside?.();
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
  const repair = db.transaction(
    (serviceDay: string, change: QueueChange, found: readonly HoldDisagreement[], now: number) => {
      store.saveChange(serviceDay, change);
      store.recordHoldRepairs([...found], now);
    },
  );
  // Settled promises: the caller awaits the same way whichever engine it has.
  const settle = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };
  return {
    commit: (writes) => settle(() => commitBatch(writes)),
    loadQueue: (day) => settle(() => store.loadQueue(day)),
    unfinishedDaysBefore: (day) => settle(() => store.unfinishedDaysBefore(day)),
    ticketByCode: (code) => settle(() => store.ticketByCode(code)),
    eventsOfDay: (day, types, limit) => settle(() => store.eventsOfDay(day, types, limit)),
    issuingDevice: (ticketId) => settle(() => store.issuingDevice(ticketId)),
    findCommand: (actor, id) => settle(() => store.findCommand(actor, id)),
    forgetCommandsBefore: (at) => settle(() => store.forgetCommandsBefore(at)),
    savedServiceDay: () => settle(() => store.savedServiceDay()),
    saveServiceDay: (day) => settle(() => store.saveServiceDay(day)),
    saveHoldRepairs: (day, change, found, now) => settle(() => repair(day, change, found, now)),
  };
}
