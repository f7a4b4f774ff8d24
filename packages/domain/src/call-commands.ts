import type { CommandContext, CounterAt } from './command-context';
import { eventOf, findOpenCounter, findTicket, heldTicket, serves } from './command-context';
import { pickNext } from './ordering';
import type { QueueChange } from './queue-state';
import { emptyChange, serviceDayState } from './queue-state';
import type { Result } from './result';
import { fail, ok } from './result';
import type { Ticket } from './ticket';
import { moveTicket } from './ticket';

/** Call the next ticket for a counter: atomic, since the hub runs one command at a time. */
export function callNext(ctx: CommandContext, counterId: string): Result<QueueChange> {
  const at = findOpenCounter(ctx, counterId);
  if (!at.ok) return at;
  const next = pickNext(ctx.state, at.value.counter, ctx.index.services);
  if (!next) return fail('queue_empty', `Nobody is waiting for ${at.value.counter.name}`);
  return callInto(ctx, at.value, next);
}

/** Call one chosen ticket: a waiting one out of turn, or a parked one back. */
export function callTicket(
  ctx: CommandContext,
  counterId: string,
  ticketId: string,
): Result<QueueChange> {
  const at = findOpenCounter(ctx, counterId);
  if (!at.ok) return at;
  const found = findTicket(ctx, ticketId);
  if (!found.ok) return found;
  const ticket = found.value;
  const parkedByAgency =
    ticket.status === 'parked' &&
    ctx.index.counters.get(ticket.counterId ?? '')?.agencyId === at.value.counter.agencyId;
  if (!serves(at.value.counter, ticket.serviceId) && !parkedByAgency) {
    return fail(
      'not_served_here',
      `${at.value.counter.name} does not serve ticket ${ticket.label}`,
    );
  }
  return callInto(ctx, at.value, ticket);
}

function callInto(ctx: CommandContext, at: CounterAt, ticket: Ticket): Result<QueueChange> {
  const change = emptyChange();
  const finished = finishHeldIfServing(ctx, at, change);
  if (!finished.ok) return finished;
  const autoServe = ctx.index.site.autoServeOnCall;
  const moved = moveTicket(ticket, 'called', {
    calledAt: ctx.now,
    servingAt: autoServe ? ctx.now : null,
    counterId: at.counter.id,
    officerId: ctx.actor.userId ?? at.status.officerId,
    parkReason: null,
  });
  if (!moved.ok) return moved;
  const called = autoServe ? { ...moved.value, status: 'serving' as const } : moved.value;
  change.tickets.push(called);
  change.counters.push({ ...at.status, ticketId: called.id, since: ctx.now });
  const day = serviceDayState(ctx.state, called.serviceId);
  if (ticket.status === 'waiting') {
    change.services.push({
      ...day,
      regularStreak: called.priority ? 0 : (day.regularStreak ?? 0) + 1,
    });
  }
  change.events.push(
    eventOf(ctx, 'ticket:called', called, at.counter.id, {
      label: called.label,
      counterNumber: at.counter.number,
      from: ticket.status,
    }),
  );
  if (autoServe) change.events.push(eventOf(ctx, 'ticket:serving', called, at.counter.id));
  return ok(change);
}

/** Calling the next visitor closes the one being served; a called one must be settled first. */
function finishHeldIfServing(
  ctx: CommandContext,
  at: CounterAt,
  change: QueueChange,
): Result<null> {
  const held = heldTicket(ctx, at);
  if (!held.ok) return ok(null);
  if (held.value.status !== 'serving') {
    return fail(
      'counter_busy',
      `${at.counter.name} has called ${held.value.label}: serve, park or mark it absent first`,
    );
  }
  const done = moveTicket(held.value, 'done', { finishedAt: ctx.now });
  if (!done.ok) return done;
  change.tickets.push(done.value);
  change.events.push(eventOf(ctx, 'ticket:done', done.value, at.counter.id));
  return ok(null);
}

/**
 * Called and not yet come to the desk. Where serving starts on call, a serving ticket the
 * officer has not finished may still be recalled or marked absent: nobody may have come.
 */
function awaitingVisitor(ctx: CommandContext, ticket: Ticket): boolean {
  return (
    ticket.status === 'called' || (ticket.status === 'serving' && ctx.index.site.autoServeOnCall)
  );
}

export function recall(ctx: CommandContext, counterId: string): Result<QueueChange> {
  return withHeld(ctx, counterId, (at, ticket) => {
    if (!awaitingVisitor(ctx, ticket))
      return fail('illegal_transition', `${ticket.label} is already being served`);
    const recalled = { ...ticket, recallCount: ticket.recallCount + 1 };
    return ok({
      ...emptyChange(),
      tickets: [recalled],
      events: [
        eventOf(ctx, 'ticket:recalled', recalled, at.counter.id, {
          label: recalled.label,
          counterNumber: at.counter.number,
          recallCount: recalled.recallCount,
        }),
      ],
    });
  });
}

export function startServing(ctx: CommandContext, counterId: string): Result<QueueChange> {
  return withHeld(ctx, counterId, (at, ticket) => {
    const moved = moveTicket(ticket, 'serving', { servingAt: ctx.now });
    if (!moved.ok) return moved;
    return ok({
      ...emptyChange(),
      tickets: [moved.value],
      events: [eventOf(ctx, 'ticket:serving', moved.value, at.counter.id)],
    });
  });
}

export function finish(ctx: CommandContext, counterId: string): Result<QueueChange> {
  return withHeld(ctx, counterId, (at, ticket) => {
    // Without auto-serve, a called ticket must be started first so service time is true.
    if (ticket.status === 'called' && !ctx.index.site.autoServeOnCall) {
      return fail('illegal_transition', `${ticket.label} was called but not started`);
    }
    const moved = moveTicket(ticket, 'done', {
      finishedAt: ctx.now,
      servingAt: ticket.servingAt ?? ticket.calledAt,
    });
    if (!moved.ok) return moved;
    return release(ctx, at, moved.value, eventOf(ctx, 'ticket:done', moved.value, at.counter.id));
  });
}

export function markNoShow(ctx: CommandContext, counterId: string): Result<QueueChange> {
  return withHeld(ctx, counterId, (at, ticket) => {
    if (!awaitingVisitor(ctx, ticket))
      return fail('illegal_transition', `${ticket.label} is already being served`);
    const needed = ctx.index.site.recallsBeforeNoShow;
    if (ticket.recallCount < needed) {
      return fail(
        'recall_required',
        `Recall ${ticket.label} at least ${needed} time(s) before marking it absent`,
      );
    }
    const moved = moveTicket(ticket, 'no_show', { noShowAt: ctx.now });
    if (!moved.ok) return moved;
    return release(
      ctx,
      at,
      moved.value,
      eventOf(ctx, 'ticket:no-show', moved.value, at.counter.id),
    );
  });
}

export function park(ctx: CommandContext, counterId: string, reason: string): Result<QueueChange> {
  return withHeld(ctx, counterId, (at, ticket) => {
    const moved = moveTicket(ticket, 'parked', { parkReason: reason });
    if (!moved.ok) return moved;
    return release(
      ctx,
      at,
      moved.value,
      eventOf(ctx, 'ticket:parked', moved.value, at.counter.id, { reason }),
    );
  });
}

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
  for (const t of ctx.state.tickets.values()) {
    if (t.status === 'waiting' && t.serviceId === serviceId) first = Math.min(first, t.sortKey - 1);
  }
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

function withHeld(
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
function release(
  ctx: CommandContext,
  at: CounterAt,
  ticket: Ticket,
  event: ReturnType<typeof eventOf>,
): Result<QueueChange> {
  return ok({
    ...emptyChange(),
    tickets: [ticket],
    counters: [{ ...at.status, ticketId: null, since: ctx.now }],
    events: [event],
  });
}
