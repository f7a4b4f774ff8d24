import type { HoldDisagreement } from '@antre/domain';
import { holdDisagreements } from '@antre/domain';
import type { Db } from '../db/database';
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
