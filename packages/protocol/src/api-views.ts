import type { DayAvailability } from '@antre/domain';
import { BOOKING_STATUSES } from '@antre/domain';
import { z } from 'zod';
import type { BookingView } from './booking';
import { FEEDBACK_KINDS } from './survey';
import type { KioskIssueResult } from './kiosk';
import { TrackingViewSchema } from './rest';
import type { AlarmView, ChannelView, DeliveryView, OptInView } from './notifications';
import { NOTIFY_MESSAGES } from './notifications';

// Answers and queries of REST routes that had only an interface, as schemas: each is checked
// against its interface here, so a route's declared answer and the apps' types cannot drift.

const text = z.string().min(1).max(64);
const format = z.enum(['xlsx', 'csv']);

export const OptInViewSchema = z.object({
  medium: z.enum(['phone', 'push']),
  phoneEnd: z.string().nullable(),
}) satisfies z.ZodType<OptInView>;

export const ChannelViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['whatsapp', 'http', 'webpush', 'log']),
  name: z.string(),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  secrets: z.record(z.string(), z.string()),
}) satisfies z.ZodType<ChannelView>;

export const DeliveryViewSchema = z.object({
  seq: z.number(),
  message: z.enum(NOTIFY_MESSAGES),
  recipient: z.string(),
  channel: z.string().nullable(),
  status: z.enum(['pending', 'sent', 'failed', 'skipped']),
  attempts: z.number(),
  createdAt: z.number(),
  sentAt: z.number().nullable(),
  error: z.string().nullable(),
}) satisfies z.ZodType<DeliveryView>;

export const DeliveriesQuerySchema = z.object({
  status: z.enum(['pending', 'sent', 'failed', 'skipped']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AlarmViewSchema = z.object({
  id: z.number(),
  key: z.string(),
  kind: z.enum([
    'wait_over_target',
    'too_many_waiting',
    'counter_paused_long',
    'no_open_counter',
    'printer',
  ]),
  agencyId: z.string().nullable(),
  subjectId: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number()])),
  since: z.number(),
  raisedAt: z.number(),
}) satisfies z.ZodType<AlarmView>;

/** A gateway's ready settings (`GET /api/admin/notify/presets`). */
export const GatewayPresetSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  method: z.enum(['POST', 'GET']),
  contentType: z.enum(['json', 'form']),
  headers: z.array(z.object({ name: z.string(), secret: z.boolean() })),
  body: z.string(),
  note: z.string(),
});
export type GatewayPreset = z.infer<typeof GatewayPresetSchema>;

const MessageTextSchema = z.object({
  text: z.string(),
  default: z.string(),
  edited: z.boolean(),
  preview: z.string(),
});
export type MessageText = z.infer<typeof MessageTextSchema>;

/** One message with its values, sample values and both texts (`GET /api/admin/notify/texts`). */
export const MessageTextsSchema = z.object({
  message: z.enum(NOTIFY_MESSAGES),
  params: z.array(z.string()),
  samples: z.record(z.string(), z.string()),
  id: MessageTextSchema,
  en: MessageTextSchema,
});
export type MessageTexts = z.infer<typeof MessageTextsSchema>;

export const SavedTextSchema = z.object({
  message: z.string(),
  language: z.string(),
  text: z.string(),
});

export const BookingViewSchema = z.object({
  code: z.string(),
  status: z.enum(BOOKING_STATUSES),
  serviceId: z.string(),
  serviceName: z.string(),
  agencyName: z.string(),
  date: z.string(),
  sessionId: z.string(),
  sessionStart: z.number(),
  sessionEnd: z.number(),
  checkInOpensAt: z.number(),
  checkInClosesAt: z.number(),
  counterNumbers: z.array(z.number()),
  zoneNames: z.array(z.string()),
  requirements: z.array(z.string()),
  name: z.string(),
  nikLast4: z.string(),
  cancelReason: z.string().nullable(),
  ticketCode: z.string().nullable(),
}) satisfies z.ZodType<BookingView>;

const SessionAvailabilitySchema = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  places: z.number(),
  left: z.number(),
  state: z.enum(['open', 'full', 'closed']),
});

const DayAvailabilitySchema = z.discriminatedUnion('state', [
  z.object({
    date: z.string(),
    state: z.enum(['open', 'full', 'past_cutoff']),
    sessions: z.array(SessionAvailabilitySchema),
  }),
  z.object({
    date: z.string(),
    state: z.literal('closed'),
    closure: z.union([
      z.object({ reason: z.enum(['holiday', 'service_closed']), name: z.string() }),
      z.object({ reason: z.literal('closed_day') }),
    ]),
    sessions: z.tuple([]),
  }),
]) satisfies z.ZodType<DayAvailability>;

export const AvailabilitySchema = z.object({
  serviceId: z.string(),
  timezone: z.enum(['WIB', 'WITA', 'WIT']),
  days: z.array(DayAvailabilitySchema),
});
export type Availability = z.infer<typeof AvailabilitySchema>;

/** A booking as the admin and supervisor list it; `served` is read from its ticket. */
export const BookingListItemSchema = z.object({
  code: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  date: z.string(),
  sessionId: z.string(),
  sessionStart: z.number(),
  status: z.enum(['booked', 'checked_in', 'served', 'no_show', 'cancelled']),
  name: z.string().nullable(),
  nikLast4: z.string(),
  ticketLabel: z.string().nullable(),
  checkedInAt: z.number().nullable(),
  cancelReason: z.string().nullable(),
});
export type BookingListItem = z.infer<typeof BookingListItemSchema>;

export const BookingListQuerySchema = z.strictObject({
  serviceId: text.optional(),
  date: z.iso.date().optional(),
  q: z.string().trim().max(60).optional(),
  format: format.optional(),
});

/** What a kiosk's check-in printed: the same answer as its `kiosk:issue` (kiosk.ts). */
const KioskPrintSchema = z.custom<KioskIssueResult>(
  (value) => typeof value === 'object' && value !== null && 'outcome' in value,
);

export const CheckInAnswerSchema = z.object({
  ticket: TrackingViewSchema,
  booking: BookingViewSchema,
  print: KioskPrintSchema.optional(),
});

export const LIVE_TABLES = ['live-services', 'live-counters'] as const;
export const LiveExportQuerySchema = z.strictObject({
  table: z.enum(LIVE_TABLES),
  format,
  agencyId: text.optional(),
});
export const LiveQuerySchema = z.object({ agencyId: text.optional() });

export const FeedbackQuerySchema = z.strictObject({
  agencyId: text.optional(),
  kind: z.enum(FEEDBACK_KINDS).optional(),
});
export const FeedbackExportQuerySchema = FeedbackQuerySchema.extend({ format });

/** A device polls its pairing request with the secret only it knows. */
export const PairingPollQuerySchema = z.object({ secret: z.string().min(1).max(200) });

/** `?v=` names the logo's version: a URL with the current one may be cached for good. */
export const LogoQuerySchema = z.object({ v: z.string().max(64).optional() });

/** A booking's NIK on a GET: the x-antre-nik header (kept out of logs), or `?nik=`. */
export const NikQuerySchema = z.object({ nik: z.string().max(64).optional() });
