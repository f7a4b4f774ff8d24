import type { Building, Counter, Service, Site } from './building';
import { PersistentMap } from './persistent-map';
import type { Ticket } from './ticket';

export type CounterStatus = 'closed' | 'open' | 'paused';

export interface CounterState {
  counterId: string;
  status: CounterStatus;
  pauseReason: string | null;
  /** The ticket called or being served here, if any. */
  ticketId: string | null;
  officerId: string | null;
  since: number;
}

export interface ServiceDayState {
  serviceId: string;
  lastNumber: number;
  /** Regular tickets called since the last priority one; null before any priority call. */
  regularStreak: number | null;
}

/**
 * What the rules read of one service's tickets, kept up to date by `applyChange` so that a
 * command's work follows the service's line, not the whole day's tickets.
 */
export interface ServiceTickets {
  /** Tickets waiting in this service now. */
  waiting: PersistentMap<Ticket>;
  /** Tickets first issued for this service today and not void (its quota counts them). */
  issued: number;
  /** Of those, the ones not booked online. */
  walkIns: number;
  /** The latest tickets served to the end here, newest first (the rolling service time). */
  recentDone: readonly Ticket[];
  /** Tickets of this service called at each counter (a counter's weighted choice). */
  calledAt: ReadonlyMap<string, number>;
}

/** Today's queue: everything the rules need to decide, nothing else. */
export interface QueueState {
  serviceDay: string;
  tickets: PersistentMap<Ticket>;
  counters: PersistentMap<CounterState>;
  services: PersistentMap<ServiceDayState>;
  /** Derived from `tickets` with each change; build states with `queueOf`/`applyChange`. */
  byService: PersistentMap<ServiceTickets>;
}

/** How many done tickets the rolling service time reads. */
export const SERVICE_TIME_HISTORY = 20;

export interface Actor {
  userId: string | null;
  deviceId: string | null;
}

export const QUEUE_EVENT_TYPES = [
  'ticket:issued',
  'ticket:printed',
  'ticket:voided',
  'ticket:called',
  'ticket:recalled',
  'ticket:serving',
  'ticket:done',
  'ticket:no-show',
  'ticket:requeued',
  'ticket:parked',
  'ticket:transferred',
  'ticket:cancelled',
  'ticket:expired',
  'counter:opened',
  'counter:paused',
  'counter:resumed',
  'counter:closed',
] as const;
export type QueueEventType = (typeof QUEUE_EVENT_TYPES)[number];

export type EventData = Record<string, string | number | boolean | null>;

/** Who did what, when and where: every transition yields one. */
export interface QueueEvent {
  type: QueueEventType;
  at: number;
  actor: Actor;
  ticketId: string | null;
  counterId: string | null;
  serviceId: string | null;
  data: EventData;
}

/** What a command changed: the hub saves it in one transaction, then applies it. */
export interface QueueChange {
  tickets: Ticket[];
  counters: CounterState[];
  services: ServiceDayState[];
  events: QueueEvent[];
}

export const emptyChange = (): QueueChange => ({
  tickets: [],
  counters: [],
  services: [],
  events: [],
});

/**
 * Changes made one after another as one: each ticket, counter and service day in its last
 * version, the events in order.
 */
export function mergeChanges(changes: readonly QueueChange[]): QueueChange {
  if (changes.length === 1) return changes[0] as QueueChange;
  const last = <T>(items: T[], key: (item: T) => string): T[] => [
    ...new Map(items.map((item) => [key(item), item])).values(),
  ];
  return {
    tickets: last(
      changes.flatMap((c) => c.tickets),
      (t) => t.id,
    ),
    counters: last(
      changes.flatMap((c) => c.counters),
      (c) => c.counterId,
    ),
    services: last(
      changes.flatMap((c) => c.services),
      (s) => s.serviceId,
    ),
    events: changes.flatMap((c) => c.events),
  };
}

export function emptyQueue(serviceDay: string): QueueState {
  return {
    serviceDay,
    tickets: PersistentMap.empty(),
    counters: PersistentMap.empty(),
    services: PersistentMap.empty(),
    byService: PersistentMap.empty(),
  };
}

/** A day's queue from its saved rows. */
export function queueOf(
  serviceDay: string,
  rows: { tickets: Ticket[]; counters: CounterState[]; services: ServiceDayState[] },
): QueueState {
  return applyChange(emptyQueue(serviceDay), { ...rows, events: [] });
}

/**
 * The queue after a change; the queue before it is left as it was. Every map is persistent:
 * copying the building's counters and services for each command was a quarter of what the
 * hub allocated under load, and a change now costs what it touches.
 */
export function applyChange(state: QueueState, change: QueueChange): QueueState {
  return {
    serviceDay: state.serviceDay,
    tickets: state.tickets.withAll(change.tickets, (t) => t.id),
    counters: state.counters.withAll(change.counters, (c) => c.counterId),
    services: state.services.withAll(change.services, (s) => s.serviceId),
    byService: indexTickets(state, change.tickets),
  };
}

const NO_TICKETS: ServiceTickets = {
  waiting: PersistentMap.empty(),
  issued: 0,
  walkIns: 0,
  recentDone: [],
  calledAt: new Map(),
};

/** What a service's tickets say once `changed` replace their earlier versions in `state`. */
function indexTickets(
  state: QueueState,
  changed: readonly Ticket[],
): PersistentMap<ServiceTickets> {
  if (changed.length === 0) return state.byService;
  const drafts = new Map<string, ServiceTickets>();
  const draft = (serviceId: string): ServiceTickets => {
    let found = drafts.get(serviceId);
    if (!found) {
      found = { ...(state.byService.get(serviceId) ?? NO_TICKETS) };
      drafts.set(serviceId, found);
    }
    return found;
  };
  /** Drafts whose `calledAt` is already their own copy, changed in place from then on. */
  const ownCalls = new Set<ServiceTickets>();
  const latest = new Map<string, Ticket>();
  for (const after of changed) {
    const before = latest.get(after.id) ?? state.tickets.get(after.id);
    latest.set(after.id, after);
    if (before) count(before, -1);
    count(after, 1);
    place(before, after);
  }

  function count(ticket: Ticket, sign: 1 | -1): void {
    if (ticket.status !== 'void') {
      const origin = draft(ticket.originServiceId);
      origin.issued += sign;
      if (ticket.channel !== 'online') origin.walkIns += sign;
    }
    if (ticket.calledAt !== null && ticket.counterId !== null) {
      const service = draft(ticket.serviceId);
      if (!ownCalls.has(service)) {
        service.calledAt = new Map(service.calledAt);
        ownCalls.add(service);
      }
      const calls = service.calledAt as Map<string, number>;
      calls.set(ticket.counterId, (calls.get(ticket.counterId) ?? 0) + sign);
    }
  }

  function place(before: Ticket | undefined, after: Ticket): void {
    if (before?.status === 'waiting') {
      const service = draft(before.serviceId);
      service.waiting = service.waiting.without(before.id);
    }
    if (after.status === 'waiting') {
      const service = draft(after.serviceId);
      service.waiting = service.waiting.with(after.id, after);
    }
    if (before?.status === 'done' || after.status === 'done') {
      const service = draft(after.serviceId);
      const others = service.recentDone.filter((t) => t.id !== after.id);
      service.recentDone =
        after.status === 'done' && after.servingAt !== null && after.finishedAt !== null
          ? newestDone([...others, after])
          : others;
    }
  }

  return state.byService.withEntries(drafts);
}

/** A done ticket never changes again, so the newest few stay the newest few. */
const newestDone = (tickets: Ticket[]): Ticket[] =>
  tickets.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0)).slice(0, SERVICE_TIME_HISTORY);

/** What the rules know of a service's tickets today. */
export const ticketsOfService = (state: QueueState, serviceId: string): ServiceTickets =>
  state.byService.get(serviceId) ?? NO_TICKETS;

/** The building with lookups by id, built once per configuration. */
export interface BuildingIndex {
  building: Building;
  site: Site;
  services: ReadonlyMap<string, Service>;
  counters: ReadonlyMap<string, Counter>;
  /** Counters that serve each service. */
  countersByService: ReadonlyMap<string, Counter[]>;
}

export function indexBuilding(building: Building): BuildingIndex {
  const countersByService = new Map<string, Counter[]>();
  for (const counter of building.counters) {
    for (const link of counter.services) {
      countersByService.set(link.serviceId, [
        ...(countersByService.get(link.serviceId) ?? []),
        counter,
      ]);
    }
  }
  return {
    building,
    site: building.site,
    services: new Map(building.services.map((s) => [s.id, s])),
    counters: new Map(building.counters.map((c) => [c.id, c])),
    countersByService,
  };
}

export function counterState(state: QueueState, counterId: string, now: number): CounterState {
  return (
    state.counters.get(counterId) ?? {
      counterId,
      status: 'closed',
      pauseReason: null,
      ticketId: null,
      officerId: null,
      since: now,
    }
  );
}

export function serviceDayState(state: QueueState, serviceId: string): ServiceDayState {
  return state.services.get(serviceId) ?? { serviceId, lastNumber: 0, regularStreak: null };
}
