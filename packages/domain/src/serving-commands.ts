import type { CommandContext } from './command-context';
import { eventOf } from './command-context';
import { release, withHeld } from './held-ticket';
import type { QueueChange } from './queue-state';
import { emptyChange } from './queue-state';
import type { Result } from './result';
import { fail, ok } from './result';
import type { Ticket } from './ticket';
import { moveTicket } from './ticket';

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
    // Serving began on the call: a client that still sends "start" (two-key habit, an
    // integration) asks for what already holds, so it changes nothing rather than failing.
    if (ticket.status === 'serving' && ctx.index.site.autoServeOnCall) return ok(emptyChange());
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
