import type { Building, BuildingIndex, QueueState } from '@antre/domain';
import { isOpenTicket } from '@antre/domain';

/**
 * Why a new configuration would strand today's queue, or null when it would not: a visitor
 * holding a ticket must still be callable at some counter, and a counter in use must stay.
 */
export function orphansOf(next: Building, current: BuildingIndex, state: QueueState): string[] {
  const services = new Set(next.services.map((s) => s.id));
  const counters = new Set(next.counters.map((c) => c.id));
  const served = new Set(next.counters.flatMap((c) => c.services.map((l) => l.serviceId)));
  const problems = new Set<string>();

  for (const ticket of state.tickets.values()) {
    if (!isOpenTicket(ticket.status)) continue;
    const name = current.services.get(ticket.serviceId)?.name ?? ticket.serviceId;
    if (!services.has(ticket.serviceId)) {
      problems.add(
        `${name} has tickets still open today (e.g. ${ticket.label}); keep it or deactivate it`,
      );
    } else if (
      !served.has(ticket.serviceId) &&
      (current.countersByService.get(ticket.serviceId)?.length ?? 0) > 0
    ) {
      problems.add(`${name} has tickets still open today but no counter would serve it`);
    }
  }
  for (const counter of state.counters.values()) {
    if (counters.has(counter.counterId)) continue;
    if (counter.status === 'closed' && counter.ticketId === null) continue;
    const name = current.counters.get(counter.counterId)?.name ?? counter.counterId;
    problems.add(`${name} is ${counter.status} now; close it before removing it`);
  }
  return [...problems];
}
