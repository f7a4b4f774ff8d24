import type { CounterState } from '@antre/domain';
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

export interface BoardView {
  latest: CallView | null;
  /** Earlier calls, newest first, one line per ticket. */
  recent: CallView[];
  columns: AgencyColumn[];
}

/** What the board shows, derived from the hub's calls and counters for its zones. */
export function boardView(
  calls: readonly CallView[],
  counters: ReadonlyMap<string, CounterState>,
  board: Pick<DisplayBoard, 'settings' | 'agencies' | 'counters'>,
): BoardView {
  const ordered = [...calls].sort((a, b) => a.at - b.at);
  const latest = ordered.at(-1) ?? null;
  const shown = new Set(latest ? [latest.ticketId] : []);
  const recent: CallView[] = [];
  for (let i = ordered.length - 2; i >= 0 && recent.length < board.settings.recentCalls; i--) {
    const call = ordered[i]!;
    if (shown.has(call.ticketId)) continue;
    shown.add(call.ticketId);
    recent.push(call);
  }

  const lastCallOf = new Map(ordered.map((c) => [c.ticketId, c]));
  const columns = board.settings.agencyColumns.flatMap((agencyId): AgencyColumn[] => {
    const agency = board.agencies.find((a) => a.id === agencyId);
    if (!agency) return [];
    const serving = board.counters
      .filter((c) => c.agencyId === agencyId)
      .sort((a, b) => a.number - b.number)
      .map((c) => {
        const ticketId = counters.get(c.id)?.ticketId ?? null;
        const label = ticketId ? (lastCallOf.get(ticketId)?.label ?? null) : null;
        return { counterId: c.id, counterNumber: c.number, label };
      });
    return [{ agencyId, name: agency.shortName, counters: serving }];
  });
  return { latest, recent, columns };
}
