import type { CommandContext } from './command-context';
import { eventOf, findTicket } from './command-context';
import { release, withHeld } from './held-ticket';
import type { QueueChange } from './queue-state';
import { emptyChange, ticketsOfService } from './queue-state';
import type { Result } from './result';
import { fail, ok } from './result';
import type { Ticket } from './ticket';
import { moveTicket } from './ticket';
import { checkTransferTarget, serviceToday } from './service-today';

export interface TransferRequest {
  toServiceId: string;
  note: string;
  /** arrival: keeps the place its arrival time gives it; first: head of the queue. */
  position: 'arrival' | 'first';
}

/** "No wrong door": any service of any agency, keeping number and arrival time. */
export function transfer(
  ctx: CommandContext,
  counterId: string,
  request: TransferRequest,
): Result<QueueChange> {
  return withHeld(ctx, counterId, (at, ticket) => {
    const target = ctx.index.services.get(request.toServiceId);
    if (!target) return fail('service_not_found', `No service ${request.toServiceId}`);
    if (!target.active) return fail('service_inactive', `${target.name} is not offered`);
    if (target.id === ticket.serviceId)
      return fail('same_service', `${ticket.label} is already queued for ${target.name}`);
    const today = serviceToday(ctx.index, ctx.state, target.id, ctx.now);
    const check = today ? checkTransferTarget(today) : null;
    if (check && !check.allowed)
      return fail('service_closed', `${target.name} serves no one else today (${check.reason})`);
    const moved = moveTicket(ticket, 'waiting', {
      serviceId: target.id,
      sortKey:
        request.position === 'first' ? firstPosition(ctx, target.id, ticket) : ticket.issuedAt,
      calledAt: null,
      servingAt: null,
      counterId: null,
      officerId: null,
      recallCount: 0,
      transferNote: request.note,
      transferredFromServiceId: ticket.serviceId,
    });
    if (!moved.ok) return moved;
    const event = eventOf(ctx, 'ticket:transferred', moved.value, at.counter.id, {
      fromServiceId: ticket.serviceId,
      toServiceId: target.id,
      note: request.note,
      position: request.position,
    });
    return release(ctx, at, moved.value, event);
  });
}

function firstPosition(ctx: CommandContext, serviceId: string, ticket: Ticket): number {
  let first = ticket.issuedAt;
  for (const t of ticketsOfService(ctx.state, serviceId).waiting.values())
    first = Math.min(first, t.sortKey - 1);
  return first;
}

/** A visitor marked absent who turns up within the window joins the back of the queue. */
export function requeueLate(ctx: CommandContext, ticketId: string): Result<QueueChange> {
  const found = findTicket(ctx, ticketId);
  if (!found.ok) return found;
  const ticket = found.value;
  // Only an absent ticket: a called or serving one may also become waiting (on transfer),
  // and requeueing it here would leave its counter holding a ticket back in the queue.
  if (ticket.status !== 'no_show')
    return fail('illegal_transition', `${ticket.label} is ${ticket.status}, not absent`);
  const windowMs = ctx.index.site.noShowRequeueMinutes * 60_000;
  if (ticket.noShowAt !== null && ctx.now - ticket.noShowAt > windowMs) {
    return fail(
      'requeue_window_passed',
      `${ticket.label} was marked absent more than ${ctx.index.site.noShowRequeueMinutes} minutes ago`,
    );
  }
  const moved = moveTicket(ticket, 'waiting', {
    sortKey: ctx.now,
    counterId: null,
    calledAt: null,
    servingAt: null,
    recallCount: 0,
  });
  if (!moved.ok) return moved;
  return ok({
    ...emptyChange(),
    tickets: [moved.value],
    events: [eventOf(ctx, 'ticket:requeued', moved.value, null)],
  });
}
