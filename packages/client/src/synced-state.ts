import type { CounterState, Ticket } from '@antre/domain';
import type { CallView, Delta, Snapshot } from '@antre/protocol';

const KEEP_CALLS = 200;

/** The hub's truth as one client sees it: a snapshot, then deltas in sequence. */
export interface SyncedState {
  hubEpoch: string | null;
  serviceDay: string | null;
  seqs: Readonly<Record<string, number>>;
  tickets: ReadonlyMap<string, Ticket>;
  counters: ReadonlyMap<string, CounterState>;
  calls: readonly CallView[];
}

export const EMPTY_SYNCED_STATE: SyncedState = {
  hubEpoch: null,
  serviceDay: null,
  seqs: {},
  tickets: new Map(),
  counters: new Map(),
  calls: [],
};

export function fromSnapshot(snapshot: Snapshot): SyncedState {
  return {
    hubEpoch: snapshot.hubEpoch,
    serviceDay: snapshot.serviceDay,
    seqs: { ...snapshot.seqs },
    tickets: new Map(snapshot.tickets.map((t) => [t.id, t])),
    counters: new Map(snapshot.counters.map((c) => [c.counterId, c])),
    calls: snapshot.calls.slice(-KEEP_CALLS),
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
  const tickets = new Map(state.tickets);
  for (const t of delta.tickets) tickets.set(t.id, t);
  const counters = new Map(state.counters);
  for (const c of delta.counters) counters.set(c.counterId, c);
  const seen = new Set(state.calls.map((c) => c.eventId));
  const calls = [...state.calls, ...delta.calls.filter((c) => !seen.has(c.eventId))].slice(
    -KEEP_CALLS,
  );
  return {
    kind: 'applied',
    state: { ...state, seqs: { ...state.seqs, [delta.feed]: delta.seq }, tickets, counters, calls },
  };
}
