import { CheckInBodySchema, parseInput, TrackingViewSchema } from '@antre/protocol';
import { z } from 'zod';
import { originOf } from '../audit/request-origin';
import { defineRoute, HttpError } from '../http/routes';
import { unwrap } from '../http/result-status';
import { publicHubUrl } from '../printing/public-address';
import type { QueueEngine } from '../queue/queue-engine';
import { toTracking } from '../queue/ticket-views';
import { sendFile } from '../reports/report-export';
import type { BookingCheckIn } from './booking-check-in';
import { codeOf } from './booking-routes';
import type { BookingService } from './booking-service';
import { bookingError } from './booking-service';
import type { BookingStore } from './booking-store';
import { bookingListCells, bookingListOf } from './booking-list';
import { BookingViewSchema } from './booking-views';

const ListQuerySchema = z.strictObject({
  serviceId: z.string().min(1).max(64).optional(),
  date: z.iso.date().optional(),
  q: z.string().trim().max(60).optional(),
  format: z.enum(['xlsx', 'csv']).optional(),
});

/** Kiosks and staff check visitors in; admins and supervisors list and export bookings. */
export function bookingDeskRoutes(deps: {
  engine: QueueEngine;
  bookings: BookingService;
  store: BookingStore;
  checkIn: BookingCheckIn;
}) {
  const { engine, bookings, store, checkIn } = deps;

  return [
    defineRoute({
      method: 'POST',
      url: '/api/bookings/:code/check-in',
      summary:
        'Check a booked visitor in: a ticket of the service placed at the session start (kiosk prints)',
      tag: 'bookings',
      access: ['admin', 'supervisor', 'officer', 'kiosk', 'integration'],
      body: CheckInBodySchema,
      status: 201,
      response: z.object({
        ticket: TrackingViewSchema,
        booking: BookingViewSchema,
        print: z.any().optional(),
      }),
      handle: async ({ body, principal, request }) => {
        const code = codeOf(request);
        const origin = originOf(request.ip, request.headers['user-agent']);
        const kiosk = principal.kind === 'device' && principal.role === 'kiosk';
        const asked = { code, commandId: body.commandId, printBy: body.printBy };
        let ticketId: string | undefined;
        let print: unknown;
        if (kiosk) {
          const hubUrl = publicHubUrl(engine.index.site, {
            scheme: 'http',
            host: request.headers.host,
            port: request.socket.localPort,
          });
          const printed = unwrapCheckIn(await checkIn.byKiosk(principal, asked, hubUrl, origin));
          // No printer to drive: nothing was issued and the booking is still open.
          if (printed.outcome === 'print_failed' && printed.ticket === null)
            throw new HttpError(409, 'conflict', 'This kiosk has no printer; nothing was issued');
          print = printed;
          ticketId = store.byCode(code)?.ticket_id ?? undefined;
        } else {
          const ack = unwrapCheckIn(checkIn.byStaff(principal, asked, origin));
          ticketId = ack.tickets[0]?.id;
        }
        const row = store.byCode(code);
        if (!row || !ticketId) throw new HttpError(500, 'internal', 'No ticket was issued');
        const state = engine.state;
        const ticket = state.tickets.get(ticketId);
        if (!ticket) throw new HttpError(500, 'internal', 'No ticket was issued');
        return {
          ticket: toTracking(engine.index, state, ticket, engine.now()),
          booking: bookings.view(row),
          ...(print === undefined ? {} : { print }),
        };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/bookings',
      summary: 'Bookings by service, date or code/name (?format=xlsx|csv for a file)',
      tag: 'bookings',
      access: ['admin', 'supervisor'],
      response: z.object({ bookings: z.array(z.any()) }),
      handle: async ({ principal, request, reply }) => {
        const parsed = parseInput(ListQuerySchema, request.query ?? {});
        if (!parsed.ok)
          throw new HttpError(400, 'bad_request', parsed.error.message, parsed.error.fields);
        const list = bookingListOf(engine, store, principal, parsed.value);
        if (!parsed.value.format) return { bookings: list };
        const period = parsed.value.date ?? 'semua tanggal';
        return sendFile(reply, bookingListCells(list, engine.index.site.timezone), {
          name: `antre-booking-${parsed.value.date ?? 'semua'}`,
          format: parsed.value.format,
          title: 'Antrean online',
          period,
        });
      },
    }),
  ];
}

/** A refused check-in keeps its code; booking_not_found is a 404, other refusals 409. */
function unwrapCheckIn<T>(result: Parameters<typeof unwrap<T>>[0]): T {
  if (!result.ok && result.error.code === 'booking_not_found')
    throw bookingError('booking_not_found', result.error.message);
  return unwrap(result);
}
