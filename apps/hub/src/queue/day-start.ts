import type { BuildingIndex, CommandContext, HoldDisagreement, QueueState } from '@antre/domain';
import {
  applyChange,
  confirmPrint,
  emptyChange,
  expireTickets,
  holdDisagreements,
  repairHolds,
  serviceDay,
} from '@antre/domain';
import type { QueueStorage } from './queue-storage';

/** The hub itself, as the actor of what it does at start and at a day change. */
export const SYSTEM = { userId: null, deviceId: null };

/**
 * Today's queue as the engine starts on it: days left open are closed, a ticket left
 * printing by a crash joins the queue, and tickets and counters that disagree are repaired
 * (or the hub refuses to start).
 */
export async function openDay(
  storage: QueueStorage,
  index: BuildingIndex,
  clock: () => number,
): Promise<QueueState> {
  const contextFor = (state: QueueState): CommandContext => ({
    index,
    state,
    now: clock(),
    actor: SYSTEM,
  });
  const today = serviceDay(clock(), index.site.timezone);
  const lastDay = await storage.savedServiceDay();
  const stale = new Set(await storage.unfinishedDaysBefore(today));
  if (lastDay && lastDay < today) stale.add(lastDay);
  for (const day of [...stale].sort())
    await closeDay(storage, contextFor(await storage.loadQueue(day)));
  await storage.saveServiceDay(today);
  const queue = await settleUnfinishedPrints(storage, contextFor(await storage.loadQueue(today)));
  return repairDisagreeingHolds(storage, contextFor(queue), clock());
}

/** Expires what is left of a day; the queue after it, so a retried day change expires nothing twice. */
export async function closeDay(storage: QueueStorage, ctx: CommandContext): Promise<QueueState> {
  const change = expireTickets(ctx, 'all');
  await storage.commit([{ serviceDay: ctx.state.serviceDay, change }]);
  return applyChange(ctx.state, change);
}

/**
 * At start nothing is printing any more: a ticket left in `printing` by a crash may already
 * be in a visitor's hand, so it joins the queue at its arrival rather than being lost. At
 * worst a ticket that never came out is called once and marked absent.
 */
async function settleUnfinishedPrints(
  storage: QueueStorage,
  ctx: CommandContext,
): Promise<QueueState> {
  const queue = ctx.state;
  const change = emptyChange();
  for (const ticket of queue.tickets.values()) {
    if (ticket.status !== 'printing') continue;
    const confirmed = confirmPrint(ctx, ticket.id);
    if (!confirmed.ok) continue;
    change.tickets.push(...confirmed.value.tickets);
    change.events.push(
      ...confirmed.value.events.map((e) => ({ ...e, data: { ...e.data, afterRestart: true } })),
    );
  }
  if (change.tickets.length === 0) return queue;
  await storage.commit([{ serviceDay: queue.serviceDay, change }]);
  return applyChange(queue, change);
}

/**
 * Tickets and counters must agree (a counter holds a ticket iff it is called or served
 * there). A database that says otherwise (an older hub's bug, a hand edit) is repaired at
 * start where that is safe, and each repair is logged and audited; otherwise the hub refuses.
 */
async function repairDisagreeingHolds(
  storage: QueueStorage,
  ctx: CommandContext,
  now: number,
): Promise<QueueState> {
  const queue = ctx.state;
  const found = holdDisagreements(queue);
  if (found.length === 0) return queue;
  const change = repairHolds(ctx, found);
  const repaired = applyChange(queue, change);
  const left = holdDisagreements(repaired);
  if (left.length > 0) {
    throw new Error(
      `The database's tickets and counters disagree and cannot be repaired safely: ${describeHolds(left)}`,
    );
  }
  await storage.saveHoldRepairs(queue.serviceDay, change, found, now);
  console.warn(`Repaired tickets and counters that disagreed: ${describeHolds(found)}`);
  return repaired;
}

export const describeHolds = (found: HoldDisagreement[]): string =>
  found.map((d) => `${d.problem} (counter ${d.counterId}, ticket ${d.ticketId})`).join(', ');
