import type { SyncedState } from '@antre/client';
import type {
  Actor,
  Building,
  BuildingIndex,
  Counter,
  CounterState,
  QueueState,
  Service,
  Ticket,
} from '@antre/domain';
import { applyChange, callNext, indexBuilding, queueOf } from '@antre/domain';

/** Everything the counter screen shows, picked from the synced state; pure, so it is tested alone. */
export interface CounterView {
  counter: Counter;
  status: CounterState;
  held: Ticket | null;
  waiting: Ticket[];
  parked: Ticket[];
  noShows: Ticket[];
}

const byQueue = (a: Ticket, b: Ticket): number =>
  a.sortKey - b.sortKey || a.issuedAt - b.issuedAt || a.number - b.number;

const closedState = (counterId: string): CounterState => ({
  counterId,
  status: 'closed',
  pauseReason: null,
  ticketId: null,
  officerId: null,
  since: 0,
});

// The calls counted out below are never made: nobody makes them, at no particular time.
const NOBODY: Actor = { userId: null, deviceId: null };
const NEVER = 0;

const indexes = new WeakMap<Building, BuildingIndex>();
function indexOf(building: Building): BuildingIndex {
  let index = indexes.get(building);
  if (!index) indexes.set(building, (index = indexBuilding(building)));
  return index;
}

/**
 * The queue as call-next at this counter reads it: of the tickets, only those waiting for its
 * services and those it has called (its weighted share). The rest only slows the count down.
 */
function queueAt(state: SyncedState, counter: Counter): QueueState {
  const served = new Set(counter.services.map((l) => l.serviceId));
  const tickets: Ticket[] = [];
  for (const t of state.tickets.values()) {
    if ((t.status === 'waiting' && served.has(t.serviceId)) || t.counterId === counter.id)
      tickets.push(t);
  }
  return queueOf(state.serviceDay ?? '', {
    tickets,
    counters: [...state.counters.values()],
    services: [...state.services.values()],
  });
}

/** The queue with the counter open and free, as it is between two calls. */
function withIdleCounter(queue: QueueState, counterId: string): QueueState {
  const counters = queue.counters.with(counterId, { ...closedState(counterId), status: 'open' });
  return { ...queue, counters };
}

export function counterView(building: Building, state: SyncedState, counter: Counter): CounterView {
  const status = state.counters.get(counter.id) ?? closedState(counter.id);
  const served = new Set(counter.services.map((l) => l.serviceId));
  const agencyCounters = new Set(
    building.counters.filter((c) => c.agencyId === counter.agencyId).map((c) => c.id),
  );
  const tickets = [...state.tickets.values()];
  const waiting = waitingOrderOnce(building, state, counter);
  const parked = tickets
    .filter((t) => t.status === 'parked' && agencyCounters.has(t.counterId ?? ''))
    .sort(
      (a, b) =>
        Number(b.counterId === counter.id) - Number(a.counterId === counter.id) || byQueue(a, b),
    );
  const noShows = tickets
    .filter((t) => t.status === 'no_show' && served.has(t.serviceId))
    .sort((a, b) => (b.noShowAt ?? 0) - (a.noShowAt ?? 0));
  const held = status.ticketId ? (state.tickets.get(status.ticketId) ?? null) : null;
  return { counter, status, held, waiting, parked, noShows };
}

/**
 * The waiting tickets in the order F1 calls them: the domain's call-next itself, run again and
 * again on a copy of the queue until nobody is left. Tickets it would never call (a service
 * switched off) follow by arrival, so the officer can still call them out of turn.
 */
function waitingOrder(building: Building, state: SyncedState, counter: Counter): Ticket[] {
  const order = callOrder(indexOf(building), queueAt(state, counter), counter.id);
  const called = new Set(order.map((t) => t.id));
  const served = new Set(counter.services.map((l) => l.serviceId));
  const rest = [...state.tickets.values()]
    .filter((t) => t.status === 'waiting' && served.has(t.serviceId) && !called.has(t.id))
    .sort(byQueue);
  return [...order, ...rest];
}

// Counting the calls out costs milliseconds on a long queue: once per state, not per render.
const lastOrder = new WeakMap<
  SyncedState,
  { building: Building; counter: Counter; waiting: Ticket[] }
>();
function waitingOrderOnce(building: Building, state: SyncedState, counter: Counter): Ticket[] {
  const last = lastOrder.get(state);
  if (last?.building === building && last.counter === counter) return last.waiting;
  const waiting = waitingOrder(building, state, counter);
  lastOrder.set(state, { building, counter, waiting });
  return waiting;
}

function callOrder(index: BuildingIndex, queue: QueueState, counterId: string): Ticket[] {
  const order: Ticket[] = [];
  let copy = withIdleCounter(queue, counterId);
  while (order.length < queue.tickets.size) {
    const next = callNext({ index, state: copy, now: NEVER, actor: NOBODY }, counterId);
    const calledId = next.ok
      ? next.value.events.find((e) => e.type === 'ticket:called')?.ticketId
      : null;
    const ticket = calledId ? queue.tickets.get(calledId) : undefined;
    if (!next.ok || !ticket) return order;
    order.push(ticket);
    copy = withIdleCounter(applyChange(copy, next.value), counterId);
  }
  return order;
}

export interface OfficerStats {
  served: number;
  averageMinutes: number | null;
}

/** Today's finished visitors of one officer and their mean service time. */
export function officerStats(tickets: Iterable<Ticket>, officerId: string): OfficerStats {
  let served = 0;
  let totalMs = 0;
  for (const t of tickets) {
    if (t.status !== 'done' || t.officerId !== officerId || t.finishedAt === null) continue;
    served += 1;
    totalMs += t.finishedAt - (t.servingAt ?? t.calledAt ?? t.finishedAt);
  }
  return { served, averageMinutes: served > 0 ? totalMs / served / 60_000 : null };
}

/** Transfer targets whose name, agency or prefix hold every word typed; an exact prefix first. */
export function findServices(
  building: Building,
  query: string,
  exceptServiceId: string,
): Service[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const agencies = new Map(building.agencies.map((a) => [a.id, a]));
  return building.services
    .filter((s) => s.active && s.id !== exceptServiceId)
    .map((s) => {
      const agency = agencies.get(s.agencyId);
      const text = `${s.name} ${agency?.name ?? ''} ${agency?.shortName ?? ''} ${s.prefix}`;
      const matches = words.every((w) => text.toLowerCase().includes(w));
      const exactPrefix = words.length === 1 && s.prefix.toLowerCase() === words[0];
      return { s, rank: exactPrefix ? 0 : matches ? 1 : -1 };
    })
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.s);
}
