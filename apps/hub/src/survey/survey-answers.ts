import type { Service, Ticket } from '@antre/domain';
import type { SurveyBody, SurveyChannel } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { HttpError } from '../http/routes';
import type { SurveyStore } from './survey-store';

export type SurveyState = 'open' | 'answered' | 'not_served';

/**
 * Where an answer comes from is decided by who sends it, never by the body: the public
 * answers on a phone, a kiosk on the kiosk, and an officer only on the tablet beside the
 * counter where they finished this very ticket.
 */
export async function surveyChannelOf(
  principal: Principal,
  surveys: SurveyStore,
  ticket: Ticket,
): Promise<SurveyChannel> {
  if (principal.kind === 'public') return 'phone';
  if (principal.kind === 'device') {
    if (principal.role === 'kiosk') return 'kiosk';
    throw new HttpError(403, 'forbidden', `A ${principal.role} does not take surveys`);
  }
  if ((await surveys.finishedBy(ticket.id))?.userId !== principal.id)
    throw new HttpError(403, 'forbidden', 'Only the officer who finished this ticket may ask');
  return 'counter';
}

export async function surveyStateOf(surveys: SurveyStore, ticket: Ticket): Promise<SurveyState> {
  if (ticket.status !== 'done') return 'not_served';
  return (await surveys.hasAnswered(ticket.id)) ? 'answered' : 'open';
}

/** Saves one anonymous answer for a served ticket; the first answer wins. */
export async function saveSurveyAnswer(
  surveys: SurveyStore,
  ticket: Ticket,
  service: Service,
  channel: SurveyChannel,
  body: SurveyBody,
  now: number,
): Promise<void> {
  if (ticket.status !== 'done')
    throw new HttpError(409, 'conflict', 'The survey opens once the service is finished');
  const saved = await surveys.saveResponse(
    {
      id: randomUUID(),
      ticketId: ticket.id,
      serviceDay: ticket.serviceDay,
      serviceId: ticket.serviceId,
    },
    service.agencyId,
    channel,
    body,
    now,
  );
  if (!saved) throw new HttpError(409, 'conflict', 'This ticket has already been rated');
}
