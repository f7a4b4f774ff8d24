import type { ECDH } from 'node:crypto';
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
// http_ece is what web-push encrypts with; the fake push service decrypts with it.
import ece from 'http_ece';
import type { PushSubscriptionJson } from '../channel';

/** A browser's side of a push subscription: the key pair and auth secret it decrypts with. */
export interface PushSubscriber {
  ecdh: ECDH;
  auth: Buffer;
}

export function makeSubscriber(endpoint: string): {
  subscriber: PushSubscriber;
  subscription: PushSubscriptionJson;
} {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    subscriber: { ecdh, auth },
    subscription: {
      endpoint,
      keys: {
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: auth.toString('base64url'),
      },
    },
  };
}

/** RFC 8291: only the subscriber's private key and auth secret open the payload. */
export function decryptPush(raw: Buffer, subscriber: PushSubscriber): string {
  return ece
    .decrypt(raw, {
      version: 'aes128gcm',
      privateKey: subscriber.ecdh,
      authSecret: subscriber.auth.toString('base64url'),
    })
    .toString('utf8');
}

const decodeJson = (part: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

function publicKeyOf(k: string) {
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return null;
  return createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
}

/**
 * RFC 8292 as a push service checks it: "vapid t=<JWT>, k=<public key>", the JWT signed
 * ES256 by that key, for this origin, expiring within a day. Null when it holds.
 */
export function vapidProblem(header: string | undefined, origin: string, now: number) {
  const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), ?k=([\w-]+)$/.exec(header ?? '');
  if (!match) return 'no VAPID authorization';
  const [, head = '', claims = '', signature = '', k = ''] = match;
  try {
    if (decodeJson(head).alg !== 'ES256') return 'the JWT is not ES256';
    const { aud, exp, sub } = decodeJson(claims);
    if (aud !== origin) return 'the JWT is for another audience';
    if (typeof exp !== 'number' || exp * 1000 <= now || exp * 1000 > now + 86_400_000)
      return 'the JWT expiry is not within a day';
    if (typeof sub !== 'string' || !/^(mailto:|https:)/.test(sub)) return 'the JWT has no subject';
    const key = publicKeyOf(k);
    if (!key) return 'k is not a P-256 public key';
    const signed = Buffer.from(`${head}.${claims}`);
    const sig = Buffer.from(signature, 'base64url');
    return verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, sig)
      ? null
      : 'the JWT signature does not match k';
  } catch {
    return 'the JWT cannot be read';
  }
}
