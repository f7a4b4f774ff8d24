import type { HttpGatewayChannelSchema } from '@antre/protocol';
import type { z } from 'zod';
import type { Channel, OutgoingMessage, SendOutcome } from '../channel';
import { sendHttp, worthRetrying } from './send-http';

export type HttpGatewayConfig = z.output<typeof HttpGatewayChannelSchema> & {
  /** Values of the headers marked secret, by header name. */
  secretHeaders: Record<string, string>;
};

export interface GatewayPreset {
  id: string;
  name: string;
  url: string;
  method: 'POST' | 'GET';
  contentType: 'json' | 'form';
  headers: { name: string; secret: boolean }[];
  body: string;
  note: string;
}

/**
 * Settings for gateways sold in Indonesia, from their public API pages; the site fills in its
 * token (and, for Wablas, its server's domain). docs/notifications.md lists them.
 */
export const GATEWAY_PRESETS: GatewayPreset[] = [
  {
    id: 'fonnte',
    name: 'Fonnte (WhatsApp)',
    url: 'https://api.fonnte.com/send',
    method: 'POST',
    contentType: 'form',
    headers: [{ name: 'Authorization', secret: true }],
    body: 'target={{phone}}&message={{text}}&countryCode=62',
    note: 'Authorization: the device token from the Fonnte dashboard.',
  },
  {
    id: 'wablas',
    name: 'Wablas (WhatsApp)',
    url: 'https://SERVER.wablas.com/api/send-message',
    method: 'POST',
    contentType: 'form',
    headers: [{ name: 'Authorization', secret: true }],
    body: 'phone={{phone}}&message={{text}}',
    note: 'Replace SERVER with your Wablas server (e.g. tegal); Authorization: the device token.',
  },
  {
    id: 'zenziva-wa',
    name: 'Zenziva (WhatsApp)',
    url: 'https://console.zenziva.net/wareguler/api/sendWA/',
    method: 'POST',
    contentType: 'form',
    headers: [],
    body: 'userkey=USERKEY&passkey=PASSKEY&to={{phone}}&message={{text}}',
    note: 'Put your userkey and passkey in the body; the body is stored like a secret is not: prefer a gateway with a header token.',
  },
  {
    id: 'zenziva-sms',
    name: 'Zenziva (SMS)',
    url: 'https://console.zenziva.net/reguler/api/sendsms/',
    method: 'POST',
    contentType: 'form',
    headers: [],
    body: 'userkey=USERKEY&passkey=PASSKEY&to={{phone}}&message={{text}}',
    note: 'SMS: keep texts short (160 characters per part).',
  },
];

const PLACEHOLDER = /\{\{(phone|text|title|url|key|message)\}\}/g;

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

/** Fills the body template; each value is escaped for where it lands, so no value breaks out. */
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

/** Any SMS or WhatsApp gateway with an HTTP API: URL, method, headers, body with placeholders. */
export function httpGatewayChannel(config: HttpGatewayConfig, timeoutMs?: number): Channel {
  return {
    kind: 'http',
    async send(recipient, message, signal): Promise<SendOutcome> {
      if (recipient.medium !== 'phone')
        return { ok: false, retry: false, reason: 'a gateway sends to phone numbers only' };
      const body = fillBody(config.body, config.contentType, valuesOf(recipient.phone, message));
      if (config.contentType === 'json') {
        try {
          JSON.parse(body);
        } catch {
          return { ok: false, retry: false, reason: 'the body template is not valid JSON' };
        }
      }
      const headers: Record<string, string> = {
        'idempotency-key': message.idempotencyKey,
      };
      for (const h of config.headers) {
        const value = h.secret ? config.secretHeaders[h.name] : h.value;
        if (value !== undefined) headers[h.name] = value;
      }
      let url = config.url;
      const init: RequestInit = { method: config.method, headers };
      if (config.method === 'GET') url += (url.includes('?') ? '&' : '?') + body;
      else {
        headers['content-type'] =
          config.contentType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
        init.body = body;
      }
      const answer = await sendHttp(url, init, signal, timeoutMs);
      if ('failed' in answer) return answer.failed;
      if (answer.status >= 200 && answer.status < 300)
        return { ok: true, answer: answer.text.slice(0, 200) || String(answer.status) };
      return {
        ok: false,
        retry: worthRetrying(answer.status),
        reason: `gateway answered ${answer.status}`,
      };
    },
  };
}
