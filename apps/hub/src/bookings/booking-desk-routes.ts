import type { KioskIssueResult } from '@antre/protocol';
import { originOf } from '../audit/request-origin';
import { defineRoute, HttpError } from '../http/routes';
import { unwrap } from '../http/result-status';
import { publicHubUrl } from '../printing/public-address';
import type { QueueEngine } from '../queue/queue-engine';
import { toTracking } from '../queue/ticket-views';
import { sheetFile } from '../reports/report-export';
import type { BookingCheckIn } from './booking-check-in';
import { bookingCode } from './booking-routes';
import type { BookingService } from './booking-service';
import { bookingError } from './booking-service';
import type { BookingStore } from './booking-store';
import { bookingListCells, bookingListOf } from './booking-list';

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
      route: 'POST /api/bookings/:code/check-in',
      summary:
        'Check a booked visitor in: a ticket of the service placed at the session start (kiosk prints)',
      tag: 'bookings',
      access: ['admin', 'supervisor', 'officer', 'kiosk', 'integration'],
      handle: async ({ params, body, principal, request }) => {
        const code = bookingCode(params.code);
        const origin = originOf(request.ip, request.headers['user-agent']);
        const kiosk = principal.kind === 'device' && principal.role === 'kiosk';
        const asked = { code, commandId: body.commandId, printBy: body.printBy };
        let ticketId: string | undefined;
        let print: KioskIssueResult | undefined;
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
          ticketId = (await store.byCode(code))?.ticket_id ?? undefined;
        } else {
          const ack = unwrapCheckIn(await checkIn.byStaff(principal, asked, origin));
          ticketId = ack.tickets[0]?.id;
        }
        const row = await store.byCode(code);
        if (!row || !ticketId) throw new HttpError(500, 'internal', 'No ticket was issued');
        const queue = engine.queue;
        const ticket = queue.tickets.get(ticketId);
        if (!ticket) throw new HttpError(500, 'internal', 'No ticket was issued');
        return {
          ticket: toTracking(engine.index, queue, ticket, engine.now()),
          booking: await bookings.view(row),
          ...(print === undefined ? {} : { print }),
        };
      },
    }),
    defineRoute({
      route: 'GET /api/admin/bookings',
      summary: 'Bookings by service, date or code/name (?format=xlsx|csv for a file)',
      tag: 'bookings',
      access: ['admin', 'supervisor'],
      handle: async ({ principal, query }) => {
        const list = await bookingListOf(engine, store, principal, query);
        if (!query.format) return { bookings: list };
        return sheetFile(bookingListCells(list, engine.index.site.timezone), {
          name: `antre-booking-${query.date ?? 'semua'}`,
          format: query.format,
          title: 'Antrean online',
          period: query.date ?? 'semua tanggal',
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
