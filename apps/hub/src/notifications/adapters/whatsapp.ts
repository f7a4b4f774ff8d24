import type { WhatsAppChannelSchema } from '@antre/protocol';
import { normalisePhone } from '@antre/protocol';
import type { z } from 'zod';
import type { Channel, OutgoingMessage, SendOutcome } from '../channel';
import { isSuccess, sendHttp, withoutSecrets, worthRetrying } from './send-http';
import { whatsAppErrorOutcome } from './whatsapp-errors';

export type WhatsAppConfig = z.output<typeof WhatsAppChannelSchema> & { token: string };

/**
 * The values each message's approved template takes as {{1}}, {{2}} …. The order is a
 * contract with templates already approved by Meta, so it is written out here rather than
 * read from the catalogue, whose order may change; a test keeps the two on the same names.
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

// Meta refuses a text parameter that is empty or holds a new line, a tab or more than four
// spaces in a row.
const templateText = (value: string): string =>
  value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {4,}/g, '   ')
    .trim() || '-';

/** The Cloud API's "send a template message" body. */
export function templateMessageBody(message: OutgoingMessage, to: string, template: string) {
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
        {
          type: 'body',
          parameters: values.map((value) => ({ type: 'text', text: templateText(value) })),
        },
      ],
    },
    // Comes back in the status webhooks, tying a delivery report to its outbox row.
    biz_opaque_callback_data: message.idempotencyKey,
  };
}

/** WhatsApp Business Cloud API: one template message through the Graph API. */
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
      const body = templateMessageBody(message, normalisePhone(recipient.phone), template);
      const answer = await sendHttp(
        url,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
        signal,
        timeoutMs,
      );
      if ('failed' in answer) return answer.failed;
      return outcomeOf(answer.status, withoutSecrets(answer.text, [config.token]));
    },
  };
}

interface GraphAnswer {
  messages?: { id?: unknown }[];
  error?: { code?: unknown; message?: unknown };
}

function outcomeOf(status: number, text: string): SendOutcome {
  let body: GraphAnswer = {};
  try {
    body = JSON.parse(text) as GraphAnswer;
  } catch {
    // A proxy's HTML page: judged by the status alone.
  }
  if (isSuccess(status)) {
    const id = body.messages?.[0]?.id;
    // Taken but unnamed: sending again could reach the visitor twice.
    return typeof id === 'string'
      ? { ok: true, answer: id }
      : { ok: false, retry: false, reason: 'WhatsApp answered without a message id' };
  }
  const code = typeof body.error?.code === 'number' ? body.error.code : undefined;
  const said = typeof body.error?.message === 'string' ? body.error.message.slice(0, 150) : '';
  return whatsAppErrorOutcome(status, code, said, worthRetrying(status));
}
