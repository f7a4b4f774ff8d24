import webpush from 'web-push';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Recipient } from '../channel';
import type { FakeProvider } from '../testing/fake-provider';
import { startFakeProvider } from '../testing/fake-provider';
import { vapidProblem } from '../testing/fake-push-service';
import {
  neverStopping as never,
  sampleMessage as message,
  samplePhone as phone,
} from '../testing/sample-message';
import { makeVapidKeys, webPushChannel } from './web-push';

// The Web Push adapter against a fake push service that checks VAPID and decrypts.

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => fake.close());
beforeEach(() => fake.reset());

describe('Web Push', () => {
  const keys = makeVapidKeys();
  const channel = (timeoutMs?: number) =>
    webPushChannel({ subject: 'mailto:admin@mpp.go.id', ...keys }, timeoutMs);
  const push = (): Recipient => ({ medium: 'push', subscription: fake.pushSubscription() });

  it('when a message is pushed, then the push service takes it with VAPID and only the subscriber can read it', async () => {
    const m = message();
    expect(await channel().send(push(), m, never)).toEqual({ ok: true, answer: '201' });
    const sent = fake.requests[0]!;
    expect(sent.headers['content-encoding']).toBe('aes128gcm');
    expect(sent.headers.authorization).toContain(`k=${keys.publicKey}`);
    expect(sent.headers.ttl).toBe('3600');
    expect(sent.headers.urgency).toBe('high');
    expect(sent.headers.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(sent.raw.includes('A-012')).toBe(false);
    expect(sent.parsed).toEqual({
      title: m.title,
      body: m.text,
      url: m.url,
      key: m.idempotencyKey,
    });
  });

  it('when the same message is pushed again, then it has the same topic, so the service keeps one copy', async () => {
    const to = push();
    const m = message();
    await channel().send(to, m, never);
    await channel().send(to, m, never);
    await channel().send(to, message(), never);
    const topics = fake.requests.map((r) => r.headers.topic);
    expect(topics[0]).toBe(topics[1]);
    expect(topics[2]).not.toBe(topics[0]);
  });

  it('when the subscription is gone, then the message ends: subscription expired', async () => {
    const to = push();
    if (to.medium === 'push') fake.unsubscribe(to.subscription);
    const gone = { ok: false, retry: false, reason: 'subscription expired' };
    expect(await channel().send(to, message(), never)).toEqual(gone);
    fake.fail(404);
    expect(await channel().send(push(), message(), never)).toEqual(gone);
  });

  it.each([
    [429, true],
    [503, true],
    [413, false],
  ])('when the push service answers %i, then retry is %s', async (status, retry) => {
    fake.fail(status);
    expect(await channel().send(push(), message(), never)).toEqual({
      ok: false,
      retry,
      reason: `push service answered ${status}`,
    });
  });

  it('when the push service never answers, then the attempt is cut at its limit', async () => {
    fake.hang();
    expect(await channel(300).send(push(), message(), never)).toEqual({
      ok: false,
      retry: true,
      reason: 'no answer in time',
    });
  });

  it('when a stored subscription has a broken key, then it is not tried again', async () => {
    const to = push();
    if (to.medium === 'push') to.subscription.keys.p256dh = 'A'.repeat(87);
    expect(await channel().send(to, message(), never)).toEqual({
      ok: false,
      retry: false,
      reason: 'push subscription not usable',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('when the recipient is a phone number, then Web Push refuses it for good', async () => {
    expect(await channel().send(phone, message(), never)).toEqual({
      ok: false,
      retry: false,
      reason: 'Web Push needs a push subscription',
    });
  });

  it('the fake push service refuses a VAPID header it cannot verify', () => {
    const origin = fake.url;
    const other = makeVapidKeys();
    const signed = (audience: string) =>
      webpush.getVapidHeaders(
        audience,
        'mailto:a@b.id',
        keys.publicKey,
        keys.privateKey,
        'aes128gcm',
      ).Authorization;
    expect(vapidProblem(signed(origin), origin, Date.now())).toBeNull();
    expect(vapidProblem(undefined, origin, Date.now())).toBe('no VAPID authorization');
    expect(vapidProblem(signed('https://push.example'), origin, Date.now())).toBe(
      'the JWT is for another audience',
    );
    const forged = signed(origin).replace(`k=${keys.publicKey}`, `k=${other.publicKey}`);
    expect(vapidProblem(forged, origin, Date.now())).toBe('the JWT signature does not match k');
  });
});
