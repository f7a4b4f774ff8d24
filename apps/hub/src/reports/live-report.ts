import type { BuildingIndex, QueueState } from '@antre/domain';
import type { LiveReport } from '@antre/protocol';

const minutesSince = (now: number, at: number | undefined) =>
  at === undefined ? null : Math.max(0, Math.floor((now - at) / 60_000));

/** Today at a glance, from the queue's own state: nothing is read from disk. */
export function liveReport(
  state: QueueState,
  index: BuildingIndex,
  now: number,
  agencyId: string | undefined,
  officerName: (userId: string) => string | undefined,
): LiveReport {
  const services = [...index.services.values()].filter((s) => !agencyId || s.agencyId === agencyId);
  const counters = [...index.counters.values()].filter((c) => !agencyId || c.agencyId === agencyId);
  const statusOf = (counterId: string) => state.counters.get(counterId)?.status ?? 'closed';
  const oldestWaiting = new Map<string, number>();
  const waiting = new Map<string, number>();
  const served = new Map<string, number>();
  for (const t of state.tickets.values()) {
    if (t.status === 'waiting') {
      waiting.set(t.serviceId, (waiting.get(t.serviceId) ?? 0) + 1);
      oldestWaiting.set(
        t.serviceId,
        Math.min(oldestWaiting.get(t.serviceId) ?? t.issuedAt, t.issuedAt),
      );
    } else if (t.status === 'done') {
      served.set(t.serviceId, (served.get(t.serviceId) ?? 0) + 1);
    }
  }
  const rows = services.map((s) => ({
    serviceId: s.id,
    name: s.name,
    agencyId: s.agencyId,
    waiting: waiting.get(s.id) ?? 0,
    longestWaitMinutes: minutesSince(now, oldestWaiting.get(s.id)),
    servedToday: served.get(s.id) ?? 0,
    countersOpen: (index.countersByService.get(s.id) ?? []).filter((c) => statusOf(c.id) === 'open')
      .length,
  }));
  const longest = rows.reduce<number | null>(
    (max, r) => (r.longestWaitMinutes === null ? max : Math.max(max ?? 0, r.longestWaitMinutes)),
    null,
  );
  const staffed = counters.flatMap((c) => {
    const at = state.counters.get(c.id);
    if (!at || at.status === 'closed') return [];
    const ticket = at.ticketId ? state.tickets.get(at.ticketId) : undefined;
    return [
      {
        counterId: c.id,
        name: c.name,
        agencyId: c.agencyId,
        status: at.status,
        pauseReason: at.status === 'paused' ? at.pauseReason : null,
        since: at.since,
        officerName: at.officerId ? (officerName(at.officerId) ?? null) : null,
        ticketLabel: ticket?.label ?? null,
        ticketStatus: ticket?.status ?? null,
        serviceName: ticket ? (index.services.get(ticket.serviceId)?.name ?? null) : null,
      },
    ];
  });
  return {
    serviceDay: state.serviceDay,
    waitingNow: rows.reduce((n, r) => n + r.waiting, 0),
    longestWaitMinutes: longest,
    servedToday: rows.reduce((n, r) => n + r.servedToday, 0),
    countersOpen: counters.filter((c) => statusOf(c.id) === 'open').length,
    countersPaused: counters.filter((c) => statusOf(c.id) === 'paused').length,
    services: rows,
    counters: staffed,
  };
}
