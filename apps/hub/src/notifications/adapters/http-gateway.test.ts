import { HttpGatewayChannelSchema } from '@antre/protocol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../channel';
import type { FakeProvider } from '../testing/fake-provider';
import { startFakeProvider } from '../testing/fake-provider';
import {
  neverStopping as never,
  sampleMessage as message,
  samplePhone as phone,
} from '../testing/sample-message';
import type { HttpGatewayConfig } from './http-gateway';
import { GATEWAY_PRESETS, httpGatewayChannel } from './http-gateway';

// The generic gateway adapter and its presets against a fake gateway on 127.0.0.1.

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => fake.close());
beforeEach(() => fake.reset());

describe('HTTP gateway', () => {
  const gateway = (over: Partial<HttpGatewayConfig> = {}, timeoutMs?: number) =>
    httpGatewayChannel(
      {
        kind: 'http',
        name: 'Gateway',
        enabled: true,
        url: `${fake.url}/send`,
        method: 'POST',
        contentType: 'json',
        headers: [
          { name: 'Authorization', secret: true },
          { name: 'X-Site', value: 'mpp-kota', secret: false },
        ],
        body: '{"target":"{{phone}}","message":"{{text}}","title":"{{title}}","ref":"{{key}}","kind":"{{message}}","link":"{{url}}"}',
        secretHeaders: { Authorization: 'token-gateway-81d0' },
        ...over,
      },
      timeoutMs,
    );

  it('when the body is JSON, then quotes, new lines and backslashes in the text arrive intact and cannot break out', async () => {
    const m = message();
    expect(await gateway().send(phone, m, never)).toMatchObject({ ok: true });
    const sent = fake.requests[0]!;
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.parsed).toEqual({
      target: '6281234567890',
      message: m.text,
      title: m.title,
      ref: m.idempotencyKey,
      kind: 'ticket.near',
      link: m.url,
    });
    expect(sent.headers.authorization).toBe('token-gateway-81d0');
    expect(sent.headers['x-site']).toBe('mpp-kota');
    expect(sent.headers['idempotency-key']).toBe(m.idempotencyKey);
  });

  it('when the JSON body template puts text outside quotes, then nothing is sent and it is not tried again', async () => {
    const outcome = await gateway({ body: '{"message": {{text}}}' }).send(phone, message(), never);
    expect(outcome).toEqual({
      ok: false,
      retry: false,
      reason: 'the body template does not make valid JSON',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('when the body is a form, then values are URL-encoded', async () => {
    const m = message();
    await gateway({ contentType: 'form', body: 'target={{phone}}&message={{text}}' }).send(
      phone,
      m,
      never,
    );
    const sent = fake.requests[0]!;
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent.parsed).toEqual({ target: '6281234567890', message: m.text });
  });

  it('when the method is GET, then the filled body is the query string, URL-encoded', async () => {
    const m = message();
    await gateway({
      method: 'GET',
      url: `${fake.url}/send?apikey=abc`,
      body: 'to={{phone}}&msg={{text}}',
    }).send(phone, m, never);
    const sent = fake.requests[0]!;
    expect(sent.method).toBe('GET');
    expect(sent.body).toBe('');
    expect(sent.parsed).toEqual({ apikey: 'abc', to: '6281234567890', msg: m.text });
  });

  it('when the same message is sent twice, then an idempotent provider delivers it once', async () => {
    const m = message();
    const first = await gateway().send(phone, m, never);
    const second = await gateway().send(phone, m, never);
    expect(second).toEqual(first);
    expect(fake.deliveries).toHaveLength(1);
    expect(fake.duplicates).toBe(1);
  });

  it('when the answer is lost on the way back, then the retry with the same key gets the first answer, not a second delivery', async () => {
    const m = message();
    fake.dropAnswers();
    expect(await gateway({}, 300).send(phone, m, never)).toMatchObject({ retry: true });
    fake.normal();
    expect(await gateway().send(phone, m, never)).toMatchObject({ ok: true });
    expect(fake.deliveries).toHaveLength(1);
    expect(fake.duplicates).toBe(1);
  });

  it.each([
    [400, false],
    [401, false],
    [404, false],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
  ])('when the gateway answers %i, then retry is %s', async (status, retry) => {
    fake.fail(status);
    const outcome = await gateway().send(phone, message(), never);
    expect(outcome).toEqual({
      ok: false,
      retry,
      reason: `gateway answered ${status}: {"status":false,"reason":"fake failure"}`,
    });
  });

  it('when the gateway says 200 but status false, then it is a refusal in its own words', async () => {
    fake.fail(200, 1, JSON.stringify({ status: false, reason: 'token invalid' }));
    expect(await gateway().send(phone, message(), never)).toEqual({
      ok: false,
      retry: false,
      reason: 'gateway refused: token invalid',
    });
  });

  it('when the gateway echoes a secret, then the kept answer hides it', async () => {
    fake.fail(200, 1, JSON.stringify({ status: true, token: 'token-gateway-81d0', id: 7 }));
    const outcome = await gateway().send(phone, message(), never);
    expect(outcome).toEqual({ ok: true, answer: '{"status":true,"token":"••••","id":7}' });
  });

  it('when a header value holds a line break, then nothing is sent', async () => {
    const headers = [{ name: 'X-Site', value: 'a\r\nX-Evil: 1', secret: false }];
    expect(await gateway({ headers }).send(phone, message(), never)).toMatchObject({
      ok: false,
      retry: false,
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('when the provider never answers, then the attempt is cut at its limit', async () => {
    fake.hang();
    const started = Date.now();
    expect(await gateway({}, 300).send(phone, message(), never)).toEqual({
      ok: false,
      retry: true,
      reason: 'no answer in time',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('gateway presets', () => {
  const expected: Record<string, (m: OutgoingMessage) => Record<string, string>> = {
    fonnte: (m) => ({ target: '6281234567890', message: m.text, countryCode: '62' }),
    wablas: (m) => ({ phone: '6281234567890', message: m.text }),
    'zenziva-wa': (m) => ({
      userkey: 'USERKEY',
      passkey: 'PASSKEY',
      to: '6281234567890',
      message: m.text,
    }),
    'zenziva-sms': (m) => ({
      userkey: 'USERKEY',
      passkey: 'PASSKEY',
      to: '6281234567890',
      message: m.text,
    }),
  };

  it.each(GATEWAY_PRESETS.map((p) => [p.id, p] as const))(
    'when %s is chosen, then the request carries the number, the text and the token where its API reads them',
    async (id, preset) => {
      const { url, method, contentType, headers, body, note } = preset;
      const parsed = HttpGatewayChannelSchema.parse({
        ...{ kind: 'http', name: preset.name, enabled: true },
        ...{ url, method, contentType, headers, body },
      });
      expect(note.length).toBeGreaterThan(20);
      const channel = httpGatewayChannel({
        ...parsed,
        url: `${fake.url}/${id}`,
        secretHeaders: { Authorization: 'device-token-5e2b' },
      });
      const m = message();
      expect(await channel.send(phone, m, never)).toMatchObject({ ok: true });
      const sent = fake.requests[0]!;
      expect(sent.parsed).toEqual(expected[id]!(m));
      const tokenHeader = preset.headers.some((h) => h.name === 'Authorization');
      expect(sent.headers.authorization).toBe(tokenHeader ? 'device-token-5e2b' : undefined);
    },
  );
});
