import { z } from 'zod';
import { NOTIFY_MESSAGES } from './notifications';

export const ReportQuerySchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  agencyId: z.string().min(1).max(64).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const REPORT_TABLES = [
  'agencies',
  'services',
  'counters',
  'officers',
  'heatmap',
  'channels',
  'notifications',
] as const;
export const ExportQuerySchema = ReportQuerySchema.extend({
  table: z.enum(REPORT_TABLES),
  format: z.enum(['xlsx', 'csv']),
});

const minutes = z.number().nullable();

export const ReportRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  agencyId: z.string().nullable(),
  /** Under the service where the ticket was issued; a counter or officer issues none. */
  issued: z.number(),
  /** Called at this service, counter or officer, including calls that ended in a transfer. */
  called: z.number(),
  served: z.number(),
  noShow: z.number(),
  cancelled: z.number(),
  expired: z.number(),
  /** Sent on to another service from here (counted where it left, not where it went). */
  transferred: z.number(),
  voided: z.number(),
  waitMean: minutes,
  waitMedian: minutes,
  waitP90: minutes,
  serviceMean: minutes,
  serviceMedian: minutes,
  serviceP90: minutes,
  /** Share of the called visitors called within the service's target wait, 0–1. */
  withinTarget: z.number().nullable(),
});
export type ReportRow = z.infer<typeof ReportRowSchema>;

/** Antrean online beside walk-ins: who came by which channel, and how long they waited. */
export const TICKET_CHANNELS_REPORTED = ['walk_in', 'online', 'staff', 'integration'] as const;
export const ChannelRowSchema = z.object({
  channel: z.enum(TICKET_CHANNELS_REPORTED),
  issued: z.number(),
  called: z.number(),
  served: z.number(),
  noShow: z.number(),
  /** Arrival (issue or check-in) to call. */
  waitMean: minutes,
});
export const OnlineSummarySchema = z.object({
  /** Bookings of the period by what became of them. */
  booked: z.number(),
  checkedIn: z.number(),
  noShow: z.number(),
  cancelled: z.number(),
  /** No-shows of the bookings that were due (checked in or absent), 0–1; null when none. */
  noShowRate: z.number().nullable(),
});

/** What became of a group of notification messages. */
const DeliveryCountsSchema = z.object({
  sent: z.number(),
  failed: z.number(),
  skipped: z.number(),
  pending: z.number(),
});
export type DeliveryCounts = z.infer<typeof DeliveryCountsSchema>;
/** A channel's kind ('http': a gateway); 'none': not tried yet, skipped for want of one, removed. */
export const NOTIFY_CHANNELS_REPORTED = ['whatsapp', 'http', 'webpush', 'log', 'none'] as const;
/** The period's messages to visitors and staff by outcome, every kind listed; no test sends. */
export const NotifyCountsSchema = z.object({
  totals: DeliveryCountsSchema,
  byChannel: z.array(DeliveryCountsSchema.extend({ channel: z.enum(NOTIFY_CHANNELS_REPORTED) })),
  byMessage: z.array(DeliveryCountsSchema.extend({ message: z.enum(NOTIFY_MESSAGES) })),
});
export type NotifyCounts = z.infer<typeof NotifyCountsSchema>;

export const SummaryReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: ReportRowSchema,
  agencies: z.array(ReportRowSchema),
  services: z.array(ReportRowSchema),
  counters: z.array(ReportRowSchema),
  officers: z.array(ReportRowSchema),
  /** Arrivals by weekday (0 = Sunday … 6 = Saturday) and local hour. */
  heatmap: z.array(z.object({ weekday: z.number(), hour: z.number(), arrivals: z.number() })),
  channels: z.array(ChannelRowSchema).optional(),
  online: OnlineSummarySchema.optional(),
  notifications: NotifyCountsSchema.optional(),
});
export type SummaryReport = z.infer<typeof SummaryReportSchema>;

export const LiveReportSchema = z.object({
  serviceDay: z.string(),
  waitingNow: z.number(),
  longestWaitMinutes: z.number().nullable(),
  servedToday: z.number(),
  countersOpen: z.number(),
  countersPaused: z.number(),
  services: z.array(
    z.object({
      serviceId: z.string(),
      name: z.string(),
      agencyId: z.string(),
      waiting: z.number(),
      longestWaitMinutes: z.number().nullable(),
      servedToday: z.number(),
      countersOpen: z.number(),
    }),
  ),
  /** Counters open or paused now, with who sits there and the ticket they hold. */
  counters: z.array(
    z.object({
      counterId: z.string(),
      name: z.string(),
      agencyId: z.string(),
      status: z.enum(['open', 'paused']),
      /** What the officer gave as the reason of a break, as typed. */
      pauseReason: z.string().nullable(),
      /** Since when the counter is open or on its break (epoch ms). */
      since: z.number(),
      officerName: z.string().nullable(),
      ticketLabel: z.string().nullable(),
      ticketStatus: z.string().nullable(),
      /** The service the held ticket is queued for. */
      serviceName: z.string().nullable(),
    }),
  ),
});
export type LiveReport = z.infer<typeof LiveReportSchema>;
