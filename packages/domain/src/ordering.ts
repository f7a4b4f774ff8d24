import type { Counter, Service } from './building';
import type { QueueState } from './queue-state';
import { serviceDayState, ticketsOfService } from './queue-state';
import type { Ticket } from './ticket';

const byPosition = (a: Ticket, b: Ticket): number =>
  a.sortKey - b.sortKey || a.issuedAt - b.issuedAt || a.number - b.number;

/**
 * The waiting tickets of a service in the order they will be called, following the
 * service's priority rule from the current streak of regular calls.
 */
export function projectedOrder(state: QueueState, service: Service): Ticket[] {
  const waiting = [...ticketsOfService(state, service.id).waiting.values()];
  const priority = waiting.filter((t) => t.priority !== null).sort(byPosition);
  const regular = waiting.filter((t) => t.priority === null).sort(byPosition);
  if (service.priorityRule.kind === 'strict') return [...priority, ...regular];

  const every = service.priorityRule.regularPerPriority;
  let streak = serviceDayState(state, service.id).regularStreak ?? every;
  const order: Ticket[] = [];
  let p = 0;
  let r = 0;
  while (p < priority.length || r < regular.length) {
    const takePriority = p < priority.length && (r >= regular.length || streak >= every);
    if (takePriority) {
      order.push(priority[p++] as Ticket);
      streak = 0;
    } else {
      order.push(regular[r++] as Ticket);
      streak += 1;
    }
  }
  return order;
}

/**
 * The first ticket of `projectedOrder` without ordering the rest: one pass over the service's
 * waiting tickets and nothing allocated, since a call reads only the head of each line.
 */
export function headOf(state: QueueState, service: Service): Ticket | null {
  let priority: Ticket | null = null;
  let regular: Ticket | null = null;
  for (const ticket of ticketsOfService(state, service.id).waiting.values()) {
    if (ticket.priority !== null) {
      if (!priority || byPosition(ticket, priority) < 0) priority = ticket;
    } else if (!regular || byPosition(ticket, regular) < 0) regular = ticket;
  }
  if (!priority || !regular) return priority ?? regular;
  if (service.priorityRule.kind === 'strict') return priority;
  const every = service.priorityRule.regularPerPriority;
  const streak = serviceDayState(state, service.id).regularStreak ?? every;
  return streak >= every ? priority : regular;
}

/** The ticket a counter should call next across the services it serves, or null. */
export function pickNext(
  state: QueueState,
  counter: Counter,
  services: ReadonlyMap<string, Service>,
): Ticket | null {
  const heads: { ticket: Ticket; weight: number; served: number }[] = [];
  for (const link of counter.services) {
    const service = services.get(link.serviceId);
    if (!service?.active) continue;
    const head = headOf(state, service);
    if (!head) continue;
    if (counter.selection === 'order') return head;
    heads.push({
      ticket: head,
      weight: Math.max(link.weight, 1),
      served: callsAt(state, counter.id, service.id),
    });
  }
  // Smooth weighted choice: the service furthest below its share of this counter's calls.
  heads.sort(
    (a, b) =>
      (a.served + 1) / a.weight - (b.served + 1) / b.weight || byPosition(a.ticket, b.ticket),
  );
  return heads[0]?.ticket ?? null;
}

const callsAt = (state: QueueState, counterId: string, serviceId: string): number =>
  ticketsOfService(state, serviceId).calledAt.get(counterId) ?? 0;
