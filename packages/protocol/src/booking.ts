import type { BOOKING_STATUSES } from '@antre/domain';
import { z } from 'zod';
import { safeLine } from './safe-text';
import { rule } from './field-rules';

// The antrean online REST contract: the booking page, kiosks, counters and integrations.

const serviceId = z.string().min(1).max(64);
const date = z.iso.date();
/** The NIK as typed; the hub checks it (checkNik) and keeps only a keyed hash and last 4. */
const nik = z.string().trim().min(1).max(40);
export const BookingCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6,10}$/, rule('booking_code'));

export const AvailabilityQuerySchema = z.strictObject({
  serviceId,
  from: date.optional(),
  to: date.optional(),
});

export const CreateBookingBodySchema = z
  .strictObject({
    serviceId,
    date,
    sessionId: z.string().min(1).max(32),
    nik,
    name: safeLine().min(2).max(120),
    /** Indonesian mobile number, only with consent, for reminders. */
    phone: z
      .string()
      .trim()
      .regex(/^(\+62|62|0)8\d{7,12}$/, rule('mobile_number'))
      .optional(),
    consent: z.boolean().optional(),
    language: z.enum(['id', 'en']).default('id'),
  })
  .refine((b) => b.phone === undefined || b.consent === true, {
    message: rule('consent'),
    path: ['consent'],
  });
export type CreateBookingBody = z.infer<typeof CreateBookingBodySchema>;

export const BookingNikSchema = z.strictObject({ nik });
export const MoveBookingBodySchema = z.strictObject({
  nik,
  date,
  sessionId: z.string().min(1).max(32),
});
export const CheckInBodySchema = z.strictObject({
  commandId: z.string().min(8).max(64),
  /** A kiosk prints (printBy as for kiosk:issue); staff check in without printing. */
  printBy: z.enum(['hub', 'self']).optional(),
});

/** What the citizen sees of a booking: nothing of their NIK but its last four digits. */
export interface BookingView {
  code: string;
  status: (typeof BOOKING_STATUSES)[number];
  serviceId: string;
  serviceName: string;
  agencyName: string;
  date: string;
  sessionId: string;
  sessionStart: number;
  sessionEnd: number;
  checkInOpensAt: number;
  checkInClosesAt: number;
  /** "Loket 12–13 · Lantai 1 — Aula Utama" as data: counter numbers and zone names. */
  counterNumbers: number[];
  zoneNames: string[];
  requirements: string[];
  name: string;
  nikLast4: string;
  cancelReason: string | null;
  /** The ticket's tracking code once checked in. */
  ticketCode: string | null;
}

export const BOOKING_REFUSALS = [
  'invalid_nik',
  'booking_not_offered',
  'unknown_session',
  'date_not_bookable',
  'window_closed',
  'full',
  'duplicate_booking',
  'too_many_bookings',
  'booking_cancelled',
  'already_checked_in',
  'not_today',
  'too_early',
  'too_late',
  'booking_not_found',
] as const;
export type BookingRefusal = (typeof BOOKING_REFUSALS)[number];
