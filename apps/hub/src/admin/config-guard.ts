import type { Building, BuildingIndex, QueueState } from '@antre/domain';
import { isOpenTicket } from '@antre/domain';
import type { ConflictReason } from '@antre/protocol';

/**
 * Why a new configuration would strand today's queue (empty when it would not): a visitor
 * holding a ticket must still be callable at some counter, and a counter in use must stay.
 */
export function orphansOf(
  next: Building,
  current: BuildingIndex,
  state: QueueState,
): ConflictReason[] {
  const services = new Set(next.services.map((s) => s.id));
  const counters = new Set(next.counters.map((c) => c.id));
  const served = new Set(next.counters.flatMap((c) => c.services.map((l) => l.serviceId)));
  const problems = new Map<string, ConflictReason>();

  for (const ticket of state.tickets.values()) {
    if (!isOpenTicket(ticket.status) || problems.has(`service:${ticket.serviceId}`)) continue;
    const name = current.services.get(ticket.serviceId)?.name ?? ticket.serviceId;
    if (!services.has(ticket.serviceId)) {
      problems.set(`service:${ticket.serviceId}`, {
        code: 'service_open_tickets',
        name,
        label: ticket.label,
      });
    } else if (
      !served.has(ticket.serviceId) &&
      (current.countersByService.get(ticket.serviceId)?.length ?? 0) > 0
    ) {
      problems.set(`service:${ticket.serviceId}`, { code: 'service_unserved', name });
    }
  }
  for (const counter of state.counters.values()) {
    if (counters.has(counter.counterId)) continue;
    if (counter.status === 'closed' && counter.ticketId === null) continue;
    const name = current.counters.get(counter.counterId)?.name ?? counter.counterId;
    const code =
      counter.status === 'open'
        ? 'counter_open'
        : counter.status === 'paused'
          ? 'counter_paused'
          : 'counter_holding';
    problems.set(`counter:${counter.counterId}`, { code, name });
  }
  return [...problems.values()];
}
