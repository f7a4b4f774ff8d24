import { z } from 'zod';

/**
 * Why the hub refused a change with 409, as codes a UI can put in its own language; the
 * error's English `message` says the same for API users.
 */
export const ConflictReasonCodeSchema = z.enum([
  // a service removed while it has tickets open today (`label`: one of them)
  'service_open_tickets',
  // a service with tickets open today that no counter would serve any more
  'service_unserved',
  // a counter removed while it is open, paused, or still holds a ticket
  'counter_open',
  'counter_paused',
  'counter_holding',
  // history refers to it: a service is deactivated instead; a zone or agency stays
  'service_has_history',
  'zone_in_use',
  'agency_in_use',
  'username_taken',
  'deactivate_self',
]);
export type ConflictReasonCode = z.infer<typeof ConflictReasonCodeSchema>;

export const ConflictReasonSchema = z.object({
  code: ConflictReasonCodeSchema,
  /** The thing refused, by its name as the admin wrote it (service, counter, username…). */
  name: z.string(),
  /** A ticket that shows the problem, e.g. `A-001`. */
  label: z.string().optional(),
});
export type ConflictReason = z.infer<typeof ConflictReasonSchema>;
