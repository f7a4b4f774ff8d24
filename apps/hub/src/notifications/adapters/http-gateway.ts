import type { HttpGatewayChannelSchema } from '@antre/protocol';
import { GATEWAY_PLACEHOLDERS, normalisePhone } from '@antre/protocol';
import type { z } from 'zod';
import type { Channel, OutgoingMessage, SendOutcome } from '../channel';
import { isSuccess, sendHttp, withoutSecrets, worthRetrying } from './send-http';

export { GATEWAY_PRESETS, type GatewayPreset } from './gateway-presets';

export type HttpGatewayConfig = z.output<typeof HttpGatewayChannelSchema> & {
  /** Values of the headers marked secret, by header name. */
  secretHeaders: Record<string, string>;
};

const PLACEHOLDER = new RegExp(`\\{\\{(${GATEWAY_PLACEHOLDERS.join('|')})\\}\\}`, 'g');

function valuesOf(phone: string, message: OutgoingMessage): Record<string, string> {
  return {
    phone,
    text: message.text,
    title: message.title,
    url: message.url ?? '',
    key: message.idempotencyKey,
    message: message.message,
  };
}

/** Fills the body template, each value escaped for where it lands so none can break out. */
export function fillBody(
  template: string,
  contentType: 'json' | 'form',
  values: Record<string, string>,
): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name] ?? '';
    return contentType === 'json' ? JSON.stringify(value).slice(1, -1) : encodeURIComponent(value);
  });
}

type Request = { url: string; init: RequestInit } | { invalid: string };

function requestOf(config: HttpGatewayConfig, body: string, key: string): Request {
  if (config.contentType === 'json' && config.method === 'POST') {
    try {
      JSON.parse(body);
    } catch {
      return { invalid: 'the body template does not make valid JSON' };
    }
  }
  const headers = new Headers();
  try {
    if (config.method === 'POST')
      headers.set(
        'content-type',
        config.contentType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      );
    for (const h of config.headers) {
      const value = h.secret ? config.secretHeaders[h.name] : h.value;
      if (value !== undefined) headers.set(h.name, value);
    }
    headers.set('idempotency-key', key);
  } catch {
    return { invalid: 'a header of this channel holds characters a header cannot' };
  }
  if (config.method === 'POST') return { url: config.url, init: { method: 'POST', headers, body } };
  const url = config.url + (config.url.includes('?') ? '&' : '?') + body;
  return { url, init: { method: 'GET', headers } };
}

/** Many Indonesian gateways refuse with 200 and { status: false, reason }. */
function refusalIn(text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object') return null;
  const { status, success, reason, message, detail } = body as Record<string, unknown>;
  if (status !== false && success !== false) return null;
  const words = [reason, message, detail].find((w) => typeof w === 'string');
  return typeof words === 'string' ? words.slice(0, 150) : 'no reason given';
}

function outcomeOf(status: number, text: string): SendOutcome {
  if (isSuccess(status)) {
    const refusal = refusalIn(text);
    if (refusal) return { ok: false, retry: false, reason: `gateway refused: ${refusal}` };
    return { ok: true, answer: text.slice(0, 200) || String(status) };
  }
  const said = text.trim().slice(0, 100);
  return {
    ok: false,
    retry: worthRetrying(status),
    reason: `gateway answered ${status}${said ? `: ${said}` : ''}`,
  };
}

/** Any SMS or WhatsApp gateway with an HTTP API: URL, method, headers, body with placeholders. */
export function httpGatewayChannel(config: HttpGatewayConfig, timeoutMs?: number): Channel {
  const secrets = Object.values(config.secretHeaders);
  return {
    kind: 'http',
    async send(recipient, message, signal): Promise<SendOutcome> {
      if (recipient.medium !== 'phone')
        return { ok: false, retry: false, reason: 'a gateway sends to phone numbers only' };
      const values = valuesOf(normalisePhone(recipient.phone), message);
      // A GET carries the body as its query string, URL-encoded whatever the content type.
      const encoding = config.method === 'GET' ? 'form' : config.contentType;
      const body = fillBody(config.body, encoding, values);
      const request = requestOf(config, body, message.idempotencyKey);
      if ('invalid' in request) return { ok: false, retry: false, reason: request.invalid };
      const answer = await sendHttp(request.url, request.init, signal, timeoutMs);
      if ('failed' in answer) return answer.failed;
      return outcomeOf(answer.status, withoutSecrets(answer.text, secrets));
    },
  };
}
