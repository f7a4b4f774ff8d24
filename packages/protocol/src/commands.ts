import { z } from 'zod';
import { safeLine, safeText } from './safe-text';
import { PrioritySchema } from './building-schemas';

// A command id is made by the client, so a retry after a lost ack is recognised.
const commandId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 letters, digits, - or _');
const ref = z.string().min(1).max(64);
const reason = safeLine().min(1).max(200);

const onCounter = { commandId, counterId: ref };

export const CommandSchemas = {
  'ticket:issue': z.strictObject({
    commandId,
    serviceId: ref,
    priority: PrioritySchema.nullable().default(null),
  }),
  'ticket:print-result': z.strictObject({
    commandId,
    ticketId: ref,
    printed: z.boolean(),
    reason: safeLine().max(200).optional(),
  }),
  'ticket:requeue': z.strictObject({ commandId, ticketId: ref }),
  'ticket:cancel': z.strictObject({ commandId, ticketId: ref }),
  'counter:open': z.strictObject(onCounter),
  'counter:call-next': z.strictObject(onCounter),
  'counter:call': z.strictObject({ ...onCounter, ticketId: ref }),
  'counter:recall': z.strictObject(onCounter),
  'counter:start': z.strictObject(onCounter),
  'counter:finish': z.strictObject(onCounter),
  'counter:no-show': z.strictObject(onCounter),
  'counter:park': z.strictObject({ ...onCounter, reason }),
  'counter:transfer': z.strictObject({
    ...onCounter,
    toServiceId: ref,
    note: safeText().trim().max(500).default(''),
    position: z.enum(['arrival', 'first']).default('arrival'),
  }),
  'counter:pause': z.strictObject({ ...onCounter, reason }),
  'counter:resume': z.strictObject(onCounter),
  'counter:close': z.strictObject(onCounter),
} as const;

export type CommandName = keyof typeof CommandSchemas;
export type CommandPayload<C extends CommandName> = z.input<(typeof CommandSchemas)[C]>;
export type ParsedCommand<C extends CommandName> = z.output<(typeof CommandSchemas)[C]>;
export const COMMAND_NAMES = Object.keys(CommandSchemas) as CommandName[];

export const WatchTicketSchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9]{6,32}$/) });
export const SyncRequestSchema = z.strictObject({});
