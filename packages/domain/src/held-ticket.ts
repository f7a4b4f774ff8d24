import type { CommandContext, CounterAt } from './command-context';
import { findOpenCounter, heldTicket } from './command-context';
import type { QueueChange, QueueEvent } from './queue-state';
import { emptyChange } from './queue-state';
import type { Result } from './result';
import { ok } from './result';
import type { Ticket } from './ticket';

/** Runs a command on the ticket an open counter holds; or says why it holds none. */
export function withHeld(
  ctx: CommandContext,
  counterId: string,
  act: (at: CounterAt, ticket: Ticket) => Result<QueueChange>,
): Result<QueueChange> {
  const at = findOpenCounter(ctx, counterId);
  if (!at.ok) return at;
  const held = heldTicket(ctx, at.value);
  return held.ok ? act(at.value, held.value) : held;
}

/** The counter lets go of its ticket. */
export function release(
  ctx: CommandContext,
  at: CounterAt,
  ticket: Ticket,
  event: QueueEvent,
): Result<QueueChange> {
  return ok({
    ...emptyChange(),
    tickets: [ticket],
    counters: [{ ...at.status, ticketId: null, since: ctx.now }],
    events: [event],
  });
}
