import type { Building, Counter, Service, Site } from './building';
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

/** Today's queue: everything the rules need to decide, nothing else. */
export interface QueueState {
  serviceDay: string;
  tickets: ReadonlyMap<string, Ticket>;
  counters: ReadonlyMap<string, CounterState>;
  services: ReadonlyMap<string, ServiceDayState>;
}

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

export function emptyQueue(serviceDay: string): QueueState {
  return { serviceDay, tickets: new Map(), counters: new Map(), services: new Map() };
}

export function applyChange(state: QueueState, change: QueueChange): QueueState {
  return {
    serviceDay: state.serviceDay,
    tickets: withAll(state.tickets, change.tickets, (t) => t.id),
    counters: withAll(state.counters, change.counters, (c) => c.counterId),
    services: withAll(state.services, change.services, (s) => s.serviceId),
  };
}

function withAll<T>(
  map: ReadonlyMap<string, T>,
  items: T[],
  key: (item: T) => string,
): ReadonlyMap<string, T> {
  if (items.length === 0) return map;
  const next = new Map(map);
  for (const item of items) next.set(key(item), item);
  return next;
}

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
