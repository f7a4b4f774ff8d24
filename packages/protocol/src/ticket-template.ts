import { z } from 'zod';
import { safeText } from './safe-text';
import { rule } from './field-rules';

/** Big enough for any sensible receipt, small enough that a paste accident is refused. */
export const TICKET_TEMPLATE_MAX_CHARS = 4000;

const template = safeText()
  .min(1, rule('template_empty'))
  .max(TICKET_TEMPLATE_MAX_CHARS, `at most ${TICKET_TEMPLATE_MAX_CHARS} characters`);

/** The receiptline template the hub prints tickets with, and what the editor needs beside it. */
export const TicketTemplateViewSchema = z.object({
  template: z.string(),
  isDefault: z.boolean(),
  defaultTemplate: z.string(),
  placeholders: z.array(z.string()),
});
export type TicketTemplateView = z.infer<typeof TicketTemplateViewSchema>;

export const SaveTicketTemplateBodySchema = z.strictObject({ template });
export type SaveTicketTemplateBody = z.infer<typeof SaveTicketTemplateBodySchema>;

export const TicketPreviewBodySchema = z.strictObject({
  template,
  paperWidth: z.union([z.literal(58), z.literal(80)]),
});
export type TicketPreviewBody = z.infer<typeof TicketPreviewBodySchema>;

export const TicketPreviewSchema = z.object({ svg: z.string() });
export type TicketPreview = z.infer<typeof TicketPreviewSchema>;
