import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../channel';
import type { FakeProvider } from '../testing/fake-provider';
import { startFakeProvider } from '../testing/fake-provider';
import { GATEWAY_PRESETS, httpGatewayChannel } from './http-gateway';
import { makeVapidKeys, webPushChannel } from './web-push';
import { whatsAppChannel } from './whatsapp';

// Each adapter against a fake provider on 127.0.0.1 that records, fails, hangs on demand.

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider({ token: 'rahasia-token' });
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.normal();
  fake.requests.length = 0;
  fake.deliveries.length = 0;
});

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  idempotencyKey: `sub:1:near:svc-${Math.random()}`,
  message: 'ticket.near',
  language: 'id',
  text: 'Antrean A-012: tinggal 2 nomor lagi sebelum Anda. "Loket 3"\nLantai 1',
  title: 'Giliran Anda segera tiba',
  params: { label: 'A-012', ahead: '2', place: 'Loket 3 · Lantai 1' },
  url: 'http://192.168.1.10:8080/t/AB12CD34',
  ...over,
});
const phone = { medium: 'phone' as const, phone: '6281234567890' };
const never = new AbortController().signal;

function whatsApp(token = 'rahasia-token', timeoutMs?: number) {
  return whatsAppChannel(
    {
      kind: 'whatsapp',
      name: 'WA',
      enabled: true,
      baseUrl: fake.url,
      apiVersion: 'v21.0',
      phoneNumberId: '106540352242922',
      templates: { 'ticket.near': 'antre_giliran_dekat' },
      token,
    },
    timeoutMs,
  );
}

describe('WhatsApp Cloud API', () => {
  it('sends a template message shaped as the Cloud API documents it', async () => {
    const m = message();
    const outcome = await whatsApp().send(phone, m, never);
    expect(outcome).toEqual({ ok: true, answer: 'wamid.1' });
    const sent = fake.requests[0]!;
    expect(sent.path).toBe('/v21.0/106540352242922/messages');
    expect(sent.headers.authorization).toBe('Bearer rahasia-token');
    expect(sent.parsed).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '6281234567890',
      type: 'template',
      template: {
        name: 'antre_giliran_dekat',
        language: { code: 'id' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'A-012' },
              { type: 'text', text: '2' },
              { type: 'text', text: 'Loket 3 · Lantai 1' },
            ],
          },
        ],
      },
      biz_opaque_callback_data: m.idempotencyKey,
    });
  });

  it('a wrong token fails for good, without the token in the reason; 500 is tried again', async () => {
    const refused = await whatsApp('salah').send(phone, message(), never);
    expect(refused).toMatchObject({ ok: false, retry: false });
    expect(JSON.stringify(refused)).not.toContain('salah');
    fake.fail(500);
    expect(await whatsApp().send(phone, message(), never)).toMatchObject({
      ok: false,
      retry: true,
    });
  });

  it('a message without a named template is not sent', async () => {
    const outcome = await whatsApp().send(phone, message({ message: 'ticket.called' }), never);
    expect(outcome).toMatchObject({ ok: false, retry: false });
    expect(fake.requests).toHaveLength(0);
  });

  it('a provider that never answers is cut at the attempt limit', async () => {
    fake.hang();
    const started = Date.now();
    const outcome = await whatsApp('rahasia-token', 300).send(phone, message(), never);
    expect(outcome).toEqual({ ok: false, retry: true, reason: 'no answer in time' });
    expect(Date.now() - started).toBeLessThan(5_000);
    fake.releaseHanging();
  });
});

describe('HTTP gateway', () => {
  const gateway = (over: Record<string, unknown>) =>
    httpGatewayChannel({
      kind: 'http',
      name: 'Gateway',
      enabled: true,
      url: `${fake.url}/send`,
      method: 'POST',
      contentType: 'json',
      headers: [
        { name: 'Authorization', secret: true },
        { name: 'X-Site', value: 'mpp', secret: false },
      ],
      body: '{"target":"{{phone}}","message":"{{text}}","ref":"{{key}}"}',
      secretHeaders: { Authorization: 'token-gateway' },
      ...over,
    } as never);

  it('fills a JSON body so quotes and new lines cannot break it, with the secret header and the key', async () => {
    const m = message();
    expect(await gateway({}).send(phone, m, never)).toMatchObject({ ok: true });
    const sent = fake.requests[0]!;
    expect(sent.parsed).toEqual({
      target: '6281234567890',
      message: m.text,
      ref: m.idempotencyKey,
    });
    expect(sent.headers.authorization).toBe('token-gateway');
    expect(sent.headers['x-site']).toBe('mpp');
    expect(sent.headers['idempotency-key']).toBe(m.idempotencyKey);
  });

  it('fills form bodies and GET queries URL-encoded', async () => {
    const m = message();
    await gateway({ contentType: 'form', body: 'target={{phone}}&message={{text}}' }).send(
      phone,
      m,
      never,
    );
    expect(fake.requests[0]!.parsed).toEqual({ target: '6281234567890', message: m.text });
    await gateway({ method: 'GET', contentType: 'form', body: 'to={{phone}}&msg={{text}}' }).send(
      phone,
      m,
      never,
    );
    expect(fake.requests[1]!.method).toBe('GET');
    expect(fake.requests[1]!.parsed).toEqual({ to: '6281234567890', msg: m.text });
  });

  it('a repeated key is one delivery at an idempotent provider; 400 is final, 503 is tried again', async () => {
    const m = message();
    await gateway({}).send(phone, m, never);
    await gateway({}).send(phone, m, never);
    expect(fake.deliveries).toHaveLength(1);
    expect(fake.duplicates).toBeGreaterThanOrEqual(1);
    fake.fail(400);
    expect(await gateway({}).send(phone, message(), never)).toMatchObject({ retry: false });
    fake.fail(503);
    expect(await gateway({}).send(phone, message(), never)).toMatchObject({ retry: true });
  });

  it('every preset makes a request its provider can read', async () => {
    for (const preset of GATEWAY_PRESETS) {
      const channel = gateway({
        ...preset,
        url: `${fake.url}/${preset.id}`,
        headers: preset.headers,
        secretHeaders: { Authorization: 'x' },
      });
      expect(await channel.send(phone, message(), never)).toMatchObject({ ok: true });
      const sent = fake.requests.at(-1)!.parsed as Record<string, string>;
      expect(Object.values(sent)).toContain('6281234567890');
      expect(Object.values(sent)).toContain(message().text);
    }
  });
});

describe('Web Push', () => {
  it('encrypts the message so only the subscriber can read it, with VAPID', async () => {
    const channel = webPushChannel({ subject: 'mailto:admin@mpp.go.id', ...makeVapidKeys() });
    const m = message();
    const outcome = await channel.send(
      { medium: 'push', subscription: fake.pushSubscription() },
      m,
      never,
    );
    expect(outcome).toEqual({ ok: true, answer: '201' });
    const sent = fake.requests[0]!;
    expect(sent.headers['content-encoding']).toBe('aes128gcm');
    expect(String(sent.headers.authorization)).toMatch(/^vapid t=.+, k=.+/);
    expect(sent.body).not.toContain('A-012');
    expect(sent.parsed).toEqual({
      title: m.title,
      body: m.text,
      url: m.url,
      key: m.idempotencyKey,
    });
  });

  it('a subscription the push service no longer knows ends the message', async () => {
    const channel = webPushChannel({ subject: 'mailto:admin@mpp.go.id', ...makeVapidKeys() });
    fake.fail(410);
    expect(
      await channel.send(
        { medium: 'push', subscription: fake.pushSubscription() },
        message(),
        never,
      ),
    ).toEqual({ ok: false, retry: false, reason: 'subscription expired' });
  });
});
