import type { RouteRateLimit } from '../http/routes';
import { BookingCodeSchema, BookingNikSchema } from '@antre/protocol';
import type { FastifyRequest } from 'fastify';
import { defineRoute, FileReply, TooManyError } from '../http/routes';
import { bookingCalendarFile } from './booking-calendar';
import type { BookingService } from './booking-service';
import { bookingError } from './booking-service';

/** Per address: enough for a family booking on one phone, too few to sweep NIKs or codes. */
export const BOOKING_RATE_LIMIT: RouteRateLimit = {
  max: 20,
  timeWindowMs: 60_000,
  code: 'rate_limited',
  message: 'Too many booking requests from this address; wait a minute',
};
/** Per NIK (by its hash), whatever the address: a tout cannot hoard places under one NIK. */
export const BOOKINGS_PER_NIK = { max: 10, timeWindowMs: 60 * 60_000 };

type Limiter = ReturnType<FastifyRequest['server']['createRateLimit']>;

/** A code that cannot be a booking's is a booking not found, as an unknown one is. */
export const bookingCode = (code: string): string => {
  const parsed = BookingCodeSchema.safeParse(code);
  if (!parsed.success) throw bookingError('booking_not_found', 'No booking with this code');
  return parsed.data;
};

/** The NIK of a GET: the x-antre-nik header (kept out of logs and addresses) or ?nik=. */
function nikOfQuery(request: FastifyRequest, query: { nik?: string | undefined }): string {
  const header = request.headers['x-antre-nik'];
  const nik = typeof header === 'string' ? header : query.nik;
  const parsed = BookingNikSchema.safeParse({ nik });
  if (!parsed.success) throw bookingError('booking_not_found', 'No booking with this code and NIK');
  return parsed.data.nik;
}

/** The citizen's side: availability, book, show, cancel, move, calendar file. */
export function bookingRoutes(bookings: BookingService) {
  const nikKeys = new WeakMap<FastifyRequest, string>();
  let perNik: Limiter | undefined;
  const perNikOf = (request: FastifyRequest): Limiter =>
    (perNik ??= request.server.createRateLimit({
      max: BOOKINGS_PER_NIK.max,
      timeWindow: BOOKINGS_PER_NIK.timeWindowMs,
      keyGenerator: (r) => nikKeys.get(r) ?? r.ip,
    }));

  return [
    defineRoute({
      route: 'GET /api/bookings/availability',
      summary: 'Days of a service open for booking, with sessions and places left (public)',
      tag: 'bookings',
      access: 'public',
      handle: ({ query }) => bookings.availability(query.serviceId, query.from, query.to),
    }),
    defineRoute({
      route: 'POST /api/bookings',
      summary: 'Book a place in a session (public; limited per address and per NIK)',
      tag: 'bookings',
      access: 'public',
      rateLimit: BOOKING_RATE_LIMIT,
      handle: async ({ body, request }) => {
        const nik = await bookings.nikOf(body.nik);
        nikKeys.set(request, `nik:${nik.hash}`);
        const limit = await perNikOf(request)(request);
        if (!limit.isAllowed && limit.isExceeded)
          throw new TooManyError(
            'rate_limited',
            'Too many bookings for this NIK; try again later',
            Math.max(1, limit.ttlInSeconds),
          );
        return bookings.create(body);
      },
    }),
    defineRoute({
      route: 'GET /api/bookings/:code',
      summary: 'A booking by its code and NIK (header x-antre-nik, or ?nik=)',
      tag: 'bookings',
      access: 'public',
      rateLimit: BOOKING_RATE_LIMIT,
      handle: async ({ params, query, request }) =>
        bookings.view(await bookings.find(bookingCode(params.code), nikOfQuery(request, query))),
    }),
    defineRoute({
      route: 'DELETE /api/bookings/:code',
      summary: 'The citizen cancels their booking (body: { nik })',
      tag: 'bookings',
      access: 'public',
      rateLimit: BOOKING_RATE_LIMIT,
      handle: ({ params, body }) => bookings.cancelByCitizen(bookingCode(params.code), body.nik),
    }),
    defineRoute({
      route: 'POST /api/bookings/:code/move',
      summary: 'The citizen moves their booking to another day or session of the service',
      tag: 'bookings',
      access: 'public',
      rateLimit: BOOKING_RATE_LIMIT,
      handle: ({ params, body }) =>
        bookings.move(bookingCode(params.code), body.nik, body.date, body.sessionId),
    }),
    defineRoute({
      route: 'GET /api/bookings/:code/calendar.ics',
      summary: 'The booking as an iCalendar file (NIK as for the booking itself)',
      tag: 'bookings',
      access: 'public',
      rateLimit: BOOKING_RATE_LIMIT,
      handle: async ({ params, query, request }) => {
        const code = bookingCode(params.code);
        const view = await bookings.view(await bookings.find(code, nikOfQuery(request, query)));
        const file = bookingCalendarFile(view, request.headers.host ?? 'antre');
        return new FileReply('text/calendar', file, { name: `antrean-${view.code}.ics` });
      },
    }),
  ];
}
