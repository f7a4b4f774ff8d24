import type { CounterState, QueueEvent, ServiceDayState, Ticket } from '@antre/domain';
import { queueOf } from '@antre/domain';
import type pg from 'pg';
import type { RequestOrigin } from '../audit/request-origin';
import { fence } from '../cluster/lease';
import type { PgBuilding } from '../db/pg/pg-database';
import { pgRunner } from '../db/sql';
import { inTransaction } from '../db/pg/pg-database';
import type { CounterStateRow, EventRow, TicketRow } from './queue-rows';
import { toCounterState, toCounterStateRow, toEvent, toTicket, toTicketRow } from './queue-rows';
import type { QueueStorage, QueueWrite } from './queue-storage';

/**
 * The queue on PostgreSQL, in the building's schema. A batch is a handful of statements
 * whatever its size: each table's rows go in one statement as arrays (`unnest`), so a batch
 * costs a few round trips and one commit. Every write first checks the building's lease
 * (`fence`): the epoch this process was given when it became active, from `epoch()`, or it
 * writes nothing and throws `FencedError`.
 */
export function createPgQueueStorage(db: PgBuilding, epoch: () => number): QueueStorage {
  const { pool, building } = db;
  const fenced = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> =>
    inTransaction(pool, async (client) => {
      await fence(client, building, epoch());
      return work(client);
    });

  return {
    commit: (writes) =>
      fenced(async (client) => {
        await saveChanges(client, writes);
        // Other stores' writes in the batch (a booking checked in, messages queued) join its
        // transaction, after the queue's rows they may refer to.
        const tx = pgRunner(client);
        for (const w of writes) await w.alongside?.(tx);
        const commands = writes.flatMap((w) => (w.command ? [w.command] : []));
        if (commands.length > 0)
          await client.query(
            `INSERT INTO commands (actor, id, name, result, at)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[])`,
            columns(commands, [
              (c) => c.actor,
              (c) => c.id,
              (c) => c.name,
              (c) => JSON.stringify(c.result),
              (c) => c.at,
            ]),
          );
      }),

    async loadQueue(serviceDay) {
      // One snapshot for the three reads, so tickets and counters agree as saved.
      const [tickets, counters, services] = await inTransaction(pool, async (client) => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        return [
          await client.query<TicketRow>('SELECT * FROM tickets WHERE service_day = $1', [
            serviceDay,
          ]),
          await client.query<CounterStateRow>('SELECT * FROM counter_states'),
          await client.query<{
            service_id: string;
            last_number: number;
            regular_streak: number | null;
          }>(
            'SELECT service_id, last_number, regular_streak FROM service_days WHERE service_day = $1',
            [serviceDay],
          ),
        ] as const;
      });
      return queueOf(serviceDay, {
        tickets: tickets.rows.map(toTicket),
        counters: counters.rows.map(toCounterState),
        services: services.rows.map((r): ServiceDayState => ({
          serviceId: r.service_id,
          lastNumber: r.last_number,
          regularStreak: r.regular_streak,
        })),
      });
    },

    async unfinishedDaysBefore(serviceDay) {
      const result = await pool.query<{ service_day: string }>(
        `SELECT DISTINCT service_day FROM tickets WHERE service_day < $1
         AND status IN ('printing', 'waiting', 'called', 'serving', 'parked', 'no_show')
         ORDER BY service_day`,
        [serviceDay],
      );
      return result.rows.map((r) => r.service_day);
    },

    async ticketByCode(code) {
      const result = await pool.query<TicketRow>('SELECT * FROM tickets WHERE code = $1', [code]);
      return result.rows[0] ? toTicket(result.rows[0]) : undefined;
    },

    async eventsOfDay(serviceDay, types, limit) {
      const result = await pool.query<EventRow>(
        `SELECT * FROM ticket_events WHERE service_day = $1 AND type = ANY($2::text[])
         ORDER BY seq DESC LIMIT $3`,
        [serviceDay, [...types], limit],
      );
      return result.rows.reverse().map(toEvent);
    },

    async issuingDevice(ticketId) {
      const result = await pool.query<{ actor_device_id: string | null }>(
        "SELECT actor_device_id FROM ticket_events WHERE ticket_id = $1 AND type = 'ticket:issued'",
        [ticketId],
      );
      return result.rows[0]?.actor_device_id ?? null;
    },

    async findCommand(actor, id) {
      const result = await pool.query<{ name: string; result: string }>(
        'SELECT name, result FROM commands WHERE actor = $1 AND id = $2',
        [actor, id],
      );
      return result.rows[0];
    },

    forgetCommandsBefore: (at) =>
      fenced(async (client) => {
        await client.query('DELETE FROM commands WHERE at < $1', [at]);
      }),

    async savedServiceDay() {
      const result = await pool.query<{ value: string }>(
        "SELECT value FROM hub_state WHERE key = 'service_day'",
      );
      return result.rows[0]?.value;
    },

    saveServiceDay: (day) =>
      fenced(async (client) => {
        await client.query(
          `INSERT INTO hub_state (key, value) VALUES ('service_day', $1)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [day],
        );
      }),

    saveHoldRepairs: (serviceDay, change, found, now) =>
      fenced(async (client) => {
        await saveChanges(client, [{ serviceDay, change }]);
        await client.query(
          `INSERT INTO audit_log (at, actor_user_id, actor_device_id, action, target, detail)
           SELECT $1, NULL, NULL, 'queue.repaired', target, detail
           FROM unnest($2::text[], $3::text[]) AS r(target, detail)`,
          [
            now,
            found.map((d) => d.counterId),
            found.map((d) => JSON.stringify({ problem: d.problem, ticketId: d.ticketId })),
          ],
        );
      }),
  };
}

/**
 * Tickets, counters and numbering are whole rows: a batch keeps each one's last version (an
 * upsert may not touch a row twice in one statement). "One ticket, one counter" is checked at
 * commit (the constraint is deferred): a batch may hand a ticket from one counter to another
 * in any order. Counters that let go are still written first, the order SQLite needs.
 */
async function saveChanges(client: pg.PoolClient, writes: readonly QueueWrite[]): Promise<void> {
  const tickets = new Map<string, Ticket>();
  const counters = new Map<string, CounterState>();
  const services = new Map<string, { day: string; state: ServiceDayState }>();
  const events: { day: string; event: QueueEvent; origin: RequestOrigin | undefined }[] = [];
  for (const w of writes) {
    if (!w.change) continue;
    for (const t of w.change.tickets) tickets.set(t.id, t);
    for (const c of w.change.counters) counters.set(c.counterId, c);
    for (const s of w.change.services)
      services.set(`${s.serviceId} ${w.serviceDay}`, { day: w.serviceDay, state: s });
    for (const e of w.change.events) events.push({ day: w.serviceDay, event: e, origin: w.origin });
  }
  const all = [...counters.values()].map(toCounterStateRow);
  for (const rows of [
    all.filter((c) => c.ticket_id === null),
    all.filter((c) => c.ticket_id !== null),
  ])
    if (rows.length > 0)
      await client.query(
        `INSERT INTO counter_states (counter_id, status, pause_reason, ticket_id, officer_id, since)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
         ON CONFLICT (counter_id) DO UPDATE SET status = excluded.status,
           pause_reason = excluded.pause_reason, ticket_id = excluded.ticket_id,
           officer_id = excluded.officer_id, since = excluded.since`,
        COUNTER_COLUMNS.map((c) => rows.map((r) => r[c])),
      );
  if (tickets.size > 0) {
    const rows = [...tickets.values()].map(toTicketRow);
    await client.query(
      `INSERT INTO tickets (${TICKET_COLUMNS.map(([name]) => name).join(', ')})
       SELECT * FROM unnest(${TICKET_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${TICKET_UPDATED.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      TICKET_COLUMNS.map(([name]) => rows.map((r) => r[name])),
    );
  }
  if (services.size > 0) {
    const rows = [...services.values()];
    await client.query(
      `INSERT INTO service_days (service_id, service_day, last_number, regular_streak)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[])
       ON CONFLICT (service_id, service_day) DO UPDATE SET last_number = excluded.last_number,
         regular_streak = excluded.regular_streak`,
      columns(rows, [
        (s) => s.state.serviceId,
        (s) => s.day,
        (s) => s.state.lastNumber,
        (s) => s.state.regularStreak,
      ]),
    );
  }
  if (events.length > 0)
    await client.query(
      `INSERT INTO ticket_events (type, at, service_day, ticket_id, counter_id, service_id,
         actor_user_id, actor_device_id, data)
       SELECT type, at, service_day, ticket_id, counter_id, service_id, actor_user_id,
         actor_device_id, data
       FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[])
         WITH ORDINALITY AS e(type, at, service_day, ticket_id, counter_id, service_id,
           actor_user_id, actor_device_id, data, n)
       ORDER BY n`,
      columns(events, [
        (e) => e.event.type,
        (e) => e.event.at,
        (e) => e.day,
        (e) => e.event.ticketId,
        (e) => e.event.counterId,
        (e) => e.event.serviceId,
        (e) => e.event.actor.userId,
        (e) => e.event.actor.deviceId,
        (e) => JSON.stringify(e.origin ? { ...e.event.data, ...e.origin } : e.event.data),
      ]),
    );
}

/** One array per column, for `unnest`. */
function columns<T>(rows: readonly T[], pick: ((row: T) => unknown)[]): unknown[][] {
  return pick.map((p) => rows.map(p));
}

const COUNTER_COLUMNS = [
  'counter_id',
  'status',
  'pause_reason',
  'ticket_id',
  'officer_id',
  'since',
] as const satisfies readonly (keyof CounterStateRow)[];

const TICKET_COLUMNS = [
  ['id', 'text'],
  ['code', 'text'],
  ['service_day', 'text'],
  ['origin_service_id', 'text'],
  ['service_id', 'text'],
  ['number', 'int'],
  ['label', 'text'],
  ['priority', 'text'],
  ['status', 'text'],
  ['channel', 'text'],
  ['issued_at', 'bigint'],
  ['sort_key', 'bigint'],
  ['called_at', 'bigint'],
  ['serving_at', 'bigint'],
  ['finished_at', 'bigint'],
  ['counter_id', 'text'],
  ['officer_id', 'text'],
  ['recall_count', 'int'],
  ['no_show_at', 'bigint'],
  ['park_reason', 'text'],
  ['transfer_note', 'text'],
  ['transferred_from_service_id', 'text'],
  ['void_reason', 'text'],
] as const satisfies readonly (readonly [keyof TicketRow, string])[];

/** What a ticket's later commands may change; its number, code and day never do. */
const TICKET_UPDATED = [
  'service_id',
  'status',
  'sort_key',
  'called_at',
  'serving_at',
  'finished_at',
  'counter_id',
  'officer_id',
  'recall_count',
  'no_show_at',
  'park_reason',
  'transfer_note',
  'transferred_from_service_id',
  'void_reason',
] as const satisfies readonly (keyof TicketRow)[];
