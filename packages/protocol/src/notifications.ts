import { z } from 'zod';
import { safeLine, safeText } from './safe-text';
import { rule } from './field-rules';

// Notifications: the channels an admin configures, a visitor's opt-in, and what the admin sees
// of deliveries and alarms. Secrets (a token, a gateway key) go in with a channel and never
// come back out: views carry them masked.

/** Placeholders a channel's own template may use ({{phone}} in a gateway's body, say). */
export const GATEWAY_PLACEHOLDERS = ['phone', 'text', 'title', 'url', 'key', 'message'] as const;

const channelName = safeLine().min(1).max(80);
const secret = z.string().trim().min(1).max(2000);
const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), { message: rule('web_address') });

export const WhatsAppChannelSchema = z.strictObject({
  kind: z.literal('whatsapp'),
  name: channelName,
  enabled: z.boolean(),
  /** The Graph API's address; a test points it at a fake provider. */
  baseUrl: httpUrl.default('https://graph.facebook.com'),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, rule('graph_version'))
    .default('v21.0'),
  phoneNumberId: z.string().regex(/^\d{5,20}$/, rule('phone_number_id')),
  /** Approved template name per message (message-catalogue.ts); a message without one is not sent. */
  templates: z.record(z.string(), z.string().regex(/^[a-z0-9_]{1,512}$/, rule('template_name'))),
  /** Omitted on an update: the stored token stays. */
  token: secret.optional(),
});

export const HttpGatewayChannelSchema = z.strictObject({
  kind: z.literal('http'),
  name: channelName,
  enabled: z.boolean(),
  url: httpUrl,
  method: z.enum(['POST', 'GET']),
  contentType: z.enum(['json', 'form']),
  /** Header values marked secret are stored like a token and shown masked. */
  headers: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, rule('header_name')),
        value: z.string().max(2000).optional(),
        secret: z.boolean().default(false),
      }),
    )
    .max(10),
  /** The body (or query for GET) with {{placeholders}}: phone, text, title, url, key, message. */
  body: safeText().max(4000),
});

export const WebPushChannelSchema = z.strictObject({
  kind: z.literal('webpush'),
  name: channelName,
  enabled: z.boolean(),
  /** VAPID subject: how a push service reaches the site's operator. */
  subject: z
    .string()
    .trim()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, rule('push_contact')),
});

export const LogChannelSchema = z.strictObject({
  kind: z.literal('log'),
  name: channelName,
  enabled: z.boolean(),
});

export const ChannelBodySchema = z.discriminatedUnion('kind', [
  WhatsAppChannelSchema,
  HttpGatewayChannelSchema,
  WebPushChannelSchema,
  LogChannelSchema,
]);
export type ChannelBody = z.infer<typeof ChannelBodySchema>;

/** An Indonesian mobile number as typed: 08…, 628… or +628…. */
export const PhoneSchema = z
  .string()
  .trim()
  .transform((p) => p.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\+62|62|0)8\d{7,12}$/, rule('mobile_number')));

/** 08123… → 628123…: the form providers take. */
export const normalisePhone = (phone: string): string =>
  phone.replace(/[\s-]/g, '').replace(/^\+/, '').replace(/^0/, '62');

export const PushSubscriptionSchema = z.strictObject({
  endpoint: httpUrl.max(1000),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, rule('push_key')),
    auth: z.string().regex(/^[A-Za-z0-9_-]{16,32}$/, rule('push_auth')),
  }),
});

/** A visitor asks to be told: by push, or by a phone number they consent to give. */
export const OptInBodySchema = z.discriminatedUnion('medium', [
  z.strictObject({
    medium: z.literal('phone'),
    phone: PhoneSchema,
    consent: z.literal(true, { error: rule('consent') }),
    language: z.enum(['id', 'en']).default('id'),
  }),
  z.strictObject({
    medium: z.literal('push'),
    subscription: PushSubscriptionSchema,
    language: z.enum(['id', 'en']).default('id'),
  }),
]);
export type OptInBody = z.infer<typeof OptInBodySchema>;

export interface OptInView {
  medium: 'phone' | 'push';
  /** The phone's last 4 digits, never the whole number. */
  phoneEnd: string | null;
}

const minutes = (max: number) => z.int().min(1).max(max);

/** How the hub notifies: which channels carry what, when, and the alarms' thresholds. */
export const NotifySettingsSchema = z.strictObject({
  /** The channel that carries messages to phone numbers (WhatsApp, a gateway, or the log). */
  phoneChannelId: z.string().max(64).nullable().default(null),
  /** "N numbers before you" is sent when this many or fewer are ahead. */
  nearAhead: z.int().min(1).max(20).default(3),
  /** Alarm: the longest wait passes the service's target by this much. */
  waitOverTargetMinutes: minutes(240).default(10),
  /** Alarm: more than this many waiting for one service. */
  maxWaiting: z.int().min(1).max(1000).default(30),
  /** Alarm: a counter paused longer than this. */
  pauseLimitMinutes: minutes(480).default(30),
  /** Per service, what differs from the above. */
  services: z
    .record(
      z.string().max(64),
      z.strictObject({
        nearAhead: z.int().min(1).max(20).optional(),
        waitOverTargetMinutes: minutes(240).optional(),
        maxWaiting: z.int().min(1).max(1000).optional(),
      }),
    )
    .default({}),
  /** Phone numbers are emptied this many days after they were given. */
  retentionDays: z.int().min(1).max(365).default(30),
  /** Alarms also go out through this channel to these staff numbers (agencyId null: all). */
  staffChannelId: z.string().max(64).nullable().default(null),
  staffPhones: z
    .array(z.strictObject({ agencyId: z.string().max(64).nullable(), phone: PhoneSchema }))
    .max(50)
    .default([]),
  /** Most messages one recipient is sent in an hour; more wait. */
  perRecipientPerHour: z.int().min(1).max(120).default(20),
});
export type NotifySettings = z.output<typeof NotifySettingsSchema>;

export const NOTIFY_MESSAGES = [
  'ticket.near',
  'ticket.called',
  'ticket.transferred',
  'ticket.parked',
  'ticket.missed',
  'booking.confirmed',
  'booking.reminder',
  'booking.cancelled',
  'alarm.raised',
  'test',
] as const;
export type NotifyMessage = (typeof NOTIFY_MESSAGES)[number];

export const NotifyTextBodySchema = z.strictObject({
  message: z.enum(NOTIFY_MESSAGES),
  language: z.enum(['id', 'en']),
  /** Empty: back to the default text. */
  text: safeText().max(600),
});

export const TestSendBodySchema = z.strictObject({
  channelId: z.string().min(1).max(64),
  /** A phone for phone channels; omitted for the log. */
  phone: PhoneSchema.optional(),
});

export interface ChannelView {
  id: string;
  kind: ChannelBody['kind'];
  name: string;
  enabled: boolean;
  /** The settings without secrets. */
  config: Record<string, unknown>;
  /** Each stored secret by name, masked: "••••f3a9". */
  secrets: Record<string, string>;
}

export interface DeliveryView {
  seq: number;
  message: NotifyMessage;
  /** Who, without personal data: "Tiket A-012", "Booking K7Q2MX", "Staf BPJS". */
  recipient: string;
  channel: string | null;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  createdAt: number;
  sentAt: number | null;
  error: string | null;
}

export interface AlarmView {
  id: number;
  key: string;
  kind:
    'wait_over_target' | 'too_many_waiting' | 'counter_paused_long' | 'no_open_counter' | 'printer';
  agencyId: string | null;
  subjectId: string;
  /** Plain words in the viewer's language are the UI's; these are the values. */
  detail: Record<string, string | number>;
  since: number;
  raisedAt: number;
}

/** To the admin and an agency's supervisors: the open alarms they may see, whenever they change. */
export interface HubToStaffAlarms {
  'alarms:list': (alarms: AlarmView[]) => void;
}
