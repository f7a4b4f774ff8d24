import type { BookingPolicy, BookingSettings } from '@antre/domain';
import { z } from 'zod';
import { clock, DayHoursSchema } from './hours-schemas';
import { safeLine } from './safe-text';
import { rule } from './field-rules';

const sessionId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, rule('slug'));

export const BookingSessionSchema = z
  .strictObject({ id: sessionId, start: clock, end: clock, places: z.int().min(1).max(999) })
  .refine((s) => s.start < s.end, { message: rule('session_order'), path: ['end'] });

/** A service's online booking rules, edited with the service by the admin or its supervisor. */
export const BookingSettingsSchema = z
  .strictObject({
    sessions: z.array(BookingSessionSchema).min(1).max(12),
    daysAhead: z.int().min(0).max(90),
    cutoff: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('day_before'), at: clock }),
      z.strictObject({ kind: z.literal('before_session'), minutes: z.int().min(0).max(1440) }),
    ]),
    onlineOnly: z.array(DayHoursSchema).max(6),
    checkInEarlyMinutes: z.int().min(0).max(240),
    checkInLateMinutes: z.int().min(0).max(240),
    lateArrival: z.enum(['refuse', 'walk_in']),
    ticketMark: z.string().regex(/^[A-Z]$/, rule('ticket_mark')),
    closedDates: z
      .array(z.strictObject({ date: z.iso.date(), name: safeLine().min(1).max(120) }))
      .max(400),
  })
  .superRefine((settings, ctx) => {
    const sorted = [...settings.sessions].sort((a, b) => a.start.localeCompare(b.start));
    sorted.forEach((s, i) => {
      const next = sorted[i + 1];
      if (next && next.start < s.end)
        ctx.addIssue({ code: 'custom', message: rule('sessions_overlap'), path: ['sessions', i] });
    });
    const ids = settings.sessions.map((s) => s.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', message: rule('session_id_shared'), path: ['sessions'] });
  }) satisfies z.ZodType<BookingSettings>;

export const BookingPolicySchema = z.strictObject({
  maxActivePerNik: z.int().min(1).max(20),
  retentionDays: z.int().min(1).max(365),
}) satisfies z.ZodType<BookingPolicy>;
