import type { TicketContent } from '@antre/escpos';
import { unknownTemplatePlaceholders } from '@antre/escpos';
import { z } from 'zod';

const text = (max = 300) => z.string().max(max);
const count = z.int().min(0).max(1_000_000);

/** A ticket sent by the renderer: checked before a byte of it reaches the printer. */
export const TicketContentSchema = z.strictObject({
  siteName: text(),
  agencyName: text(),
  serviceName: text(),
  label: text(16).min(1),
  priorityLabel: text().optional(),
  online: z
    .strictObject({
      session: z.strictObject({ start: z.int().min(0), end: z.int().min(0) }).nullable(),
    })
    .optional(),
  issuedAt: z.int().min(0),
  timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']),
  peopleAhead: count,
  estimatedWaitMinutes: count.nullable(),
  trackingUrl: z.url({ protocol: /^https?$/ }).max(500),
  place: text().optional(),
  footer: text().optional(),
  language: z.enum(['id', 'en']).optional(),
}) satisfies z.ZodType<TicketContent>;

export function parseTicketContent(input: unknown): TicketContent | null {
  const parsed = TicketContentSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}

/** As the hub's template editor allows (TICKET_TEMPLATE_MAX_CHARS in @antre/protocol). */
export const TICKET_TEMPLATE_MAX_CHARS = 4000;

/**
 * The admin's ticket template, as the renderer passes it along: a string of sensible
 * length with only known placeholders, or null. The escpos renderer escapes every value
 * it inserts, so a template can shape the paper but never smuggle printer commands in.
 */
export function parseTicketTemplate(input: unknown): string | null {
  if (typeof input !== 'string' || input.length === 0) return null;
  if (input.length > TICKET_TEMPLATE_MAX_CHARS) return null;
  return unknownTemplatePlaceholders(input).length === 0 ? input : null;
}
