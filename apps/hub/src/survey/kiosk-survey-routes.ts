import type { Ticket } from '@antre/domain';
import {
  KioskSurveyStatusSchema,
  parseInput,
  SurveyBodySchema,
  TicketNumberSchema,
} from '@antre/protocol';
import { z } from 'zod';
import { defineRoute, HttpError } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import { saveSurveyAnswer, surveyChannelOf, surveyStateOf } from './survey-answers';
import type { SurveyStore } from './survey-store';

/**
 * The SKM at the kiosk: the visitor types the number on their ticket. Only today's tickets
 * can be found (numbers repeat every day), and the kiosk learns nothing but whether the
 * number can be rated and its service: no code, no times, nothing about the person.
 */
export function kioskSurveyRoutes(engine: QueueEngine, surveys: SurveyStore) {
  const todays = (raw: string) => {
    const number = parseInput(TicketNumberSchema, raw);
    if (!number.ok)
      throw new HttpError(400, 'bad_request', number.error.message, number.error.fields);
    let found: Ticket | undefined;
    for (const ticket of engine.state.tickets.values())
      if (ticket.label === number.value && ticket.status !== 'void') found = ticket;
    const service = found && engine.index.services.get(found.serviceId);
    if (!found || !service)
      throw new HttpError(404, 'ticket_not_found', `No ticket ${number.value} today`);
    return { ticket: found, service };
  };
  const numberOf = (request: { params: unknown }) => (request.params as { number: string }).number;

  return [
    defineRoute({
      method: 'GET',
      url: '/api/survey/kiosk/:number',
      summary: 'Whether today’s ticket with this number can be rated at the kiosk',
      tag: 'survey',
      access: ['kiosk'],
      response: KioskSurveyStatusSchema,
      handle: ({ request }) => {
        const { ticket, service } = todays(numberOf(request));
        const reason = surveyStateOf(surveys, ticket);
        return { open: reason === 'open', reason, serviceName: service.name };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/survey/kiosk/:number',
      summary: 'Answer the SKM at the kiosk for today’s served ticket with this number',
      tag: 'survey',
      access: ['kiosk'],
      body: SurveyBodySchema,
      status: 201,
      response: z.object({ ok: z.literal(true) }),
      handle: ({ body, principal, request }) => {
        const { ticket, service } = todays(numberOf(request));
        const channel = surveyChannelOf(principal, surveys, ticket);
        saveSurveyAnswer(surveys, ticket, service, channel, body, engine.now());
        return { ok: true as const };
      },
    }),
  ];
}
