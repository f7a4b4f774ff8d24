import type { StrandReason } from '@antre/domain';
import { z } from 'zod';
import { clock } from './hours-schemas';

/** Why a booking was cancelled: by the citizen, or stranded by a change of the building. */
export const CancelReasonSchema = z.enum([
  'citizen',
  'holiday',
  'service_closed',
  'closed_day',
  'session_removed',
  'places_reduced',
  'booking_off',
] as const satisfies readonly ('citizen' | StrandReason)[]);
export type CancelReason = z.infer<typeof CancelReasonSchema>;

/**
 * What a refusal is about, as data a UI puts in its own words; the error's English message
 * says the same for API users. Which fields come with which code is listed in docs/api.md.
 */
export const RefusalDetailSchema = z.strictObject({
  /** A time of day in the site's timezone: when check-in opens (too_early) or closed (too_late). */
  time: clock.optional(),
  /** A day in the site's timezone: the day the booking is for (not_today). */
  date: z.iso.date().optional(),
  /** Why the booking was cancelled (booking_cancelled). */
  reason: CancelReasonSchema.optional(),
  /** What goes with the reason, as the admin wrote it: a holiday's name, the places left. */
  note: z.string().max(200).optional(),
});
export type RefusalDetail = z.infer<typeof RefusalDetailSchema>;

/** The detail of an error body from the network, or an empty one when it has none or a bad one. */
export const refusalDetailOf = (error: { detail?: unknown } | undefined): RefusalDetail =>
  RefusalDetailSchema.safeParse(error?.detail ?? {}).data ?? {};
