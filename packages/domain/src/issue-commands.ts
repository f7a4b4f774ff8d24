import { walkInQuota } from './booking';
import { walkInRefusedUntil } from './booking-check-in';
import type { PriorityKind, Service } from './building';
import type { CommandContext } from './command-context';
import { eventOf, findTicket } from './command-context';
import type { QueueChange } from './queue-state';
import { emptyChange, ticketsOfService } from './queue-state';
import { newTicketChange } from './new-ticket';
import type { Result } from './result';
import { fail, ok } from './result';
import { serviceAvailability } from './schedule';
import type { Ticket, TicketChannel } from './ticket';
import { formatLabel, isOpenTicket, moveTicket } from './ticket';

export interface IssueRequest {
  serviceId: string;
  priority: PriorityKind | null;
  channel: TicketChannel;
  /** Kiosk tickets wait in `printing` until the printer confirms. */
  needsPrint: boolean;
  /** Made by the caller (random), so the rules stay pure. */
  ticketId: string;
  code: string;
}

export function issuedToday(ctx: CommandContext, serviceId: string): number {
  return ticketsOfService(ctx.state, serviceId).issued;
}

export function issueTicket(ctx: CommandContext, request: IssueRequest): Result<QueueChange> {
  const service = ctx.index.services.get(request.serviceId);
  if (!service) return fail('service_not_found', `No service ${request.serviceId}`);
  const availability = serviceAvailability(
    ctx.index.site,
    service,
    issuedToday(ctx, service.id),
    ctx.now,
  );
  if (!availability.open) {
    if (availability.reason === 'quota_reached') {
      return fail(
        'quota_reached',
        `${service.name} has issued its ${service.dailyQuota} tickets for today`,
      );
    }
    if (availability.reason === 'inactive')
      return fail('service_inactive', `${service.name} is not offered`);
    return fail('service_closed', `${service.name} is closed now (${availability.reason})`);
  }
  const walkIn = walkInRefusal(ctx, service, request.channel);
  if (walkIn) return walkIn;
  return ok(
    newTicketChange(ctx, service, {
      ...request,
      sortKey: ctx.now,
      label: (number) => formatLabel(service.prefix, number),
    }),
  );
}

/**
 * Antrean online: in a service's online-only hours the kiosk (and an integration) gives no
 * walk-in number, and walk-ins share only the quota left beside the places offered online.
 * Staff may still issue on a visitor's behalf in online-only hours.
 */
function walkInRefusal(
  ctx: CommandContext,
  service: Service,
  channel: TicketChannel,
): Result<never> | null {
  if (!service.booking || channel === 'online') return null;
  const until = channel === 'staff' ? null : walkInRefusedUntil(ctx.index.site, service, ctx.now);
  if (until)
    return fail('online_only', `${service.name} takes only online bookings until ${until}`, {
      time: until,
    });
  const quota = walkInQuota(service, ctx.index.site, ctx.state.serviceDay);
  if (quota === null) return null;
  return ticketsOfService(ctx.state, service.id).walkIns >= quota
    ? fail('quota_reached', `${service.name} has issued its ${quota} walk-in tickets for today`)
    : null;
}

/**
 * A print result settles only a ticket still `printing`. One that arrives after the ticket was
 * settled otherwise (queued at a restart, then maybe called; voided at the day's end) changes
 * nothing and succeeds: the kiosk's report is answered, and a retry stops.
 */
function stillPrinting(ctx: CommandContext, ticketId: string): Result<Ticket | null> {
  const found = findTicket(ctx, ticketId);
  if (!found.ok) return found;
  return ok(found.value.status === 'printing' ? found.value : null);
}

/** The printer took the ticket: only now does it enter the queue. */
export function confirmPrint(ctx: CommandContext, ticketId: string): Result<QueueChange> {
  const found = stillPrinting(ctx, ticketId);
  if (!found.ok) return found;
  if (!found.value) return ok(emptyChange());
  const moved = moveTicket(found.value, 'waiting');
  if (!moved.ok) return moved;
  return ok({
    ...emptyChange(),
    tickets: [moved.value],
    events: [eventOf(ctx, 'ticket:printed', moved.value, null)],
  });
}

/** The print failed: the number is spent, the ticket never queues. */
export function voidPrint(
  ctx: CommandContext,
  ticketId: string,
  reason: string,
): Result<QueueChange> {
  const found = stillPrinting(ctx, ticketId);
  if (!found.ok) return found;
  if (!found.value) return ok(emptyChange());
  const moved = moveTicket(found.value, 'void', { voidReason: reason, finishedAt: ctx.now });
  if (!moved.ok) return moved;
  return ok({
    ...emptyChange(),
    tickets: [moved.value],
    events: [eventOf(ctx, 'ticket:voided', moved.value, null, { reason })],
  });
}

export function cancelTicket(ctx: CommandContext, ticketId: string): Result<QueueChange> {
  const found = findTicket(ctx, ticketId);
  if (!found.ok) return found;
  const moved = moveTicket(found.value, 'cancelled', { finishedAt: ctx.now });
  if (!moved.ok) return moved;
  return ok({
    ...emptyChange(),
    tickets: [moved.value],
    events: [eventOf(ctx, 'ticket:cancelled', moved.value, null)],
  });
}

/**
 * Ends every unfinished ticket: at closing for `waiting` ones, and at the day's change for
 * all (a print never confirmed is voided). Counters holding one are freed and closed.
 */
export function expireTickets(
  ctx: CommandContext,
  scope: 'waiting' | 'all',
  serviceIds: ReadonlySet<string> | null = null,
): QueueChange {
  const change = emptyChange();
  for (const ticket of ctx.state.tickets.values()) {
    if (!isOpenTicket(ticket.status)) continue;
    if (serviceIds && !serviceIds.has(ticket.serviceId)) continue;
    if (scope === 'waiting' && ticket.status !== 'waiting') continue;
    const to = ticket.status === 'printing' ? 'void' : 'expired';
    const moved = moveTicket(ticket, to, {
      finishedAt: ctx.now,
      voidReason: to === 'void' ? 'not_printed' : null,
    });
    if (!moved.ok) continue;
    change.tickets.push(moved.value);
    change.events.push(
      eventOf(ctx, to === 'void' ? 'ticket:voided' : 'ticket:expired', moved.value, null, {
        from: ticket.status,
      }),
    );
  }
  if (scope === 'all') {
    for (const counter of ctx.state.counters.values()) {
      if (counter.status === 'closed' && counter.ticketId === null) continue;
      change.counters.push({
        ...counter,
        status: 'closed',
        ticketId: null,
        pauseReason: null,
        officerId: null,
        since: ctx.now,
      });
      change.events.push(
        eventOf(ctx, 'counter:closed', null, counter.counterId, { reason: 'day_end' }),
      );
    }
  }
  return change;
}
