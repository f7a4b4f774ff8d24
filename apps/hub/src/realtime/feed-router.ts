import type {
  BuildingIndex,
  CounterState,
  QueueEvent,
  ServiceDayState,
  Ticket,
} from '@antre/domain';
import type { CallView, Feed } from '@antre/protocol';
import { agencyOfService } from '../queue/ticket-views';

/** Who listens to a feed: the whole building, one agency's staff, or the boards of one zone. */
export type Audience =
  { kind: 'site' } | { kind: 'agency'; agencyId: string } | { kind: 'zone'; zoneId: string };

/** What a feed carries: all of today for a snapshot, or what one change touched for a delta. */
export interface FeedContent {
  tickets: Ticket[];
  counters: CounterState[];
  services: ServiceDayState[];
  calls: CallView[];
  events: QueueEvent[];
}

/** What one audience may see, item by item. */
interface Sight {
  /** Decided by the ticket's service and the one it came from only (the publisher counts on it). */
  ticket: (ticket: Ticket) => boolean;
  counter: (counterId: string) => boolean;
  service: (serviceId: string) => boolean;
  call: (call: CallView) => boolean;
  /** `ticket` is the event's ticket as the same content carries it, if it does. */
  event: (event: QueueEvent, ticket: Ticket | undefined) => boolean;
  /** The waiting counts (`catalogue:stats`) of a service. */
  stats: (serviceId: string) => boolean;
}

export function audienceOf(feed: string): Audience | null {
  if (feed === 'site') return { kind: 'site' };
  if (feed.startsWith('agency:')) return { kind: 'agency', agencyId: feed.slice('agency:'.length) };
  if (feed.startsWith('zone:')) return { kind: 'zone', zoneId: feed.slice('zone:'.length) };
  return null;
}

export function feedOf(audience: Audience): Feed {
  if (audience.kind === 'agency') return `agency:${audience.agencyId}`;
  if (audience.kind === 'zone') return `zone:${audience.zoneId}`;
  return 'site';
}

/** Every feed the building has, each with its audience. */
export function buildingAudiences(index: BuildingIndex): Audience[] {
  return [
    { kind: 'site' },
    ...index.building.agencies.map((a): Audience => ({ kind: 'agency', agencyId: a.id })),
    ...index.building.zones.map((z): Audience => ({ kind: 'zone', zoneId: z.id })),
  ];
}

const NOTHING = (): boolean => false;
const EVERYTHING = (): boolean => true;

/**
 * The one rule of who sees what. The site sees everything. An agency sees tickets queued at
 * it or transferred out of it, its counters, its services' day and the events of those; it
 * hears no calls. A zone sees its counters and the calls made at them, and the waiting
 * counts of the agencies that serve there; no ticket (the board is public).
 */
function sightOf(audience: Audience, index: BuildingIndex): Sight {
  // Every change asks each audience: the answer is built once per building configuration.
  let sights = sightsByIndex.get(index);
  if (!sights) sightsByIndex.set(index, (sights = new Map()));
  const feed = feedOf(audience);
  let sight = sights.get(feed);
  if (!sight) sights.set(feed, (sight = buildSight(audience, index)));
  return sight;
}
const sightsByIndex = new WeakMap<BuildingIndex, Map<Feed, Sight>>();

function buildSight(audience: Audience, index: BuildingIndex): Sight {
  if (audience.kind === 'site') {
    return {
      ticket: EVERYTHING,
      counter: EVERYTHING,
      service: EVERYTHING,
      call: EVERYTHING,
      event: EVERYTHING,
      stats: NOTHING,
    };
  }
  if (audience.kind === 'agency') {
    const ours = (serviceId: string | null): boolean =>
      agencyOfService(index, serviceId) === audience.agencyId;
    const ourCounter = (counterId: string): boolean =>
      index.counters.get(counterId)?.agencyId === audience.agencyId;
    const ticket = (t: Ticket): boolean => ours(t.serviceId) || ours(t.transferredFromServiceId);
    return {
      ticket,
      counter: ourCounter,
      service: ours,
      call: NOTHING,
      event: (e, t) =>
        (t !== undefined && ticket(t)) || (e.counterId !== null && ourCounter(e.counterId)),
      stats: NOTHING,
    };
  }
  const inZone = (counterId: string): boolean =>
    index.counters.get(counterId)?.zoneId === audience.zoneId;
  const agenciesHere = new Set(
    index.building.counters.filter((c) => c.zoneId === audience.zoneId).map((c) => c.agencyId),
  );
  const agencyServesHere = (serviceId: string): boolean => {
    const agencyId = agencyOfService(index, serviceId);
    return agencyId !== null && agenciesHere.has(agencyId);
  };
  return {
    ticket: NOTHING,
    counter: inZone,
    service: NOTHING,
    call: (c) => c.zoneId === audience.zoneId,
    event: NOTHING,
    stats: agencyServesHere,
  };
}

/** Keeps what any of the audiences sees: a socket of several feeds sees their union. */
export function routeContent(
  audiences: readonly Audience[],
  index: BuildingIndex,
  content: FeedContent,
): FeedContent {
  const sights = audiences.map((a) => sightOf(a, index));
  const ticketsById = new Map(content.tickets.map((t) => [t.id, t]));
  return {
    tickets: keep(sights, content.tickets, seesTicket) ?? [],
    counters: keep(sights, content.counters, seesCounter) ?? [],
    services: keep(sights, content.services, seesService) ?? [],
    calls: keep(sights, content.calls, seesCall) ?? [],
    events: keep(sights, content.events, (s, e) => seesEvent(s, e, ticketsById)) ?? [],
  };
}

/**
 * What one audience sees of a change, or null when it sees none of it. A publish asks each
 * feed of the building and most see nothing of a given call: those cost no allocation, and
 * `ticketsById` (the change's tickets by id) is built once for all of them.
 */
export function routeChange(
  audience: Audience,
  index: BuildingIndex,
  content: FeedContent,
  ticketsById: ReadonlyMap<string, Ticket>,
): FeedContent | null {
  const sights = [sightOf(audience, index)];
  const tickets = keep(sights, content.tickets, seesTicket);
  const counters = keep(sights, content.counters, seesCounter);
  const services = keep(sights, content.services, seesService);
  const calls = keep(sights, content.calls, seesCall);
  const events = keep(sights, content.events, (s, e) => seesEvent(s, e, ticketsById));
  if (!tickets && !counters && !services && !calls && !events) return null;
  return {
    tickets: tickets ?? [],
    counters: counters ?? [],
    services: services ?? [],
    calls: calls ?? [],
    events: events ?? [],
  };
}

/** The items any of `sights` sees, or null when none sees any. */
function keep<T>(
  sights: readonly Sight[],
  items: readonly T[],
  sees: (sight: Sight, item: T) => boolean,
): T[] | null {
  let kept: T[] | null = null;
  for (const item of items) {
    if (sights.some((sight) => sees(sight, item))) (kept ??= []).push(item);
  }
  return kept;
}
const seesTicket = (sight: Sight, ticket: Ticket): boolean => sight.ticket(ticket);
const seesCounter = (sight: Sight, counter: CounterState): boolean =>
  sight.counter(counter.counterId);
const seesService = (sight: Sight, day: ServiceDayState): boolean => sight.service(day.serviceId);
const seesCall = (sight: Sight, call: CallView): boolean => sight.call(call);
const seesEvent = (
  sight: Sight,
  event: QueueEvent,
  ticketsById: ReadonlyMap<string, Ticket>,
): boolean => sight.event(event, ticketsById.get(event.ticketId ?? ''));

/**
 * The ids of changed tickets this audience saw before the change and sees no more (a ticket
 * transferred on from the agency it had come to): its clients drop them, as a new snapshot would.
 */
export function ticketsGone(
  audience: Audience,
  index: BuildingIndex,
  changed: readonly Ticket[],
  before: ReadonlyMap<string, Ticket>,
): string[] {
  const sight = sightOf(audience, index);
  return changed
    .filter((t) => {
      const was = before.get(t.id);
      return was !== undefined && sight.ticket(was) && !sight.ticket(t);
    })
    .map((t) => t.id);
}

/** The zones whose boards hear a service's waiting count. */
export function statsAudiences(index: BuildingIndex, serviceId: string): Audience[] {
  return buildingAudiences(index).filter((a) => sightOf(a, index).stats(serviceId));
}
