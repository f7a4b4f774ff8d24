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
import { liveReport } from './live-report';
import { TABLE_TITLES, tableCells, toCsv, toXlsx } from './report-export';
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

export function reportRoutes(engine: QueueEngine, store: ReportStore) {
  const summaryFor = (principal: Principal, q: { from: string; to: string; agencyId?: string }) =>
    summaryReport(store, engine.index, {
      from: q.from,
      to: q.to,
      agencyId: reportScope(principal, q.agencyId),
      today: engine.state.serviceDay,
      now: engine.now(),
    });

  return [
    defineRoute({
      method: 'GET',
      url: '/api/reports/summary',
      summary: 'Tickets, waiting and service times per agency, service, counter and officer',
      tag: 'reports',
      access: ['admin', 'supervisor'],
      response: SummaryReportSchema,
      handle: ({ principal, request }) =>
        summaryFor(principal, parseQuery(ReportQuerySchema, request.query)),
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
        const officers = store.officerNames();
        return liveReport(
          engine.state,
          engine.index,
          engine.now(),
          reportScope(principal, asked as string | undefined),
          (id) => officers.get(id),
        );
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
        const cells = tableCells(summaryFor(principal, query), query.table);
        const name = `antre-${query.table}-${query.from}_${query.to}.${query.format}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        if (query.format === 'csv') {
          reply.type('text/csv; charset=utf-8');
          return toCsv(cells);
        }
        reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return toXlsx(cells, TABLE_TITLES[query.table], `${query.from} s.d. ${query.to}`);
      },
    }),
  ];
}
