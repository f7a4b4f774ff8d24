import type { BuildingIndex, DurationStats, TimezoneCode } from '@antre/domain';
import { addDuration, emptyStats, localMoment } from '@antre/domain';

/** The columns of a ticket a report needs. */
export interface ReportTicket {
  origin_service_id: string;
  service_id: string;
  counter_id: string | null;
  officer_id: string | null;
  status: string;
  issued_at: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  no_show_at: number | null;
}

/** A `ticket:transferred` event: the service the ticket left, and who sent it on. */
export interface ReportTransfer {
  from_service_id: string;
  counter_id: string | null;
  officer_id: string | null;
}

export interface Tally {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
  voided: number;
  /** Sent on to another service from here (every hop of a chain counts where it left). */
  transferred: number;
  withinTarget: number;
  wait: DurationStats;
  service: DurationStats;
}

export const emptyTally = (): Tally => ({
  issued: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  expired: 0,
  voided: 0,
  transferred: 0,
  withinTarget: 0,
  wait: emptyStats(),
  service: emptyStats(),
});

export interface TallyKey {
  serviceId: string;
  counterId: string;
  officerId: string;
}

export interface DayAggregate {
  tallies: Map<string, { key: TallyKey; tally: Tally }>;
  /** `${serviceId}|${hour}` → arrivals in that local hour. */
  arrivals: Map<string, number>;
}

/**
 * One service day of tickets in report form. A ticket is issued where it was issued (its
 * origin service, no counter), transferred where it left, and its outcome (served, absent,
 * cancelled, expired) and times count where it ended. Waiting is arrival to call, service is
 * start of serving to finish; a void ticket (its print failed) was never issued to anyone.
 */
export function aggregateDay(
  tickets: readonly ReportTicket[],
  transfers: readonly ReportTransfer[],
  index: BuildingIndex,
  timezone: TimezoneCode,
): DayAggregate {
  const tallies: DayAggregate['tallies'] = new Map();
  const arrivals: DayAggregate['arrivals'] = new Map();
  const tallyAt = (serviceId: string, counterId: string | null, officerId: string | null) => {
    const key = { serviceId, counterId: counterId ?? '', officerId: officerId ?? '' };
    const id = `${key.serviceId}|${key.counterId}|${key.officerId}`;
    const entry = tallies.get(id) ?? { key, tally: emptyTally() };
    tallies.set(id, entry);
    return entry.tally;
  };
  for (const t of tickets) {
    if (t.status === 'void') {
      tallyAt(t.origin_service_id, null, null).voided += 1;
      continue;
    }
    tallyAt(t.origin_service_id, null, null).issued += 1;
    const hour = Math.floor(localMoment(t.issued_at, timezone).minutes / 60);
    const arrivalKey = `${t.origin_service_id}|${hour}`;
    arrivals.set(arrivalKey, (arrivals.get(arrivalKey) ?? 0) + 1);

    const tally = tallyAt(t.service_id, t.counter_id, t.officer_id);
    if (t.status === 'done') tally.served += 1;
    else if (t.no_show_at !== null || t.status === 'no_show') tally.noShow += 1;
    else if (t.status === 'cancelled') tally.cancelled += 1;
    else if (t.status === 'expired') tally.expired += 1;
    if (t.called_at !== null) {
      const wait = t.called_at - t.issued_at;
      addDuration(tally.wait, wait);
      const target = index.services.get(t.service_id)?.targetWaitMinutes;
      if (target !== undefined && wait <= target * 60_000) tally.withinTarget += 1;
    }
    if (t.status === 'done' && t.serving_at !== null && t.finished_at !== null) {
      addDuration(tally.service, t.finished_at - t.serving_at);
    }
  }
  for (const e of transfers)
    tallyAt(e.from_service_id, e.counter_id, e.officer_id).transferred += 1;
  return { tallies, arrivals };
}

export function mergeTally(into: Tally, from: Tally): void {
  into.issued += from.issued;
  into.served += from.served;
  into.noShow += from.noShow;
  into.cancelled += from.cancelled;
  into.expired += from.expired;
  into.voided += from.voided;
  into.transferred += from.transferred;
  into.withinTarget += from.withinTarget;
  for (const part of ['wait', 'service'] as const) {
    into[part].count += from[part].count;
    into[part].sumMs += from[part].sumMs;
    const counts = into[part].counts;
    from[part].counts.forEach((n, i) => {
      if (n) counts[i] = (counts[i] ?? 0) + n;
    });
  }
}
