import type { TicketContent } from '@antre/escpos';
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
  issuedAt: z.int().min(0),
  timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']),
  peopleAhead: count,
  estimatedWaitMinutes: count.nullable(),
  trackingUrl: z.url({ protocol: /^https?$/ }).max(500),
  footer: text().optional(),
  language: z.enum(['id', 'en']).optional(),
}) satisfies z.ZodType<TicketContent>;

export function parseTicketContent(input: unknown): TicketContent | null {
  const parsed = TicketContentSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}
