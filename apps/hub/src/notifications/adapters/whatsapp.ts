import type { WhatsAppChannelSchema } from '@antre/protocol';
import type { z } from 'zod';
import type { Channel, OutgoingMessage, SendOutcome } from '../channel';
import { sendHttp, worthRetrying } from './send-http';

export type WhatsAppConfig = z.output<typeof WhatsAppChannelSchema> & { token: string };

/**
 * The values a message's approved template takes, in order ({{1}}, {{2}} …). A site names
 * its templates in the admin; docs/notifications.md gives the wording to submit to Meta.
 */
export const WHATSAPP_PARAM_ORDER: Record<string, readonly string[]> = {
  'ticket.near': ['label', 'ahead', 'place'],
  'ticket.called': ['label', 'counter', 'place'],
  'ticket.transferred': ['label', 'service', 'place'],
  'ticket.parked': ['label', 'counter'],
  'ticket.missed': ['label', 'until'],
  'booking.confirmed': ['code', 'service', 'date', 'time', 'place'],
  'booking.reminder': ['code', 'service', 'date', 'time', 'place'],
  'booking.cancelled': ['code', 'service', 'date', 'reason'],
  'alarm.raised': ['text'],
  test: ['site'],
};

/** Graph API error codes after which sending again cannot help, in words for the log. */
const FINAL_ERRORS: Record<number, string> = {
  190: 'access token invalid or expired',
  100: 'request refused by WhatsApp (invalid parameter)',
  131008: 'a template parameter is missing',
  131009: 'a template parameter is not valid',
  131026: 'the number cannot receive WhatsApp messages',
  131047: 'outside the 24-hour window: a template is needed',
  132000: 'template parameters do not match the template',
  132001: 'the template does not exist in this language',
  133010: 'the number is not registered on WhatsApp',
};

export function templateBody(message: OutgoingMessage, to: string, template: string) {
  const order = WHATSAPP_PARAM_ORDER[message.message];
  const values = order ? order.map((name) => message.params[name] ?? '') : [message.text];
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'template',
    template: {
      name: template,
      language: { code: message.language === 'en' ? 'en' : 'id' },
      components: [
        { type: 'body', parameters: values.map((text) => ({ type: 'text', text: text || '-' })) },
      ],
    },
    // Returned in the status webhooks: ties a delivery report to this outbox row.
    biz_opaque_callback_data: message.idempotencyKey,
  };
}

/** WhatsApp Business Cloud API: a template message through the Graph API. */
export function whatsAppChannel(config: WhatsAppConfig, timeoutMs?: number): Channel {
  const url = `${config.baseUrl.replace(/\/+$/, '')}/${config.apiVersion}/${config.phoneNumberId}/messages`;
  return {
    kind: 'whatsapp',
    async send(recipient, message, signal): Promise<SendOutcome> {
      if (recipient.medium !== 'phone')
        return { ok: false, retry: false, reason: 'WhatsApp sends to phone numbers only' };
      const template = config.templates[message.message];
      if (!template)
        return {
          ok: false,
          retry: false,
          reason: `no WhatsApp template named for ${message.message}`,
        };
      const answer = await sendHttp(
        url,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${config.token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(templateBody(message, recipient.phone, template)),
        },
        signal,
        timeoutMs,
      );
      if ('failed' in answer) return answer.failed;
      return outcomeOf(answer.status, answer.text);
    },
  };
}

function outcomeOf(status: number, text: string): SendOutcome {
  let body: {
    messages?: { id?: string }[];
    error?: { code?: number; message?: string };
  } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // A proxy's HTML page: judged by the status alone.
  }
  if (status >= 200 && status < 300) {
    const id = body.messages?.[0]?.id;
    return id
      ? { ok: true, answer: id }
      : { ok: false, retry: true, reason: 'no message id in the answer' };
  }
  const code = body.error?.code;
  const known = code !== undefined ? FINAL_ERRORS[code] : undefined;
  if (known) return { ok: false, retry: false, reason: `${known} (${code})` };
  return {
    ok: false,
    retry: worthRetrying(status) || code === 130429 || code === 131056 || code === 131000,
    reason: `WhatsApp answered ${status}${code !== undefined ? ` (error ${code})` : ''}`,
  };
}
