import type {
  HoldDisagreement,
  QueueChange,
  QueueEvent,
  QueueState,
  ServiceDayState,
  Ticket,
} from '@antre/domain';
import { queueOf } from '@antre/domain';
import type { RequestOrigin } from '../audit/request-origin';
import type { Db } from '../db/database';
import type { CounterStateRow, EventRow, TicketRow } from './queue-rows';
import { toCounterState, toCounterStateRow, toEvent, toTicket, toTicketRow } from './queue-rows';

export function createQueueStore(db: Db) {
  const upsertTicket = db.prepare<TicketRow>(
    `INSERT INTO tickets VALUES (@id, @code, @service_day, @origin_service_id, @service_id, @number,
       @label, @priority, @status, @channel, @issued_at, @sort_key, @called_at, @serving_at,
       @finished_at, @counter_id, @officer_id, @recall_count, @no_show_at, @park_reason,
       @transfer_note, @transferred_from_service_id, @void_reason)
     ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, status = excluded.status,
       sort_key = excluded.sort_key, called_at = excluded.called_at, serving_at = excluded.serving_at,
       finished_at = excluded.finished_at, counter_id = excluded.counter_id,
       officer_id = excluded.officer_id, recall_count = excluded.recall_count,
       no_show_at = excluded.no_show_at, park_reason = excluded.park_reason,
       transfer_note = excluded.transfer_note,
       transferred_from_service_id = excluded.transferred_from_service_id,
       void_reason = excluded.void_reason`,
  );
  const upsertCounter = db.prepare<CounterStateRow>(
    `INSERT INTO counter_states VALUES (@counter_id, @status, @pause_reason, @ticket_id, @officer_id, @since)
     ON CONFLICT (counter_id) DO UPDATE SET status = excluded.status, pause_reason = excluded.pause_reason,
       ticket_id = excluded.ticket_id, officer_id = excluded.officer_id, since = excluded.since`,
  );
  const upsertServiceDay = db.prepare(
    `INSERT INTO service_days (service_id, service_day, last_number, regular_streak) VALUES (?, ?, ?, ?)
     ON CONFLICT (service_id, service_day) DO UPDATE SET last_number = excluded.last_number,
       regular_streak = excluded.regular_streak`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO ticket_events (type, at, service_day, ticket_id, counter_id, service_id, actor_user_id, actor_device_id, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Read or written by every command: prepared once, not per command (a prepare costs as
  // much as the query).
  const selectCommand = db.prepare<[string, string], { name: string; result: string }>(
    'SELECT name, result FROM commands WHERE actor = ? AND id = ?',
  );
  const insertCommand = db.prepare(
    'INSERT INTO commands (actor, id, name, result, at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectIssuer = db.prepare<[string], { actor_device_id: string | null }>(
    "SELECT actor_device_id FROM ticket_events WHERE ticket_id = ? AND type = 'ticket:issued'",
  );
  const selectByCode = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE code = ?');

  return {
    /**
     * Writes a change; the caller wraps it in the command's transaction. The origin (address,
     * client program) goes with each event into the audit trail only, never to the feeds.
     */
    saveChange(serviceDay: string, change: QueueChange, origin?: RequestOrigin): void {
      // Counters first let go of tickets, so the one-holder constraint holds at every step.
      const releasing = change.counters.filter((c) => c.ticketId === null);
      const holding = change.counters.filter((c) => c.ticketId !== null);
      for (const c of [...releasing, ...holding]) upsertCounter.run(toCounterStateRow(c));
      for (const t of change.tickets) upsertTicket.run(toTicketRow(t));
      for (const s of change.services)
        upsertServiceDay.run(s.serviceId, serviceDay, s.lastNumber, s.regularStreak);
      for (const e of change.events) {
        insertEvent.run(
          e.type,
          e.at,
          serviceDay,
          e.ticketId,
          e.counterId,
          e.serviceId,
          e.actor.userId,
          e.actor.deviceId,
          JSON.stringify(origin ? { ...e.data, ...origin } : e.data),
        );
      }
    },

    /** A day's queue: its tickets and numbering, and the counters as they stand. */
    loadQueue(serviceDay: string): QueueState {
      const tickets = db
        .prepare<[string], TicketRow>('SELECT * FROM tickets WHERE service_day = ?')
        .all(serviceDay)
        .map(toTicket);
      const counters = db
        .prepare<[], CounterStateRow>('SELECT * FROM counter_states')
        .all()
        .map(toCounterState);
      const services = db
        .prepare<
          [string],
          { service_id: string; last_number: number; regular_streak: number | null }
        >('SELECT service_id, last_number, regular_streak FROM service_days WHERE service_day = ?')
        .all(serviceDay)
        .map((r): ServiceDayState => ({
          serviceId: r.service_id,
          lastNumber: r.last_number,
          regularStreak: r.regular_streak,
        }));
      return queueOf(serviceDay, { tickets, counters, services });
    },

    /** Days before `serviceDay` that still hold unfinished tickets. */
    unfinishedDaysBefore(serviceDay: string): string[] {
      return db
        .prepare<[string], { service_day: string }>(
          `SELECT DISTINCT service_day FROM tickets WHERE service_day < ?
           AND status IN ('printing', 'waiting', 'called', 'serving', 'parked', 'no_show') ORDER BY service_day`,
        )
        .all(serviceDay)
        .map((r) => r.service_day);
    },

    ticketByCode(code: string): Ticket | undefined {
      const row = selectByCode.get(code);
      return row ? toTicket(row) : undefined;
    },

    eventsOfDay(
      serviceDay: string,
      types: readonly QueueEvent['type'][],
      limit: number,
    ): QueueEvent[] {
      const placeholders = types.map(() => '?').join(', ');
      return db
        .prepare<unknown[], EventRow>(
          `SELECT * FROM ticket_events WHERE service_day = ? AND type IN (${placeholders}) ORDER BY seq DESC LIMIT ?`,
        )
        .all(serviceDay, ...types, limit)
        .reverse()
        .map(toEvent);
    },

    /** Repairs made at start go to the audit log, by the system, against the counter. */
    recordHoldRepairs(found: HoldDisagreement[], now: number): void {
      const insert = db.prepare(
        `INSERT INTO audit_log (at, actor_user_id, actor_device_id, action, target, detail)
         VALUES (?, NULL, NULL, 'queue.repaired', ?, ?)`,
      );
      for (const d of found)
        insert.run(now, d.counterId, JSON.stringify({ problem: d.problem, ticketId: d.ticketId }));
    },

    issuingDevice(ticketId: string): string | null {
      return selectIssuer.get(ticketId)?.actor_device_id ?? null;
    },

    findCommand(actor: string, id: string): { name: string; result: string } | undefined {
      return selectCommand.get(actor, id);
    },

    saveCommand(actor: string, id: string, name: string, result: unknown, now: number): void {
      insertCommand.run(actor, id, name, JSON.stringify(result), now);
    },

    forgetCommandsBefore(at: number): void {
      db.prepare('DELETE FROM commands WHERE at < ?').run(at);
    },

    /** The service day the engine last opened, kept in `hub_state`. */
    savedServiceDay(): string | undefined {
      return db
        .prepare<[], { value: string }>("SELECT value FROM hub_state WHERE key = 'service_day'")
        .get()?.value;
    },

    saveServiceDay(day: string): void {
      db.prepare(
        `INSERT INTO hub_state (key, value) VALUES ('service_day', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(day);
    },
  };
}

export type QueueStore = ReturnType<typeof createQueueStore>;
