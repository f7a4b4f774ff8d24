import type { Service } from './building';
import type { BuildingIndex, QueueState } from './queue-state';
import { ticketsOfService } from './queue-state';
import { projectedOrder } from './ordering';
import type { Ticket } from './ticket';

export interface WaitEstimate {
  /** People who will be called before this ticket. */
  ahead: number;
  minutes: number;
}

/** Mean service time of the last few visitors served today, or the service's default. */
export function rollingServiceMs(state: QueueState, service: Service): number {
  const sample = ticketsOfService(state, service.id).recentDone;
  if (sample.length === 0) return service.defaultServiceMinutes * 60_000;
  const total = sample.reduce((sum, t) => sum + ((t.finishedAt ?? 0) - (t.servingAt ?? 0)), 0);
  return total / sample.length;
}

/** Counters open for a service; before any opens, those configured for it. */
export function countersFor(index: BuildingIndex, state: QueueState, serviceId: string): number {
  const configured = index.countersByService.get(serviceId) ?? [];
  const open = configured.filter((c) => state.counters.get(c.id)?.status === 'open').length;
  return Math.max(open || configured.length, 1);
}

function minutesFor(
  index: BuildingIndex,
  state: QueueState,
  service: Service,
  ahead: number,
): number {
  const ms = (ahead * rollingServiceMs(state, service)) / countersFor(index, state, service.id);
  return Math.round(ms / 60_000);
}

export function estimateTicket(
  index: BuildingIndex,
  state: QueueState,
  ticket: Ticket,
): WaitEstimate {
  const service = index.services.get(ticket.serviceId);
  if (!service || ticket.status !== 'waiting') return { ahead: 0, minutes: 0 };
  const ahead = projectedOrder(state, service).findIndex((t) => t.id === ticket.id);
  return {
    ahead: Math.max(ahead, 0),
    minutes: minutesFor(index, state, service, Math.max(ahead, 0)),
  };
}

/** What a visitor taking a regular ticket now can expect. */
export function estimateNewTicket(
  index: BuildingIndex,
  state: QueueState,
  service: Service,
): WaitEstimate {
  const waiting = ticketsOfService(state, service.id).waiting.size;
  return { ahead: waiting, minutes: minutesFor(index, state, service, waiting) };
}
