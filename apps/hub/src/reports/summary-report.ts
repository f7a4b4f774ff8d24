import type { BuildingIndex } from '@antre/domain';
import { summarize } from '@antre/domain';
import type { ReportRow, SummaryReport } from '@antre/protocol';
import type { Tally, TallyKey } from './day-aggregate';
import { emptyTally, mergeTally } from './day-aggregate';
import type { ReportStore } from './report-store';

function rowOf(id: string, name: string, agencyId: string | null, t: Tally): ReportRow {
  const wait = summarize(t.wait);
  const service = summarize(t.service);
  return {
    id,
    name,
    agencyId,
    issued: t.issued,
    // A ticket is called from a queue before it is finished or sent on: both were calls.
    called: t.wait.count + t.transferred,
    served: t.served,
    noShow: t.noShow,
    cancelled: t.cancelled,
    expired: t.expired,
    transferred: t.transferred,
    voided: t.voided,
    waitMean: wait.meanMinutes,
    waitMedian: wait.medianMinutes,
    waitP90: wait.p90Minutes,
    serviceMean: service.meanMinutes,
    serviceMedian: service.medianMinutes,
    serviceP90: service.p90Minutes,
    withinTarget:
      t.wait.count === 0 ? null : Math.round((t.withinTarget / t.wait.count) * 1000) / 1000,
  };
}

/** Sums tallies under a grouping key; rows with an empty key (never called) are skipped. */
function groupBy(entries: { key: TallyKey; tally: Tally }[], keyOf: (k: TallyKey) => string) {
  const groups = new Map<string, Tally>();
  for (const { key, tally } of entries) {
    const id = keyOf(key);
    if (id === '') continue;
    const group = groups.get(id) ?? emptyTally();
    mergeTally(group, tally);
    groups.set(id, group);
  }
  return groups;
}

/**
 * The period's closed days come from the stored aggregates (made on first use), today from
 * its tickets; a supervisor's report is limited to their agency's services.
 */
export async function summaryReport(
  store: ReportStore,
  index: BuildingIndex,
  period: { from: string; to: string; agencyId: string | undefined; today: string; now: number },
): Promise<SummaryReport> {
  const { from, to, agencyId, today, now } = period;
  await store.ensureAggregated(from, to, today, index, now);
  const inScope = (serviceId: string) =>
    !agencyId || index.services.get(serviceId)?.agencyId === agencyId;

  const entries = (await store.stats(from, to)).filter((e) => inScope(e.key.serviceId));
  const heat = new Map<string, number>();
  for (const a of await store.arrivals(from, to)) {
    if (!inScope(a.service_id)) continue;
    const key = `${a.weekday}|${a.hour}`;
    heat.set(key, (heat.get(key) ?? 0) + a.n);
  }
  if (from <= today && today <= to) {
    const live = await store.aggregateLive(today, index);
    entries.push(...[...live.tallies.values()].filter((e) => inScope(e.key.serviceId)));
    const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
    for (const [key, n] of live.arrivals) {
      const [serviceId, hour] = key.split('|');
      if (!inScope(serviceId!)) continue;
      heat.set(`${weekday}|${hour}`, (heat.get(`${weekday}|${hour}`) ?? 0) + n);
    }
  }

  const totals = emptyTally();
  for (const e of entries) mergeTally(totals, e.tally);
  const agencyOfService = (id: string) => index.services.get(id)?.agencyId ?? '';
  const officers = await store.officerNames();
  const agencies = index.building.agencies.filter((a) => !agencyId || a.id === agencyId);
  const byAgency = groupBy(entries, (k) => agencyOfService(k.serviceId));
  const byService = groupBy(entries, (k) => k.serviceId);
  const byCounter = groupBy(entries, (k) => k.counterId);
  const byOfficer = groupBy(entries, (k) => k.officerId);
  const officerAgency = new Map(
    entries.map((e) => [e.key.officerId, agencyOfService(e.key.serviceId)]),
  );

  return {
    from,
    to,
    totals: rowOf('all', 'Semua', agencyId ?? null, totals),
    agencies: agencies.map((a) => rowOf(a.id, a.name, a.id, byAgency.get(a.id) ?? emptyTally())),
    services: [...index.services.values()]
      .filter((s) => inScope(s.id))
      .map((s) => rowOf(s.id, s.name, s.agencyId, byService.get(s.id) ?? emptyTally())),
    counters: [...index.counters.values()]
      .filter((c) => !agencyId || c.agencyId === agencyId)
      .map((c) => rowOf(c.id, c.name, c.agencyId, byCounter.get(c.id) ?? emptyTally())),
    officers: [...byOfficer].map(([id, tally]) =>
      rowOf(id, officers.get(id) ?? id, officerAgency.get(id) ?? null, tally),
    ),
    heatmap: [...heat].map(([key, arrivals]) => {
      const [weekday, hour] = key.split('|').map(Number);
      return { weekday: weekday!, hour: hour!, arrivals };
    }),
  };
}
