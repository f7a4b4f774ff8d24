import { SKM_ELEMENTS, SKM_WORDING } from '@antre/domain';
import { AGE_BANDS, EDUCATIONS, fieldError, JOBS, SEXES } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import type { RouteRateLimit } from '../http/routes';
import { defineRoute, FileReply, HttpError } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import type { QueueStorage } from '../queue/queue-storage';
import type { ReportStore } from '../reports/report-store';
import { localStamp, sheetFile, XLSX_TYPE } from '../reports/report-export';
import { reportScope } from '../reports/report-scope';
import { feedbackCells } from './feedback-export';
import { ikmCsv, ikmSheet, ikmXlsx } from './ikm-export';
import { ikmReport } from './ikm-report';
import { saveSurveyAnswer, surveyChannelOf, surveyStateOf } from './survey-answers';
import type { SurveyStore } from './survey-store';

export const FEEDBACK_RATE_LIMIT: RouteRateLimit = {
  max: 20,
  timeWindowMs: 10 * 60_000,
  code: 'rate_limited',
  message: 'Too much feedback from this address; wait a few minutes',
};

export const LAPOR_URL = 'https://www.lapor.go.id';
const CODE = /^[A-Za-z0-9]{6,32}$/;

export function surveyRoutes(
  engine: QueueEngine,
  queue: QueueStorage,
  surveys: SurveyStore,
  reports: ReportStore,
) {
  const findTicket = async (code: string) => {
    const ticket = CODE.test(code) ? await queue.ticketByCode(code) : undefined;
    if (!ticket) throw new HttpError(404, 'not_found', 'No ticket with this code');
    const service = engine.index.services.get(ticket.serviceId);
    if (!service) throw new HttpError(404, 'not_found', 'The ticket’s service no longer exists');
    const agency = engine.index.building.agencies.find((a) => a.id === service.agencyId);
    return { ticket, service, agencyName: agency?.name ?? service.agencyId };
  };

  /** The IKM of a period, narrowed to the supervisor's agency whatever they asked. */
  const ikmFor = async (
    principal: Principal,
    query: { from: string; to: string; agencyId?: string },
  ) => {
    const { from, to } = query;
    if (from > to) throw new HttpError(400, 'bad_request', '"from" is after "to"');
    const agencyId = reportScope(principal, query.agencyId);
    const today = engine.queue.serviceDay;
    const served = await reports.servedByService(from, to, today, engine.index, engine.now());
    const responses = await surveys.responses(from, to, agencyId);
    return ikmReport(engine.index.building, responses, served, { from, to, agencyId });
  };

  /** The latest feedback: a supervisor's agency whatever they asked, optionally one kind. */
  const feedbackFor = async (principal: Principal, query: { agencyId?: string; kind?: string }) => {
    const agencyId = reportScope(principal, query.agencyId) ?? null;
    const names = new Map(engine.index.building.agencies.map((a) => [a.id, a.name]));
    const rows = await surveys.feedback(agencyId, 500, query.kind ?? null);
    return rows.map((row) => ({
      id: row.id,
      agencyId: row.agency_id,
      agencyName: names.get(row.agency_id) ?? row.agency_id,
      kind: row.kind,
      message: row.message,
      ticketLabel: row.label,
      serviceName: row.service_id
        ? (engine.index.services.get(row.service_id)?.name ?? null)
        : null,
      createdAt: row.created_at,
    }));
  };

  return [
    defineRoute({
      route: 'GET /api/survey/form',
      summary: 'The SKM questionnaire: nine elements with their answers, optional demographics',
      tag: 'survey',
      access: 'public',
      handle: () => ({
        elements: SKM_ELEMENTS.map((element) => {
          const { name, options } = SKM_WORDING[element];
          return { element, name, options: [...options] };
        }),
        demographics: {
          ageBand: [...AGE_BANDS],
          sex: [...SEXES],
          education: [...EDUCATIONS],
          job: [...JOBS],
        },
        laporUrl: LAPOR_URL,
      }),
    }),
    defineRoute({
      route: 'GET /api/tickets/:code/survey',
      summary: 'Whether this ticket can still be rated (served and not yet answered)',
      tag: 'survey',
      access: 'public',
      handle: async ({ params }) => {
        const { ticket, service, agencyName } = await findTicket(params.code);
        const reason = await surveyStateOf(surveys, ticket);
        return { open: reason === 'open', reason, serviceName: service.name, agencyName };
      },
    }),
    defineRoute({
      route: 'POST /api/tickets/:code/survey',
      summary:
        'Answer the SKM for a served ticket: once per ticket, anonymous; the channel is who sends it',
      tag: 'survey',
      access: 'public',
      handle: async ({ params, body, principal }) => {
        const { ticket, service } = await findTicket(params.code);
        const channel = await surveyChannelOf(principal, surveys, ticket);
        await saveSurveyAnswer(surveys, ticket, service, channel, body, engine.now());
        return { ok: true as const };
      },
    }),
    defineRoute({
      route: 'POST /api/feedback',
      summary: 'A complaint, suggestion or compliment, routed to the agency it is about',
      tag: 'survey',
      access: 'public',
      // Anyone may write, so one address may not fill the agencies' inboxes.
      rateLimit: FEEDBACK_RATE_LIMIT,
      handle: async ({ body }) => {
        if (!engine.index.building.agencies.some((a) => a.id === body.agencyId))
          throw new HttpError(400, 'bad_request', 'Unknown agency', [
            fieldError('agencyId', 'unknown_agency'),
          ]);
        const ticket = body.ticketCode ? await queue.ticketByCode(body.ticketCode) : undefined;
        if (body.ticketCode && !ticket)
          throw new HttpError(400, 'bad_request', 'Unknown ticket', [
            fieldError('ticketCode', 'unknown_ticket'),
          ]);
        const id = randomUUID();
        await surveys.saveFeedback(
          { id, ticketId: ticket?.id ?? null, createdAt: engine.now() },
          body,
        );
        return { id, laporUrl: LAPOR_URL };
      },
    }),
    defineRoute({
      route: 'GET /api/feedback',
      summary: 'The latest feedback: all of it for the admin, their agency’s for a supervisor',
      tag: 'survey',
      access: ['admin', 'supervisor'],
      handle: ({ principal, query }) => feedbackFor(principal, query),
    }),
    defineRoute({
      route: 'GET /api/feedback/export',
      summary: 'The feedback list, filtered as on the page, as an XLSX or CSV file',
      tag: 'survey',
      access: ['admin', 'supervisor'],
      handle: async ({ principal, query }) => {
        const tz = engine.index.building.site.timezone;
        const cells = feedbackCells(await feedbackFor(principal, query), (at) =>
          localStamp(at, tz),
        );
        const now = localStamp(engine.now(), tz);
        return sheetFile(cells, {
          name: `antre-masukan-${now.slice(0, 10)}`,
          format: query.format,
          title: 'Masukan',
          period: `diunduh ${now}`,
        });
      },
    }),
    defineRoute({
      route: 'GET /api/reports/ikm',
      summary: 'IKM per element, service, agency and building for service days from..to',
      tag: 'reports',
      access: ['admin', 'supervisor'],
      handle: ({ principal, query }) => ikmFor(principal, query),
    }),
    defineRoute({
      route: 'GET /api/reports/ikm/export',
      summary: 'One SKM/IKM table (unsur, instansi, layanan, profil responden) as XLSX or CSV',
      tag: 'reports',
      access: ['admin', 'supervisor'],
      handle: async ({ principal, query }) => {
        const sheet = ikmSheet(await ikmFor(principal, query), query.table);
        const name = `antre-skm-${query.table}-${query.from}_${query.to}.${query.format}`;
        if (query.format === 'csv') return new FileReply('text/csv', ikmCsv(sheet), { name });
        const xlsx = await ikmXlsx(sheet, `${query.from} s.d. ${query.to}`);
        return new FileReply(XLSX_TYPE, xlsx, { name });
      },
    }),
  ];
}
