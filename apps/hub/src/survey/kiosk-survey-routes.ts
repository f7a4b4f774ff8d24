import type { Ticket } from '@antre/domain';
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
  const todays = (label: string) => {
    let found: Ticket | undefined;
    for (const ticket of engine.queue.tickets.values())
      if (ticket.label === label && ticket.status !== 'void') found = ticket;
    const service = found && engine.index.services.get(found.serviceId);
    if (!found || !service)
      throw new HttpError(404, 'ticket_not_found', `No ticket ${label} today`);
    return { ticket: found, service };
  };

  return [
    defineRoute({
      route: 'GET /api/survey/kiosk/:number',
      summary: 'Whether today’s ticket with this number can be rated at the kiosk',
      tag: 'survey',
      access: ['kiosk'],
      handle: async ({ params }) => {
        const { ticket, service } = todays(params.number);
        const reason = await surveyStateOf(surveys, ticket);
        return { open: reason === 'open', reason, serviceName: service.name };
      },
    }),
    defineRoute({
      route: 'POST /api/survey/kiosk/:number',
      summary: 'Answer the SKM at the kiosk for today’s served ticket with this number',
      tag: 'survey',
      access: ['kiosk'],
      handle: async ({ params, body, principal }) => {
        const { ticket, service } = todays(params.number);
        const channel = await surveyChannelOf(principal, surveys, ticket);
        await saveSurveyAnswer(surveys, ticket, service, channel, body, engine.now());
        return { ok: true as const };
      },
    }),
  ];
}
