import type { Building, Counter, CounterState, QueueState, Service, Ticket } from '@antre/domain';
import { projectedOrder } from '@antre/domain';
import type { SyncedState } from '@antre/client';

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

export function counterView(building: Building, state: SyncedState, counter: Counter): CounterView {
  const status = state.counters.get(counter.id) ?? closedState(counter.id);
  const served = new Set(counter.services.map((l) => l.serviceId));
  const agencyCounters = new Set(
    building.counters.filter((c) => c.agencyId === counter.agencyId).map((c) => c.id),
  );
  const tickets = [...state.tickets.values()];
  const waiting = waitingOrder(building, state, counter);
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
 * The waiting tickets in about the order call-next takes them: each service's projected order
 * (priority interleaved by its rule; the hub alone knows the exact streak), services in the
 * counter's order, or merged by arrival when the counter weighs them.
 */
function waitingOrder(building: Building, state: SyncedState, counter: Counter): Ticket[] {
  const queue: QueueState = {
    serviceDay: state.serviceDay ?? '',
    tickets: state.tickets,
    counters: state.counters,
    services: new Map(),
  };
  const lists = counter.services.map((link) => {
    const service = building.services.find((s) => s.id === link.serviceId);
    return service ? projectedOrder(queue, service) : [];
  });
  return counter.selection === 'order' ? lists.flat() : lists.flat().sort(byQueue);
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
