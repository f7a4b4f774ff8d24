import type { Result, SurveyInvite } from '@antre/protocol';
import {
  errResult,
  okResult,
  parseInput,
  SurveyListenSchema,
  SurveyRequestSchema,
} from '@antre/protocol';
import type { QueueEngine } from '../queue/queue-engine';
import type { Io } from '../realtime/socket-server';
import { surveyStateOf } from './survey-answers';
import type { SurveyStore } from './survey-store';

// One room per officer and counter: an invitation reaches only the tablets that officer
// signed in beside the counter where the ticket was finished, never another counter's.
const tabletRoom = (userId: string, counterId: string) => `survey-tablet:${userId}:${counterId}`;

/** The counter tablet: `survey:listen` to join, `survey:request` from the officer who finished. */
export function attachSurveyTablets(io: Io, engine: QueueEngine, surveys: SurveyStore): void {
  io.on('connection', (socket) => {
    const { principal } = socket.data;

    const answer = <T>(ack: unknown, work: () => Result<T>): void => {
      if (typeof ack !== 'function') {
        socket.emit('hub:notice', {
          code: 'bad_request',
          message: 'Every command needs an acknowledgement callback',
        });
        return;
      }
      let result: Result<T>;
      try {
        result = work();
      } catch (error) {
        console.error('survey tablet event failed', error);
        result = errResult('internal', 'The hub could not complete this; nothing was changed');
      }
      (ack as (r: Result<T>) => void)(result);
    };

    socket.on('survey:listen', (payload, ack) =>
      answer(ack, () => {
        if (principal.kind !== 'user')
          return errResult('forbidden', 'Only staff sign in a counter tablet');
        const parsed = parseInput(SurveyListenSchema, payload);
        if (!parsed.ok) return parsed;
        const counter = engine.index.counters.get(parsed.value.counterId);
        if (!counter) return errResult('counter_not_found', 'No such counter');
        if (principal.role !== 'admin' && counter.agencyId !== principal.agencyId)
          return errResult('forbidden', `${counter.name} belongs to another agency`);
        for (const room of socket.rooms)
          if (room.startsWith('survey-tablet:')) void socket.leave(room);
        void socket.join(tabletRoom(principal.id, counter.id));
        return okResult({ counterName: counter.name });
      }),
    );

    socket.on('survey:request', (payload, ack) =>
      answer(ack, () => {
        if (principal.kind !== 'user')
          return errResult('forbidden', 'Only the officer who finished a ticket may ask');
        const parsed = parseInput(SurveyRequestSchema, payload);
        if (!parsed.ok) return parsed;
        const ticket = engine.state.tickets.get(parsed.value.ticketId);
        if (!ticket) return errResult('ticket_not_found', 'No such ticket today');
        const finished = surveys.finishedBy(ticket.id);
        if (ticket.status !== 'done' || !finished?.counterId)
          return errResult('illegal_transition', `${ticket.label} is not finished`);
        if (finished.userId !== principal.id)
          return errResult('forbidden', 'Only the officer who finished this ticket may ask');
        if (surveyStateOf(surveys, ticket) === 'answered')
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
        io.to(room).emit('survey:invite', invite);
        return okResult({ tablets: io.sockets.adapter.rooms.get(room)?.size ?? 0 });
      }),
    );
  });
}
