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
  const moved = callToCounter(ctx, at, ticket);
  if (!moved.ok) return moved;
  const called = moved.value;
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
  if (called.status === 'serving')
    change.events.push(eventOf(ctx, 'ticket:serving', called, at.counter.id));
  return ok(change);
}

/** The ticket called to the counter; where the site serves on call, moved on to serving too. */
function callToCounter(ctx: CommandContext, at: CounterAt, ticket: Ticket): Result<Ticket> {
  const called = moveTicket(ticket, 'called', {
    calledAt: ctx.now,
    servingAt: null,
    counterId: at.counter.id,
    officerId: ctx.actor.userId ?? at.status.officerId,
    parkReason: null,
  });
  if (!called.ok || !ctx.index.site.autoServeOnCall) return called;
  return moveTicket(called.value, 'serving', { servingAt: ctx.now });
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
