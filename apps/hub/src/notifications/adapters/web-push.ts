import { createHash } from 'node:crypto';
import webpush from 'web-push';
import type { Channel, SendOutcome } from '../channel';
import { sendHttp, worthRetrying } from './send-http';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export const makeVapidKeys = (): VapidKeys => webpush.generateVAPIDKeys();

/** Web Push (RFC 8030/8291) through the browser's push service, with the web-push library. */
export function webPushChannel(
  config: VapidKeys & { subject: string },
  timeoutMs?: number,
): Channel {
  return {
    kind: 'webpush',
    async send(recipient, message, signal): Promise<SendOutcome> {
      if (recipient.medium !== 'push')
        return { ok: false, retry: false, reason: 'Web Push needs a push subscription' };
      if (signal.aborted) return { ok: false, retry: true, reason: 'stopped' };
      const payload = JSON.stringify({
        title: message.title,
        body: message.text,
        url: message.url,
        key: message.idempotencyKey,
      });
      // The library encrypts (RFC 8291) and signs (VAPID); the request goes out through the
      // same bounded fetch as every other channel, so the worker's signal can cut it.
      const request = webpush.generateRequestDetails(recipient.subscription, payload, {
        vapidDetails: {
          subject: config.subject,
          publicKey: config.publicKey,
          privateKey: config.privateKey,
        },
        TTL: 3600,
        urgency: 'high',
        // A newer message of the same key replaces one still undelivered.
        topic: createHash('sha256').update(message.idempotencyKey).digest('base64url').slice(0, 32),
      });
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
      if (status >= 200 && status < 300) return { ok: true, answer: String(status) };
      if (status === 404 || status === 410)
        return { ok: false, retry: false, reason: 'subscription expired' };
      return {
        ok: false,
        retry: worthRetrying(status),
        reason: `push service answered ${status}`,
      };
    },
  };
}
