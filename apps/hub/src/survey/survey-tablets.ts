import type { SurveyInvite, SurveyToHub } from '@antre/protocol';
import { errResult, okResult, SurveyListenSchema, SurveyRequestSchema } from '@antre/protocol';
import type { QueueEngine } from '../queue/queue-engine';
import type { SocketHandlers } from '../realtime/socket-handlers';
import { defineSocketHandler } from '../realtime/socket-handlers';
import { surveyStateOf } from './survey-answers';
import type { SurveyStore } from './survey-store';

const STAFF = ['admin', 'supervisor', 'officer'] as const;

// One room per officer and counter: an invitation reaches only the tablets that officer
// signed in beside the counter where the ticket was finished, never another counter's.
const tabletRoom = (userId: string, counterId: string) => `survey-tablet:${userId}:${counterId}`;

/** The counter tablet: `survey:listen` to join, `survey:request` from the officer who finished. */
export function surveyTabletHandlers(
  engine: QueueEngine,
  surveys: SurveyStore,
): SocketHandlers<keyof SurveyToHub> {
  return {
    'survey:listen': defineSocketHandler({
      access: { roles: STAFF, refusal: 'Only staff sign in a counter tablet' },
      schema: SurveyListenSchema,
      handle: ({ payload, principal, socket }) => {
        const counter = engine.index.counters.get(payload.counterId);
        if (!counter) return errResult('counter_not_found', 'No such counter');
        if (principal.role !== 'admin' && counter.agencyId !== principal.agencyId)
          return errResult('forbidden', `${counter.name} belongs to another agency`);
        for (const room of socket.rooms)
          if (room.startsWith('survey-tablet:')) void socket.leave(room);
        void socket.join(tabletRoom(principal.id, counter.id));
        return okResult({ counterName: counter.name });
      },
    }),

    'survey:request': defineSocketHandler({
      access: { roles: STAFF, refusal: 'Only the officer who finished a ticket may ask' },
      schema: SurveyRequestSchema,
      // A failed read rejects: the registry answers `internal` (realtime/socket-handlers.ts).
      handle: async ({ payload, principal, socket }) => {
        const ticket = engine.queue.tickets.get(payload.ticketId);
        if (!ticket) return errResult('ticket_not_found', 'No such ticket today');
        const finished = await surveys.finishedBy(ticket.id);
        if (ticket.status !== 'done' || !finished?.counterId)
          return errResult('illegal_transition', `${ticket.label} is not finished`);
        if (finished.userId !== principal.id)
          return errResult('forbidden', 'Only the officer who finished this ticket may ask');
        if ((await surveyStateOf(surveys, ticket)) === 'answered')
          return errResult('conflict', `${ticket.label} has already been rated`);
        const counter = engine.index.counters.get(finished.counterId);
        const service = engine.index.services.get(ticket.serviceId);
        const agency = engine.index.building.agencies.find((a) => a.id === service?.agencyId);
        const invite: SurveyInvite = {
          ticketCode: ticket.code,
          ticketLabel: ticket.label,
          serviceName: service?.name ?? ticket.serviceId,
          agencyName: agency?.name ?? '',
          counterId: finished.counterId,
          counterName: counter?.name ?? finished.counterId,
          at: engine.now(),
        };
        const room = tabletRoom(principal.id, finished.counterId);
        // The namespace, not the socket: a socket's `to` would skip the officer's own socket.
        socket.nsp.to(room).emit('survey:invite', invite);
        return okResult({ tablets: socket.nsp.adapter.rooms.get(room)?.size ?? 0 });
      },
    }),
  };
}
