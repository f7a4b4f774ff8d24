import type { Counter } from './building';
import type {
  Actor,
  BuildingIndex,
  CounterState,
  EventData,
  QueueEvent,
  QueueEventType,
  QueueState,
} from './queue-state';
import { counterState } from './queue-state';
import type { Result } from './result';
import { fail, ok } from './result';
import type { Ticket } from './ticket';

/** Everything a queue command may read. Time comes in; nothing goes out but the change. */
export interface CommandContext {
  index: BuildingIndex;
  state: QueueState;
  now: number;
  actor: Actor;
}

export function eventOf(
  ctx: CommandContext,
  type: QueueEventType,
  ticket: Ticket | null,
  counterId: string | null,
  data: EventData = {},
): QueueEvent {
  return {
    type,
    at: ctx.now,
    actor: ctx.actor,
    ticketId: ticket?.id ?? null,
    counterId,
    serviceId: ticket?.serviceId ?? null,
    data,
  };
}

export function findTicket(ctx: CommandContext, ticketId: string): Result<Ticket> {
  const ticket = ctx.state.tickets.get(ticketId);
  return ticket ? ok(ticket) : fail('ticket_not_found', `No ticket ${ticketId} today`);
}

export interface CounterAt {
  counter: Counter;
  status: CounterState;
}

export function findCounter(ctx: CommandContext, counterId: string): Result<CounterAt> {
  const counter = ctx.index.counters.get(counterId);
  if (!counter) return fail('counter_not_found', `No counter ${counterId}`);
  return ok({ counter, status: counterState(ctx.state, counterId, ctx.now) });
}

/** A counter that may take a call: open, and not paused. */
export function findOpenCounter(ctx: CommandContext, counterId: string): Result<CounterAt> {
  const found = findCounter(ctx, counterId);
  if (!found.ok) return found;
  const { status, counter } = found.value;
  if (status.status === 'closed') return fail('counter_closed', `${counter.name} is closed`);
  if (status.status === 'paused') return fail('counter_paused', `${counter.name} is on a break`);
  return found;
}

/** The ticket a counter holds now, or an error saying it holds none. */
export function heldTicket(ctx: CommandContext, at: CounterAt): Result<Ticket> {
  const ticket = at.status.ticketId ? ctx.state.tickets.get(at.status.ticketId) : undefined;
  return ticket ? ok(ticket) : fail('counter_idle', `${at.counter.name} holds no ticket`);
}

export const serves = (counter: Counter, serviceId: string): boolean =>
  counter.services.some((link) => link.serviceId === serviceId);
