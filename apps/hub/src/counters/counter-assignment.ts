import type { CommandContext, QueueChange, Result } from '@antre/domain';
import { emptyChange, eventOf, findCounter, ok } from '@antre/domain';

/**
 * A supervisor hands a counter to an officer: the desk keeps its ticket and its break, only
 * who holds it changes (a closed desk opens). Pure, like the domain's own counter rules.
 */
export function assignCounter(
  ctx: CommandContext,
  counterId: string,
  officerId: string,
): Result<QueueChange> {
  const found = findCounter(ctx, counterId);
  if (!found.ok) return found;
  const { status } = found.value;
  if (status.status !== 'closed' && status.officerId === officerId) return ok(emptyChange());
  const assigned = {
    ...status,
    status: status.status === 'closed' ? ('open' as const) : status.status,
    officerId,
    since: ctx.now,
  };
  return ok({
    ...emptyChange(),
    counters: [assigned],
    events: [
      eventOf(ctx, 'counter:opened', null, counterId, {
        status: assigned.status,
        officerId,
        assignedBy: ctx.actor.userId,
      }),
    ],
  });
}
