import type { CounterState, ServiceDayState, Ticket } from '@antre/domain';
import type { CallView, Delta, Snapshot } from '@antre/protocol';
import { RECENT_CALLS } from '@antre/protocol';

/** The hub's truth as one client sees it: a snapshot, then deltas in sequence. */
export interface SyncedState {
  hubEpoch: string | null;
  serviceDay: string | null;
  seqs: Readonly<Record<string, number>>;
  tickets: ReadonlyMap<string, Ticket>;
  counters: ReadonlyMap<string, CounterState>;
  /** Each service's day as call-next reads it (its priority streak). */
  services: ReadonlyMap<string, ServiceDayState>;
  calls: readonly CallView[];
  /** The hub's clock minus this device's, as the last snapshot arrived; null before one. */
  clockOffsetMs: number | null;
}

export const EMPTY_SYNCED_STATE: SyncedState = {
  hubEpoch: null,
  serviceDay: null,
  seqs: {},
  tickets: new Map(),
  counters: new Map(),
  services: new Map(),
  calls: [],
  clockOffsetMs: null,
};

/** `receivedAt` is this device's clock when the snapshot came, to read the hub's clock by. */
export function fromSnapshot(snapshot: Snapshot, receivedAt: number = Date.now()): SyncedState {
  return {
    hubEpoch: snapshot.hubEpoch,
    serviceDay: snapshot.serviceDay,
    seqs: { ...snapshot.seqs },
    tickets: new Map(snapshot.tickets.map((t) => [t.id, t])),
    counters: new Map(snapshot.counters.map((c) => [c.counterId, c])),
    services: new Map(snapshot.services.map((s) => [s.serviceId, s])),
    calls: snapshot.calls.slice(-RECENT_CALLS),
    clockOffsetMs: snapshot.serverTime - receivedAt,
  };
}

export type DeltaOutcome =
  | { kind: 'applied'; state: SyncedState }
  | { kind: 'stale' }
  /** A delta is missing, or the hub restarted or started a new day: fetch a snapshot. */
  | { kind: 'gap' };

export function applyDelta(state: SyncedState, delta: Delta): DeltaOutcome {
  if (state.hubEpoch !== delta.hubEpoch || state.serviceDay !== delta.serviceDay)
    return { kind: 'gap' };
  const last = state.seqs[delta.feed];
  if (last === undefined) return { kind: 'gap' };
  if (delta.seq <= last) return { kind: 'stale' };
  if (delta.seq !== last + 1) return { kind: 'gap' };
  return {
    kind: 'applied',
    state: {
      ...state,
      seqs: { ...state.seqs, [delta.feed]: delta.seq },
      tickets: ticketsAfter(state.tickets, delta),
      counters: replaced(state.counters, delta.counters, (c) => c.counterId),
      services: replaced(state.services, delta.services, (s) => s.serviceId),
      calls: callsAfter(state.calls, delta.calls),
    },
  };
}

function ticketsAfter(tickets: ReadonlyMap<string, Ticket>, delta: Delta): Map<string, Ticket> {
  const next = replaced(tickets, delta.tickets, (t) => t.id);
  for (const id of delta.ticketsGone) next.delete(id);
  return next;
}

function replaced<T>(
  items: ReadonlyMap<string, T>,
  changed: readonly T[],
  key: (item: T) => string,
): Map<string, T> {
  const next = new Map(items);
  for (const item of changed) next.set(key(item), item);
  return next;
}

function callsAfter(calls: readonly CallView[], added: readonly CallView[]): CallView[] {
  const seen = new Set(calls.map((c) => c.eventId));
  return [...calls, ...added.filter((c) => !seen.has(c.eventId))].slice(-RECENT_CALLS);
}
