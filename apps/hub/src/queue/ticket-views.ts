import type { BuildingIndex, Opening, QueueEvent, QueueState, Ticket } from '@antre/domain';
import {
  estimateNewTicket,
  estimateTicket,
  issuedToday,
  nextOpening,
  placeOfCounter,
  placeOfService,
  serviceAvailability,
  serviceToday,
} from '@antre/domain';
import type { CallView, OpeningView, ServiceStats, TrackingView } from '@antre/protocol';

export function agencyOfService(index: BuildingIndex, serviceId: string | null): string | null {
  return serviceId ? (index.services.get(serviceId)?.agencyId ?? null) : null;
}

/** `now` reads the service's hours today; without it (a past day's ticket) `today` is null. */
export function toTracking(
  index: BuildingIndex,
  queue: QueueState,
  ticket: Ticket,
  now: number | null,
): TrackingView {
  const service = index.services.get(ticket.serviceId);
  const agency = index.building.agencies.find((a) => a.id === service?.agencyId);
  const counter = ticket.counterId ? index.counters.get(ticket.counterId) : undefined;
  const holds =
    ticket.status === 'called' || ticket.status === 'serving' || ticket.status === 'parked';
  const estimate =
    queue.serviceDay === ticket.serviceDay
      ? estimateTicket(index, queue, ticket)
      : { ahead: 0, minutes: 0 };
  const from = ticket.transferredFromServiceId
    ? index.services.get(ticket.transferredFromServiceId)
    : undefined;
  return {
    code: ticket.code,
    label: ticket.label,
    status: ticket.status,
    priority: ticket.priority,
    serviceDay: ticket.serviceDay,
    serviceId: ticket.serviceId,
    serviceName: service?.name ?? ticket.serviceId,
    agencyId: service?.agencyId ?? '',
    agencyName: agency?.name ?? '',
    ahead: estimate.ahead,
    estimatedMinutes: estimate.minutes,
    issuedAt: ticket.issuedAt,
    calledAt: ticket.calledAt,
    counter: holds && counter ? { name: counter.name, number: counter.number } : null,
    transferredFrom: from?.name ?? null,
    place:
      holds && counter
        ? placeOfCounter(index, counter.id)
        : placeOfService(index, ticket.serviceId),
    today:
      now !== null && queue.serviceDay === ticket.serviceDay
        ? serviceToday(index, queue, ticket.serviceId, now)
        : null,
  };
}

export const CALL_EVENTS = ['ticket:called', 'ticket:recalled'] as const;

export function toCallView(
  index: BuildingIndex,
  event: QueueEvent,
  ticket: Ticket | undefined,
): CallView | null {
  if (!event.counterId || !event.ticketId) return null;
  const counter = index.counters.get(event.counterId);
  if (!counter) return null;
  const agency = index.building.agencies.find((a) => a.id === counter.agencyId);
  const serviceId = event.serviceId ?? ticket?.serviceId ?? '';
  return {
    eventId: `${event.ticketId}:${counter.id}:${event.at}:${event.type}`,
    ticketId: event.ticketId,
    label: ticket?.label ?? String(event.data.label ?? ''),
    counterId: counter.id,
    counterName: counter.name,
    counterNumber: counter.number,
    agencyId: counter.agencyId,
    agencyName: agency?.shortName ?? '',
    serviceName: index.services.get(serviceId)?.name ?? '',
    zoneId: counter.zoneId,
    at: event.at,
    recall: event.type === 'ticket:recalled',
    ...(ticket?.channel === 'online' ? { online: true as const } : {}),
  };
}

export function serviceStats(
  index: BuildingIndex,
  queue: QueueState,
  serviceId: string,
  now: number,
): ServiceStats | null {
  const service = index.services.get(serviceId);
  if (!service) return null;
  const availability = serviceAvailability(
    index.site,
    service,
    issuedToday({ index, state: queue, now, actor: { userId: null, deviceId: null } }, serviceId),
    now,
  );
  const estimate = estimateNewTicket(index, queue, service);
  return {
    serviceId,
    open: availability.open,
    closedReason: availability.open ? null : availability.reason,
    closedDetail: availability.open ? null : availability.detail,
    onBreakUntil: availability.open ? availability.onBreakUntil : null,
    waiting: estimate.ahead,
    estimatedMinutes: estimate.minutes,
    today: serviceToday(index, queue, serviceId, now)!,
    opensNext: availability.open ? null : openingView(nextOpening(index.site, service, now)),
  };
}

export function openingView(opening: Opening | null): OpeningView | null {
  return opening ? { date: opening.date, time: opening.time } : null;
}
