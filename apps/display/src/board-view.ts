import type { CounterState, CounterStatus } from '@antre/domain';
import type { CallView, DisplayBoard } from '@antre/protocol';

export interface ServingCounter {
  counterId: string;
  counterNumber: number;
  /** The ticket called or being served there now; null when the counter holds none. */
  label: string | null;
}

export interface AgencyColumn {
  agencyId: string;
  name: string;
  counters: ServingCounter[];
}

/** A counter of the board's zones for the "now serving" list of an idle board. */
export interface ZoneCounter extends ServingCounter {
  agencyName: string;
  /** Closed when the hub has no state for it yet (not opened today). */
  status: CounterStatus;
}

export interface AgencyWaiting {
  agencyId: string;
  name: string;
  waiting: number;
}

export interface BoardView {
  /** The newest call, while its counter still holds that ticket; null once it has moved on. */
  latest: CallView | null;
  /** Earlier calls, newest first, one line per ticket. */
  recent: CallView[];
  columns: AgencyColumn[];
  counters: ZoneCounter[];
  /** People waiting for the agencies that have counters in the board's zones. */
  waiting: AgencyWaiting[];
}

type BoardConfig = Pick<DisplayBoard, 'settings' | 'agencies' | 'counters'>;

/** A call holds while its counter still has that ticket (not finished, transferred, no-show…). */
export const callHolds = (call: CallView, counters: ReadonlyMap<string, CounterState>): boolean =>
  counters.get(call.counterId)?.ticketId === call.ticketId;

/** What the board shows, derived from the hub's calls and counters for its zones. */
export function boardView(
  calls: readonly CallView[],
  counters: ReadonlyMap<string, CounterState>,
  board: BoardConfig,
  waitingByAgency: ReadonlyMap<string, number> = new Map(),
): BoardView {
  const ordered = [...calls].sort((a, b) => a.at - b.at);
  const newest = ordered.at(-1) ?? null;
  const latest = newest && callHolds(newest, counters) ? newest : null;
  const shown = new Set(latest ? [latest.ticketId] : []);
  const recent: CallView[] = [];
  for (let i = ordered.length - 1; i >= 0 && recent.length < board.settings.recentCalls; i--) {
    const call = ordered[i]!;
    if (shown.has(call.ticketId)) continue;
    shown.add(call.ticketId);
    recent.push(call);
  }

  const lastCallOf = new Map(ordered.map((c) => [c.ticketId, c]));
  const servingAt = (counterId: string): string | null => {
    const ticketId = counters.get(counterId)?.ticketId ?? null;
    return ticketId ? (lastCallOf.get(ticketId)?.label ?? null) : null;
  };
  const byNumber = [...board.counters].sort((a, b) => a.number - b.number);
  const shortName = (agencyId: string): string =>
    board.agencies.find((a) => a.id === agencyId)?.shortName ?? agencyId;

  const columns = board.settings.agencyColumns.flatMap((agencyId): AgencyColumn[] => {
    const agency = board.agencies.find((a) => a.id === agencyId);
    if (!agency) return [];
    const serving = byNumber
      .filter((c) => c.agencyId === agencyId)
      .map((c) => ({ counterId: c.id, counterNumber: c.number, label: servingAt(c.id) }));
    return [{ agencyId, name: agency.shortName, counters: serving }];
  });

  const zoneCounters = byNumber.map((c) => ({
    counterId: c.id,
    counterNumber: c.number,
    label: servingAt(c.id),
    agencyName: shortName(c.agencyId),
    status: counters.get(c.id)?.status ?? 'closed',
  }));
  const zoneAgencies = [...new Set(byNumber.map((c) => c.agencyId))];
  const waiting = zoneAgencies.map((agencyId) => ({
    agencyId,
    name: shortName(agencyId),
    waiting: waitingByAgency.get(agencyId) ?? 0,
  }));
  return { latest, recent, columns, counters: zoneCounters, waiting };
}
