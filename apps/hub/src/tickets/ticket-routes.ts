import { randomUUID } from 'node:crypto';
import { originOf } from '../audit/request-origin';
import { defineRoute, HttpError } from '../http/routes';
import { unwrap } from '../http/result-status';
import type { CommandBus } from '../queue/command-bus';
import type { QueueEngine } from '../queue/queue-engine';
import type { QueueStorage } from '../queue/queue-storage';
import { toTracking } from '../queue/ticket-views';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export function ticketRoutes(engine: QueueEngine, store: QueueStorage, commands: CommandBus) {
  return [
    defineRoute({
      route: 'POST /api/tickets',
      summary:
        'Issue a ticket that needs no print (booking portals, staff). Send Idempotency-Key to retry safely',
      tag: 'tickets',
      access: ['admin', 'supervisor', 'officer', 'kiosk', 'integration'],
      handle: async ({ body, principal, request }) => {
        const key = request.headers['idempotency-key'];
        if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
          throw new HttpError(
            400,
            'bad_request',
            'Idempotency-Key must be 8–64 letters, digits, - or _',
          );
        }
        // REST issues never wait for a printer: a kiosk printing through REST is an integration.
        const asIntegration =
          principal.kind === 'device' ? { ...principal, role: 'integration' as const } : principal;
        const ack = unwrap(
          await commands.run({
            principal: asIntegration,
            name: 'ticket:issue',
            payload: { commandId: key ?? randomUUID(), ...body },
            origin: originOf(request.ip, request.headers['user-agent']),
          }),
        );
        const ticket = ack.tickets[0];
        if (!ticket) throw new HttpError(500, 'internal', 'No ticket was issued');
        const queue = engine.queue;
        return {
          ...toTracking(engine.index, queue, queue.tickets.get(ticket.id) ?? ticket, engine.now()),
          id: ticket.id,
          number: ticket.number,
          trackUrl: `/t/${ticket.code}`,
        };
      },
    }),
    defineRoute({
      route: 'GET /api/tickets/:code',
      summary: 'Public tracking of one ticket by the code on its QR',
      tag: 'tickets',
      access: 'public',
      handle: async ({ params: { code } }) => {
        const ticket = /^[A-Za-z0-9]{6,32}$/.test(code)
          ? await store.ticketByCode(code)
          : undefined;
        if (!ticket) throw new HttpError(404, 'not_found', 'No ticket with this code');
        const queue = engine.queue;
        return toTracking(
          engine.index,
          queue,
          queue.tickets.get(ticket.id) ?? ticket,
          engine.now(),
        );
      },
    }),
  ];
}
