import type { RouteRateLimit } from '../http/routes';
import {
  AvailabilityQuerySchema,
  BookingCodeSchema,
  BookingNikSchema,
  CreateBookingBodySchema,
  MoveBookingBodySchema,
  parseInput,
} from '@antre/protocol';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { defineRoute, HttpError, TooManyError } from '../http/routes';
import { bookingCalendarFile } from './booking-calendar';
import type { BookingService } from './booking-service';
import { bookingError } from './booking-service';
import { BookingViewSchema } from './booking-views';

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

export const codeOf = (request: FastifyRequest): string => {
  const parsed = BookingCodeSchema.safeParse((request.params as { code?: unknown }).code);
  if (!parsed.success) throw bookingError('booking_not_found', 'No booking with this code');
  return parsed.data;
};

/** The NIK of a GET: the x-antre-nik header (kept out of logs and addresses) or ?nik=. */
function nikOfQuery(request: FastifyRequest): string {
  const header = request.headers['x-antre-nik'];
  const query = (request.query as { nik?: unknown }).nik;
  const nik = typeof header === 'string' ? header : query;
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
      method: 'GET',
      url: '/api/bookings/availability',
      summary: 'Days of a service open for booking, with sessions and places left (public)',
      tag: 'bookings',
      access: 'public',
      response: z.object({ serviceId: z.string(), timezone: z.string(), days: z.array(z.any()) }),
      handle: ({ request }) => {
        const parsed = parseInput(AvailabilityQuerySchema, request.query ?? {});
        if (!parsed.ok)
          throw new HttpError(400, 'bad_request', parsed.error.message, parsed.error.fields);
        const { serviceId, from, to } = parsed.value;
        return bookings.availability(serviceId, from, to);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/bookings',
      summary: 'Book a place in a session (public; limited per address and per NIK)',
      tag: 'bookings',
      access: 'public',
      body: CreateBookingBodySchema,
      status: 201,
      rateLimit: BOOKING_RATE_LIMIT,
      response: BookingViewSchema,
      handle: async ({ body, request }) => {
        const nik = bookings.nikOf(body.nik);
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
      method: 'GET',
      url: '/api/bookings/:code',
      summary: 'A booking by its code and NIK (header x-antre-nik, or ?nik=)',
      tag: 'bookings',
      access: 'public',
      rateLimit: BOOKING_RATE_LIMIT,
      response: BookingViewSchema,
      handle: ({ request }) => bookings.view(bookings.find(codeOf(request), nikOfQuery(request))),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/bookings/:code',
      summary: 'The citizen cancels their booking (body: { nik })',
      tag: 'bookings',
      access: 'public',
      body: BookingNikSchema,
      rateLimit: BOOKING_RATE_LIMIT,
      response: BookingViewSchema,
      handle: ({ body, request }) => bookings.cancelByCitizen(codeOf(request), body.nik),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/bookings/:code/move',
      summary: 'The citizen moves their booking to another day or session of the service',
      tag: 'bookings',
      access: 'public',
      body: MoveBookingBodySchema,
      rateLimit: BOOKING_RATE_LIMIT,
      response: BookingViewSchema,
      handle: ({ body, request }) =>
        bookings.move(codeOf(request), body.nik, body.date, body.sessionId),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/bookings/:code/calendar.ics',
      summary: 'The booking as an iCalendar file (NIK as for the booking itself)',
      tag: 'bookings',
      access: 'public',
      rateLimit: BOOKING_RATE_LIMIT,
      response: z.string().describe('text/calendar'),
      handle: ({ request, reply }) => {
        const view = bookings.view(bookings.find(codeOf(request), nikOfQuery(request)));
        reply.type('text/calendar; charset=utf-8');
        reply.header('content-disposition', `attachment; filename="antrean-${view.code}.ics"`);
        return bookingCalendarFile(view, request.headers.host ?? 'antre');
      },
    }),
  ];
}
