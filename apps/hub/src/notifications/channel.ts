/**
 * A channel sends one rendered message to one recipient through one provider. The worker
 * (outbox-worker.ts) owns retries, backoff, rate limits and the outbox row; an adapter only
 * makes one attempt and says how it went.
 */
export type ChannelKind = 'whatsapp' | 'http' | 'webpush' | 'log';

/** What a visitor or a staff member receives, already rendered in their language. */
export interface OutgoingMessage {
  /** The outbox key: unique per message, the same on every retry. Passed to providers that accept one. */
  idempotencyKey: string;
  /** Which message this is, e.g. 'ticket.near' (catalogue in message-catalogue.ts). */
  message: string;
  language: 'id' | 'en';
  /** The whole text, placeholders filled. */
  text: string;
  /** A short title (push notifications, e-mail-like gateways). */
  title: string;
  /** The message's values by placeholder name, for providers that fill their own templates. */
  params: Record<string, string>;
  /** Where a tap leads (the tracking or booking page), absolute. */
  url: string | null;
}

export type Recipient =
  { medium: 'phone'; phone: string } | { medium: 'push'; subscription: PushSubscriptionJson };

export interface PushSubscriptionJson {
  endpoint: string;
  expirationTime?: number | null;
  keys: { p256dh: string; auth: string };
}

export type SendOutcome =
  /** The provider took it; `answer` is what it said (a message id), kept in the delivery log. */
  | { ok: true; answer: string }
  /**
   * It did not. `retry: false` when trying again cannot help (bad number, template unknown,
   * push subscription gone); the reason is shown to the admin as is, so no secret goes in it.
   */
  | { ok: false; retry: boolean; reason: string };

export interface Channel {
  kind: ChannelKind;
  send(recipient: Recipient, message: OutgoingMessage, signal: AbortSignal): Promise<SendOutcome>;
}
