import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type WebPush from 'web-push';
import type { Channel, OutgoingMessage, PushSubscriptionJson, SendOutcome } from '../channel';
import { isSuccess, sendHttp, worthRetrying } from './send-http';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

// Loaded at the first key pair or push, not at every hub start (~30 ms of it).
let loaded: typeof WebPush | null = null;
const webpush = (): typeof WebPush =>
  (loaded ??= createRequire(import.meta.url)('web-push') as typeof WebPush);

export const makeVapidKeys = (): VapidKeys => webpush().generateVAPIDKeys();

/** What the tracking page's service worker receives. */
export const pushPayload = (message: OutgoingMessage): string =>
  JSON.stringify({
    title: message.title,
    body: message.text,
    url: message.url,
    key: message.idempotencyKey,
  });

// A retry of the same message replaces a copy still waiting at the push service, so the phone
// shows it once. Topics are at most 32 URL-safe characters.
const topicOf = (key: string): string =>
  createHash('sha256').update(key).digest('base64url').slice(0, 32);

type PushRequest = ReturnType<typeof WebPush.generateRequestDetails>;

function encrypted(
  subscription: PushSubscriptionJson,
  message: OutgoingMessage,
  config: VapidKeys & { subject: string },
): PushRequest | null {
  try {
    return webpush().generateRequestDetails(subscription, pushPayload(message), {
      vapidDetails: config,
      contentEncoding: 'aes128gcm',
      TTL: 3600,
      urgency: 'high',
      topic: topicOf(message.idempotencyKey),
    });
  } catch {
    return null;
  }
}

/**
 * Web Push (RFC 8030, 8291, 8292). The library encrypts and signs; the request goes out
 * through the same bounded fetch as every channel, because its own sendNotification takes no
 * abort signal and speaks https only.
 */
export function webPushChannel(
  config: VapidKeys & { subject: string },
  timeoutMs?: number,
): Channel {
  return {
    kind: 'webpush',
    async send(recipient, message, signal): Promise<SendOutcome> {
      if (recipient.medium !== 'push')
        return { ok: false, retry: false, reason: 'Web Push needs a push subscription' };
      const request = encrypted(recipient.subscription, message, config);
      if (!request) return { ok: false, retry: false, reason: 'push subscription not usable' };
      const answer = await sendHttp(
        request.endpoint,
        {
          method: request.method,
          headers: request.headers as Record<string, string>,
          body: request.body ? new Uint8Array(request.body) : null,
        },
        signal,
        timeoutMs,
      );
      if ('failed' in answer) return answer.failed;
      const { status } = answer;
      if (isSuccess(status)) return { ok: true, answer: String(status) };
      if (status === 404 || status === 410)
        return { ok: false, retry: false, reason: 'subscription expired' };
      return { ok: false, retry: worthRetrying(status), reason: `push service answered ${status}` };
    },
  };
}
