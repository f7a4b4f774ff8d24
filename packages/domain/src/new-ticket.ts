import type { PriorityKind, Service } from './building';
import type { CommandContext } from './command-context';
import { eventOf } from './command-context';
import type { EventData, QueueChange } from './queue-state';
import { emptyChange, serviceDayState } from './queue-state';
import type { Ticket, TicketChannel } from './ticket';

export interface NewTicket {
  ticketId: string;
  code: string;
  priority: PriorityKind | null;
  channel: TicketChannel;
  /** Kiosk tickets wait in `printing` until the printer confirms. */
  needsPrint: boolean;
  /** Its place in the queue: arrival for a walk-in, the session's start for a booking. */
  sortKey: number;
  /** The label for the next number of the service's one sequence. */
  label: (number: number) => string;
}

/** A ticket with the service's next number, and its `ticket:issued` event. */
export function newTicketChange(
  ctx: CommandContext,
  service: Service,
  request: NewTicket,
  data: EventData = {},
): QueueChange {
  const day = serviceDayState(ctx.state, service.id);
  const number = day.lastNumber + 1;
  const ticket: Ticket = {
    id: request.ticketId,
    code: request.code,
    serviceDay: ctx.state.serviceDay,
    originServiceId: service.id,
    serviceId: service.id,
    number,
    label: request.label(number),
    priority: request.priority,
    status: request.needsPrint ? 'printing' : 'waiting',
    channel: request.channel,
    issuedAt: ctx.now,
    sortKey: request.sortKey,
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counterId: null,
    officerId: null,
    recallCount: 0,
    noShowAt: null,
    parkReason: null,
    transferNote: null,
    transferredFromServiceId: null,
    voidReason: null,
  };
  return {
    ...emptyChange(),
    tickets: [ticket],
    services: [{ ...day, lastNumber: number }],
    events: [
      eventOf(ctx, 'ticket:issued', ticket, null, {
        label: ticket.label,
        priority: ticket.priority,
        ...data,
      }),
    ],
  };
}
