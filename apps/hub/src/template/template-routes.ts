import { fieldError } from '@antre/protocol';
import type { PaperWidth, TicketContent } from '@antre/escpos';
import {
  DEFAULT_TICKET_TEMPLATE,
  TICKET_PLACEHOLDERS,
  ticketDocument,
  toSvg,
  unknownTemplatePlaceholders,
} from '@antre/escpos';
import type { TicketTemplateView } from '@antre/protocol';
import { placeOfService } from '@antre/domain';
import type { AuditStore } from '../audit/audit-store';
import type { Sql } from '../db/sql';
import { defineRoute, HttpError } from '../http/routes';
import { placeText } from '../printing/ticket-printout';
import type { QueueEngine } from '../queue/queue-engine';
import type { TemplateStore } from './template-store';

/** A ticket as this building would issue one, so the preview looks like the real paper. */
function sampleContent(engine: QueueEngine): TicketContent {
  const { building, site } = engine.index;
  const service = building.services[0];
  const agency = building.agencies.find((a) => a.id === service?.agencyId);
  const zone = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
  return {
    siteName: site.name,
    agencyName: agency?.name ?? 'Disdukcapil',
    serviceName: service?.name ?? 'Perekaman KTP-el',
    label: `${service?.prefix ?? 'A'}-001`,
    priorityLabel: 'Prioritas: Lansia',
    issuedAt: engine.now(),
    timeZone: zone[site.timezone],
    peopleAhead: 3,
    estimatedWaitMinutes: 15,
    trackingUrl: 'http://192.168.1.10:8080/t/AB12CD34',
    place: placeText(placeOfService(engine.index, service?.id ?? '')),
    language: 'id',
  };
}

function refuseUnknown(template: string): void {
  const unknown = unknownTemplatePlaceholders(template);
  if (unknown.length === 0) return;
  const names = unknown.map((name) => `{{${name}}}`).join(', ');
  throw new HttpError(400, 'bad_request', `Unknown placeholders: ${names}`, [
    fieldError('template', 'unknown_placeholders', { names }),
  ]);
}

/** The ticket template: read, save (audited) and preview with the printer's own renderer. */
export function templateRoutes(deps: {
  sql: Sql;
  engine: QueueEngine;
  audit: AuditStore;
  templates: TemplateStore;
}) {
  const { sql, engine, audit, templates } = deps;
  const view = (template: string): TicketTemplateView => ({
    template,
    isDefault: template === DEFAULT_TICKET_TEMPLATE,
    defaultTemplate: DEFAULT_TICKET_TEMPLATE,
    placeholders: [...TICKET_PLACEHOLDERS],
  });
  return [
    defineRoute({
      route: 'GET /api/ticket-template',
      summary: 'The receiptline template tickets are printed with',
      tag: 'admin',
      access: ['admin'],
      handle: async () => view(await templates.current()),
    }),
    defineRoute({
      route: 'PUT /api/ticket-template',
      summary: 'Save the ticket template; unknown placeholders are refused',
      tag: 'admin',
      access: ['admin'],
      handle: async ({ body, principal, request }) => {
        refuseUnknown(body.template);
        await sql.transaction(async (tx) => {
          const previous = await templates.current(tx);
          await templates.save(tx, body.template);
          await audit.record(
            tx,
            principal,
            request,
            {
              action: 'ticket-template.update',
              target: null,
              detail: {
                chars: body.template.length,
                previousChars: previous.length,
                isDefault: body.template === DEFAULT_TICKET_TEMPLATE,
              },
            },
            engine.now(),
          );
        });
        return view(body.template);
      },
    }),
    defineRoute({
      route: 'POST /api/ticket-template/preview',
      summary: 'An SVG of a sample ticket printed with this template, as the printer would',
      tag: 'admin',
      access: ['admin'],
      handle: ({ body }) => {
        refuseUnknown(body.template);
        const document = ticketDocument(sampleContent(engine), body.template);
        return { svg: toSvg(document, { paperWidth: body.paperWidth as PaperWidth }) };
      },
    }),
  ];
}
