import type { CommandContext } from './command-context';
import { eventOf } from './command-context';
import type { CounterState, QueueChange } from './queue-state';
import { emptyChange } from './queue-state';
import type { Ticket } from './ticket';
import { moveTicket } from './ticket';

/**
 * Tickets and counters agree when a counter holds a ticket iff that ticket is called or being
 * served at it. (A parked ticket keeps the counter it left, but the counter lets go of it.)
 */
export type HoldProblem =
  /** The counter holds a ticket that is not in the state (another day, or none at all). */
  | 'held_ticket_missing'
  /** The counter holds a ticket that is not called or serving there. */
  | 'held_ticket_elsewhere'
  /** A ticket is called or serving at a counter that does not hold it. */
  | 'active_ticket_unheld';

export interface HoldDisagreement {
  problem: HoldProblem;
  counterId: string | null;
  ticketId: string;
}

export interface HoldView {
  tickets: ReadonlyMap<string, Ticket>;
  counters: ReadonlyMap<string, CounterState>;
}

/** Where only a change's tickets and counters can have broken the agreement. */
export interface HoldScope {
  ticketIds: ReadonlySet<string>;
  counterIds: ReadonlySet<string>;
}

const isHeldStatus = (ticket: Ticket): boolean =>
  ticket.status === 'called' || ticket.status === 'serving';

/** Every disagreement between tickets and counters, over all of them or within a scope. */
export function holdDisagreements(view: HoldView, scope?: HoldScope): HoldDisagreement[] {
  const found: HoldDisagreement[] = [];
  const counters = scope
    ? [...scope.counterIds].flatMap((id) => view.counters.get(id) ?? [])
    : view.counters.values();
  for (const counter of counters) {
    if (counter.ticketId === null) continue;
    const ticket = view.tickets.get(counter.ticketId);
    if (!ticket) found.push(problem('held_ticket_missing', counter.counterId, counter.ticketId));
    else if (!isHeldStatus(ticket) || ticket.counterId !== counter.counterId)
      found.push(problem('held_ticket_elsewhere', counter.counterId, ticket.id));
  }
  const tickets = scope
    ? [...scope.ticketIds].flatMap((id) => view.tickets.get(id) ?? [])
    : view.tickets.values();
  for (const ticket of tickets) {
    if (!isHeldStatus(ticket)) continue;
    const holder = ticket.counterId === null ? undefined : view.counters.get(ticket.counterId);
    if (holder?.ticketId !== ticket.id)
      found.push(problem('active_ticket_unheld', ticket.counterId, ticket.id));
  }
  return found;
}

/**
 * The tickets and counters a change can have put out of agreement: those it writes, and those
 * they held or were held by before and after it.
 */
export function scopeOfChange(before: HoldView, change: QueueChange): HoldScope {
  const ticketIds = new Set<string>();
  const counterIds = new Set<string>();
  const addCounter = (counter: CounterState | undefined): void => {
    if (!counter) return;
    counterIds.add(counter.counterId);
    if (counter.ticketId !== null) ticketIds.add(counter.ticketId);
  };
  const addTicket = (ticket: Ticket | undefined): void => {
    if (!ticket) return;
    ticketIds.add(ticket.id);
    if (ticket.counterId !== null) counterIds.add(ticket.counterId);
  };
  for (const counter of change.counters) {
    addCounter(counter);
    addCounter(before.counters.get(counter.counterId));
  }
  for (const ticket of change.tickets) {
    addTicket(ticket);
    addTicket(before.tickets.get(ticket.id));
  }
  return { ticketIds, counterIds };
}

/**
 * Brings a disagreeing state back into agreement without guessing: a counter lets go of a
 * ticket that is not called or served there (the ticket keeps its own status), and a ticket
 * called or served at a counter that does not hold it goes back to waiting at its place, to
 * be called again. Nothing is lost; at worst a visitor is called twice.
 */
export function repairHolds(ctx: CommandContext, found: HoldDisagreement[]): QueueChange {
  const change = emptyChange();
  for (const { problem, counterId, ticketId } of found) {
    if (problem === 'active_ticket_unheld') {
      const ticket = ctx.state.tickets.get(ticketId);
      if (!ticket) continue;
      const moved = moveTicket(ticket, 'waiting', {
        counterId: null,
        officerId: null,
        servingAt: null,
      });
      if (!moved.ok) continue;
      change.tickets.push(moved.value);
      change.events.push(
        eventOf(ctx, 'ticket:requeued', moved.value, ticket.counterId, {
          from: ticket.status,
          repair: problem,
        }),
      );
    } else if (counterId !== null) {
      const counter = ctx.state.counters.get(counterId);
      if (counter) change.counters.push({ ...counter, ticketId: null, since: ctx.now });
    }
  }
  return change;
}

const problem = (
  kind: HoldProblem,
  counterId: string | null,
  ticketId: string,
): HoldDisagreement => ({ problem: kind, counterId, ticketId });
