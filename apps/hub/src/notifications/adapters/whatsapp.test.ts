import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGE_CATALOGUE } from '../message-catalogue';
import type { FakeProvider } from '../testing/fake-provider';
import { graphError, startFakeProvider } from '../testing/fake-provider';
import {
  neverStopping as never,
  sampleMessage as message,
  samplePhone as phone,
} from '../testing/sample-message';
import { WHATSAPP_PARAM_ORDER, whatsAppChannel } from './whatsapp';

// The Cloud API adapter against a fake Graph API on 127.0.0.1 that records, fails, hangs.

const TOKEN = 'rahasia-token-3f9a';
let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider({ token: TOKEN });
});
afterAll(async () => fake.close());
beforeEach(() => fake.reset());

function whatsApp(token = TOKEN, timeoutMs?: number) {
  return whatsAppChannel(
    {
      kind: 'whatsapp',
      name: 'WA',
      enabled: true,
      baseUrl: `${fake.url}/`,
      apiVersion: 'v21.0',
      phoneNumberId: '106540352242922',
      templates: { 'ticket.near': 'antre_giliran_dekat', 'custom.note': 'antre_catatan' },
      token,
    },
    timeoutMs,
  );
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('WhatsApp Cloud API', () => {
  it('when a ticket is near, then a template message goes out shaped as the Cloud API documents it', async () => {
    const m = message();
    const outcome = await whatsApp().send(phone, m, never);
    const sent = fake.requests[0]!;
    expect(outcome).toEqual({ ok: true, answer: expect.stringMatching(/^wamid\./) as string });
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/v21.0/106540352242922/messages');
    expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent.headers['content-type']).toBe('application/json');
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

  it('when the visitor reads English, then the English template is asked for and parameters are made acceptable to Meta', async () => {
    const params = { label: 'A-012', ahead: '', place: 'Counter 3\n\tFloor 1     East' };
    await whatsApp().send(phone, message({ language: 'en', params }), never);
    const { template } = fake.requests[0]!.parsed as {
      template: { language: unknown; components: { parameters: { text: string }[] }[] };
    };
    expect(template.language).toEqual({ code: 'en' });
    expect(template.components[0]!.parameters.map((p) => p.text)).toEqual([
      'A-012',
      '-',
      'Counter 3 Floor 1   East',
    ]);
  });

  it('when a message has no parameter order, then its whole text is the one parameter', async () => {
    const m = message({ message: 'custom.note', text: 'Loket 5 tutup hari ini.' });
    await whatsApp().send(phone, m, never);
    const { template } = fake.requests[0]!.parsed as {
      template: { components: { parameters: unknown[] }[] };
    };
    expect(template.components[0]!.parameters).toEqual([
      { type: 'text', text: 'Loket 5 tutup hari ini.' },
    ]);
  });

  it('when a message has no template named, then nothing is sent and it is not tried again', async () => {
    const outcome = await whatsApp().send(phone, message({ message: 'ticket.called' }), never);
    expect(outcome).toEqual({
      ok: false,
      retry: false,
      reason: 'no WhatsApp template named for ticket.called',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('when the token is wrong, then it fails for good with a plain reason that does not hold the token', async () => {
    const outcome = await whatsApp('salah-token-7c21').send(phone, message(), never);
    expect(outcome).toEqual({
      ok: false,
      retry: false,
      reason: 'the access token is invalid or expired (190)',
    });
    expect(fake.deliveries).toHaveLength(0);
  });

  it.each([
    {
      status: 400,
      body: graphError(131026, 'Message Undeliverable'),
      retry: false,
      says: 'cannot receive WhatsApp',
    },
    {
      status: 404,
      body: graphError(132001, 'Template name does not exist in the translation'),
      retry: false,
      says: 'template does not exist',
    },
    {
      status: 400,
      body: graphError(131056, 'Pair rate limit hit'),
      retry: true,
      says: 'too many messages',
    },
    { status: 429, body: undefined, retry: true, says: 'throughput limit' },
    { status: 500, body: undefined, retry: true, says: 'fault sending it (131000)' },
    {
      status: 503,
      body: '<html>Service Unavailable</html>',
      retry: true,
      says: 'WhatsApp answered 503',
    },
    {
      status: 400,
      body: graphError(999001, 'Something new'),
      retry: false,
      says: 'answered 400 (error 999001): Something new',
    },
  ])(
    'when the Cloud API answers $status ($says), then retry is $retry',
    async ({ status, body, retry, says }) => {
      fake.fail(status, 1, body);
      const outcome = await whatsApp().send(phone, message(), never);
      expect(outcome).toMatchObject({ ok: false, retry });
      expect(outcome.ok ? '' : outcome.reason).toContain(says);
    },
  );

  it('when the provider never answers, then the attempt is cut at its limit and tried again later', async () => {
    fake.hang();
    const started = Date.now();
    const outcome = await whatsApp(TOKEN, 300).send(phone, message(), never);
    expect(outcome).toEqual({ ok: false, retry: true, reason: 'no answer in time' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('when the worker stops mid-attempt, then the attempt ends at once', async () => {
    fake.hang();
    const stopping = new AbortController();
    setTimeout(() => stopping.abort(), 50);
    const outcome = await whatsApp().send(phone, message(), stopping.signal);
    expect(outcome).toEqual({ ok: false, retry: true, reason: 'stopped before an answer' });
  });

  it('when the provider cannot be reached, then it is tried again later', async () => {
    const channel = whatsAppChannel({
      kind: 'whatsapp',
      name: 'WA',
      enabled: true,
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      apiVersion: 'v21.0',
      phoneNumberId: '106540352242922',
      templates: { 'ticket.near': 'antre_giliran_dekat' },
      token: TOKEN,
    });
    expect(await channel.send(phone, message(), never)).toEqual({
      ok: false,
      retry: true,
      reason: 'provider not reachable (ECONNREFUSED)',
    });
  });

  it('every catalogue message has a template parameter order with exactly its placeholders', () => {
    for (const [name, entry] of Object.entries(MESSAGE_CATALOGUE)) {
      expect([...(WHATSAPP_PARAM_ORDER[name] ?? [])].sort(), name).toEqual(
        [...entry.params].sort(),
      );
    }
  });
});
