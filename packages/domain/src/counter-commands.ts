import type { CommandContext } from './command-context';
import { eventOf, findCounter } from './command-context';
import type { QueueChange } from './queue-state';
import { emptyChange } from './queue-state';
import type { Result } from './result';
import { fail, ok } from './result';

/** An officer takes the counter; taking an open one moves it to the new officer. */
export function openCounter(ctx: CommandContext, counterId: string): Result<QueueChange> {
  const found = findCounter(ctx, counterId);
  if (!found.ok) return found;
  const { status } = found.value;
  if (status.status === 'open' && status.officerId === ctx.actor.userId) return ok(emptyChange());
  const opened = {
    ...status,
    status: status.status === 'paused' ? ('paused' as const) : ('open' as const),
    officerId: ctx.actor.userId,
    since: ctx.now,
  };
  return ok({
    ...emptyChange(),
    counters: [opened],
    events: [eventOf(ctx, 'counter:opened', null, counterId, { status: opened.status })],
  });
}

export function pauseCounter(
  ctx: CommandContext,
  counterId: string,
  reason: string,
): Result<QueueChange> {
  const found = findCounter(ctx, counterId);
  if (!found.ok) return found;
  const { status, counter } = found.value;
  if (status.status !== 'open')
    return fail(
      status.status === 'paused' ? 'counter_paused' : 'counter_closed',
      `${counter.name} is not open`,
    );
  if (status.ticketId) return fail('counter_busy', `${counter.name} still holds a ticket`);
  return ok({
    ...emptyChange(),
    counters: [{ ...status, status: 'paused', pauseReason: reason, since: ctx.now }],
    events: [eventOf(ctx, 'counter:paused', null, counterId, { reason })],
  });
}

export function resumeCounter(ctx: CommandContext, counterId: string): Result<QueueChange> {
  const found = findCounter(ctx, counterId);
  if (!found.ok) return found;
  const { status, counter } = found.value;
  if (status.status !== 'paused')
    return fail('illegal_transition', `${counter.name} is not on a break`);
  return ok({
    ...emptyChange(),
    counters: [{ ...status, status: 'open', pauseReason: null, since: ctx.now }],
    events: [eventOf(ctx, 'counter:resumed', null, counterId)],
  });
}

export function closeCounter(ctx: CommandContext, counterId: string): Result<QueueChange> {
  const found = findCounter(ctx, counterId);
  if (!found.ok) return found;
  const { status, counter } = found.value;
  if (status.ticketId) return fail('counter_busy', `${counter.name} still holds a ticket`);
  if (status.status === 'closed') return ok(emptyChange());
  return ok({
    ...emptyChange(),
    counters: [{ ...status, status: 'closed', pauseReason: null, officerId: null, since: ctx.now }],
    events: [eventOf(ctx, 'counter:closed', null, counterId, { reason: 'officer' })],
  });
}
