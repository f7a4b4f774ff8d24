import type { z } from 'zod';
import {
  ExportQuerySchema,
  LiveReportSchema,
  parseInput,
  ReportQuerySchema,
  SummaryReportSchema,
} from '@antre/protocol';
import { z as zod } from 'zod';
import type { Principal } from '../auth/principal';
import { reportScope } from './report-scope';
import { defineRoute, HttpError } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import { LIVE_TITLES, liveCells, LiveExportQuerySchema } from './live-export';
import { liveReport } from './live-report';
import { localStamp, sendFile, TABLE_TITLES, tableCells } from './report-export';
import type { ChannelReport } from './channel-report';
import type { NotifyReport } from './notify-report';
import type { ReportStore } from './report-store';
import { summaryReport } from './summary-report';

function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const parsed = parseInput(schema, query ?? {});
  if (!parsed.ok)
    throw new HttpError(400, 'bad_request', parsed.error.message, parsed.error.fields);
  const value = parsed.value as z.output<S> & { from: string; to: string };
  if (value.from > value.to) throw new HttpError(400, 'bad_request', '"from" is after "to"');
  return value;
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
      today: engine.state.serviceDay,
      now: engine.now(),
    });
  // The summary with its split by channel (walk-in, online, staff, integration) and what
  // became of the period's notifications.
  const summaryWithChannels = (
    principal: Principal,
    q: { from: string; to: string; agencyId?: string },
  ) => {
    const scoped = { from: q.from, to: q.to, agencyId: reportScope(principal, q.agencyId) };
    return {
      ...summaryFor(principal, q),
      ...channels?.(engine.index, scoped),
      notifications: notifications?.(engine.index.site.timezone, scoped),
    };
  };

  const liveFor = (principal: Principal, asked: string | undefined) => {
    const officers = store.officerNames();
    return liveReport(
      engine.state,
      engine.index,
      engine.now(),
      reportScope(principal, asked),
      (id) => officers.get(id),
    );
  };

  return [
    defineRoute({
      method: 'GET',
      url: '/api/reports/summary',
      summary: 'Tickets, waiting and service times per agency, service, counter and officer',
      tag: 'reports',
      access: ['admin', 'supervisor'],
      response: SummaryReportSchema,
      handle: ({ principal, request }) =>
        summaryWithChannels(principal, parseQuery(ReportQuerySchema, request.query)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/reports/live',
      summary: 'Today now: waiting, longest wait, the open counters and what they hold',
      tag: 'reports',
      access: ['admin', 'supervisor'],
      response: LiveReportSchema,
      handle: ({ principal, request }) => {
        const asked = (request.query as { agencyId?: unknown } | undefined)?.agencyId;
        if (asked !== undefined && (typeof asked !== 'string' || asked.length > 64))
          throw new HttpError(400, 'bad_request', 'agencyId must be an agency id');
        return liveFor(principal, asked as string | undefined);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/reports/live/export',
      summary: 'One table of Hari ini (services or open counters) as an XLSX or CSV file',
      tag: 'reports',
      access: ['admin', 'supervisor'],
      response: zod.string().describe('the file'),
      handle: async ({ principal, request, reply }) => {
        const parsed = parseInput(LiveExportQuerySchema, request.query ?? {});
        if (!parsed.ok)
          throw new HttpError(400, 'bad_request', parsed.error.message, parsed.error.fields);
        const { table, format, agencyId } = parsed.value;
        const names = new Map(engine.index.building.agencies.map((a) => [a.id, a.name]));
        const tz = engine.index.building.site.timezone;
        const clock = (at: number) => localStamp(at, tz).slice(11);
        const report = liveFor(principal, agencyId);
        const cells = liveCells(report, table, (id) => names.get(id) ?? id, clock);
        const day = report.serviceDay;
        return sendFile(reply, cells, {
          name: `antre-${table}-${day}`,
          format,
          title: LIVE_TITLES[table],
          period: `${day} pukul ${clock(engine.now())}`,
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/reports/export',
      summary: 'One report table as an XLSX or CSV file',
      tag: 'reports',
      access: ['admin', 'supervisor'],
      response: zod.string().describe('the file'),
      handle: async ({ principal, request, reply }) => {
        const query = parseQuery(ExportQuerySchema, request.query);
        const cells = tableCells(summaryWithChannels(principal, query), query.table);
        return sendFile(reply, cells, {
          name: `antre-${query.table}-${query.from}_${query.to}`,
          format: query.format,
          title: TABLE_TITLES[query.table],
          period: `${query.from} s.d. ${query.to}`,
        });
      },
    }),
  ];
}
