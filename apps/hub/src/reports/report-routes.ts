import type { Principal } from '../auth/principal';
import { reportScope } from './report-scope';
import { defineRoute, HttpError } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import { LIVE_TITLES, liveCells } from './live-export';
import { liveReport } from './live-report';
import { localStamp, sheetFile, TABLE_TITLES, tableCells } from './report-export';
import type { ChannelReport } from './channel-report';
import type { NotifyReport } from './notify-report';
import type { ReportStore } from './report-store';
import { summaryReport } from './summary-report';

/** A period the schema let through still has to run forwards. */
function period<Q extends { from: string; to: string }>(query: Q): Q {
  if (query.from > query.to) throw new HttpError(400, 'bad_request', '"from" is after "to"');
  return query;
}

export function reportRoutes(
  engine: QueueEngine,
  store: ReportStore,
  channels?: ChannelReport,
  notifications?: NotifyReport,
) {
  const summaryFor = (principal: Principal, q: { from: string; to: string; agencyId?: string }) =>
    summaryReport(store, engine.index, {
      from: q.from,
      to: q.to,
      agencyId: reportScope(principal, q.agencyId),
      today: engine.queue.serviceDay,
      now: engine.now(),
    });
  // The summary with its split by channel (walk-in, online, staff, integration) and what
  // became of the period's notifications.
  const summaryWithChannels = async (
    principal: Principal,
    q: { from: string; to: string; agencyId?: string },
  ) => {
    const scoped = { from: q.from, to: q.to, agencyId: reportScope(principal, q.agencyId) };
    return {
      ...summaryFor(principal, q),
      ...channels?.(engine.index, scoped),
      notifications: await notifications?.(engine.index.site.timezone, scoped),
    };
  };

  const liveFor = (principal: Principal, asked: string | undefined) => {
    const officers = store.officerNames();
    return liveReport(
      engine.queue,
      engine.index,
      engine.now(),
      reportScope(principal, asked),
      (id) => officers.get(id),
    );
  };

  return [
    defineRoute({
      route: 'GET /api/reports/summary',
      summary: 'Tickets, waiting and service times per agency, service, counter and officer',
      tag: 'reports',
      access: ['admin', 'supervisor'],
      handle: ({ principal, query }) => summaryWithChannels(principal, period(query)),
    }),
    defineRoute({
      route: 'GET /api/reports/live',
      summary: 'Today now: waiting, longest wait, the open counters and what they hold',
      tag: 'reports',
      access: ['admin', 'supervisor'],
      handle: ({ principal, query }) => liveFor(principal, query.agencyId),
    }),
    defineRoute({
      route: 'GET /api/reports/live/export',
      summary: 'One table of Hari ini (services or open counters) as an XLSX or CSV file',
      tag: 'reports',
      access: ['admin', 'supervisor'],
      handle: async ({ principal, query }) => {
        const { table, format, agencyId } = query;
        const names = new Map(engine.index.building.agencies.map((a) => [a.id, a.name]));
        const tz = engine.index.building.site.timezone;
        const clock = (at: number) => localStamp(at, tz).slice(11);
        const report = liveFor(principal, agencyId);
        const cells = liveCells(report, table, (id) => names.get(id) ?? id, clock);
        const day = report.serviceDay;
        return sheetFile(cells, {
          name: `antre-${table}-${day}`,
          format,
          title: LIVE_TITLES[table],
          period: `${day} pukul ${clock(engine.now())}`,
        });
      },
    }),
    defineRoute({
      route: 'GET /api/reports/export',
      summary: 'One report table as an XLSX or CSV file',
      tag: 'reports',
      access: ['admin', 'supervisor'],
      handle: async ({ principal, query }) => {
        const cells = tableCells(await summaryWithChannels(principal, period(query)), query.table);
        return sheetFile(cells, {
          name: `antre-${query.table}-${query.from}_${query.to}`,
          format: query.format,
          title: TABLE_TITLES[query.table],
          period: `${query.from} s.d. ${query.to}`,
        });
      },
    }),
  ];
}
