import type { HoldDisagreement } from '@antre/domain';
import { holdDisagreements } from '@antre/domain';
import type pg from 'pg';
import type { Db } from '../db/database';
import { inTransaction } from '../db/pg/pg-database';
import type { CounterStateRow, TicketRow } from './queue-rows';
import { toCounterState, toTicket } from './queue-rows';

/**
 * The tickets/counters agreement checked on the database itself, over every day: the tickets
 * called or served anywhere and those any counter holds. For tests and crash trials; it
 * reads a running hub's database safely.
 */
export function holdDisagreementsInDatabase(db: Db): HoldDisagreement[] {
  // One read transaction: a running hub may commit between the two reads.
  return db.transaction(() => readAndCheck(db))();
}

/** The same check on a building's schema on PostgreSQL (a pool from openPgBuilding). */
export async function holdDisagreementsInPg(pool: pg.Pool): Promise<HoldDisagreement[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tickets = await client.query<TicketRow>(
      `SELECT * FROM tickets WHERE status IN ('called', 'serving')
       OR id IN (SELECT ticket_id FROM counter_states WHERE ticket_id IS NOT NULL)`,
    );
    const counters = await client.query<CounterStateRow>('SELECT * FROM counter_states');
    return holdDisagreements({
      tickets: new Map(tickets.rows.map(toTicket).map((t) => [t.id, t])),
      counters: new Map(counters.rows.map(toCounterState).map((c) => [c.counterId, c])),
    });
  });
}

function readAndCheck(db: Db): HoldDisagreement[] {
  const tickets = db
    .prepare<[], TicketRow>(
      `SELECT * FROM tickets WHERE status IN ('called', 'serving')
       OR id IN (SELECT ticket_id FROM counter_states WHERE ticket_id IS NOT NULL)`,
    )
    .all()
    .map(toTicket);
  const counters = db
    .prepare<[], CounterStateRow>('SELECT * FROM counter_states')
    .all()
    .map(toCounterState);
  return holdDisagreements({
    tickets: new Map(tickets.map((t) => [t.id, t])),
    counters: new Map(counters.map((c) => [c.counterId, c])),
  });
}
