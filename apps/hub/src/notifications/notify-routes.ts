import type { DeliveryView, NotifyMessage } from '@antre/protocol';
import { fieldError, normalisePhone, NOTIFY_MESSAGES } from '@antre/protocol';
import type { RouteRateLimit } from '../http/routes';
import { defineRoute, HttpError } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import { GATEWAY_PRESETS } from './adapters/http-gateway';
import { MESSAGE_CATALOGUE, renderText, unknownPlaceholders } from './message-catalogue';
import type { OutboxRow } from './notify-store';
import type { Notifications } from './notifications';

const FOLLOWED = new Set(['printing', 'waiting', 'called', 'serving', 'parked']);

/** Per address: a family with a few tickets, not a sweep of codes. */
export const OPT_IN_RATE_LIMIT: RouteRateLimit = {
  max: 10,
  timeWindowMs: 60_000,
  code: 'rate_limited',
  message: 'Too many notification requests from this address; wait a minute',
};

const ADMIN = ['admin'] as const;

/** Sample values for a text's preview in the admin. */
const SAMPLES: Record<string, string> = {
  label: 'A-012',
  ahead: '3',
  place: 'Loket 12–13 · Lantai 1',
  counter: 'Loket 12',
  service: 'Perekaman KTP-el',
  until: '14.30',
  code: 'K7Q2MX',
  date: 'Senin, 7 Desember 2026',
  time: '09.00',
  reason: 'hari libur (Cuti bersama)',
  text: 'Layanan KTP-el: menunggu 25 menit lebih dari target',
  site: 'MPP Kota',
};

export function notifyRoutes(engine: QueueEngine, notifications: Notifications) {
  const { store, channels } = notifications;

  function followedTicket(code: string) {
    const ticket = /^[A-Za-z0-9]{6,32}$/.test(code)
      ? [...engine.queue.tickets.values()].find((t) => t.code === code)
      : undefined;
    if (!ticket) throw new HttpError(404, 'not_found', 'No ticket of today with this code');
    return ticket;
  }

  const channelId = async (id: string): Promise<string> => {
    if (!(await store.channel(id)))
      throw new HttpError(404, 'not_found', 'No channel with this id');
    return id;
  };

  return [
    defineRoute({
      route: 'GET /api/notify/push-key',
      summary:
        'The VAPID public key a browser subscribes to Web Push with; null while Web Push is off',
      tag: 'notifications',
      access: 'public',
      handle: async () => ({
        publicKey: (await channels.enabledOfKind('webpush'))
          ? await channels.vapidPublicKey()
          : null,
      }),
    }),
    defineRoute({
      route: 'GET /api/tickets/:code/notify',
      summary: 'How the holder of a ticket asked to be told (public, by the ticket code)',
      tag: 'notifications',
      access: 'public',
      handle: ({ params }) => notifications.optInsOf(followedTicket(params.code).id),
    }),
    defineRoute({
      route: 'POST /api/tickets/:code/notify',
      summary: 'Opt in to messages about a ticket: Web Push, or a phone number given with consent',
      tag: 'notifications',
      access: 'public',
      rateLimit: OPT_IN_RATE_LIMIT,
      handle: async ({ params, body }) => {
        const ticket = followedTicket(params.code);
        if (!FOLLOWED.has(ticket.status))
          throw new HttpError(
            409,
            'conflict',
            'This ticket is finished; nothing more will be sent',
          );
        if (body.medium === 'push' && !(await channels.enabledOfKind('webpush')))
          throw new HttpError(409, 'conflict', 'Web Push is not offered here');
        return notifications.optIn(ticket.id, body);
      },
    }),
    defineRoute({
      route: 'DELETE /api/tickets/:code/notify',
      summary: 'Stop messages about a ticket; the number or push address is deleted',
      tag: 'notifications',
      access: 'public',
      rateLimit: OPT_IN_RATE_LIMIT,
      handle: async ({ params }) => ({
        removed: await notifications.optOut(followedTicket(params.code).id),
      }),
    }),

    defineRoute({
      route: 'GET /api/admin/notify/channels',
      summary: 'Notification channels, secrets masked',
      tag: 'notifications',
      access: ADMIN,
      handle: () => channels.list(),
    }),
    defineRoute({
      route: 'POST /api/admin/notify/channels',
      summary: 'Add a channel (WhatsApp Cloud API, HTTP gateway, Web Push, log)',
      tag: 'notifications',
      access: ADMIN,
      handle: ({ body }) => {
        if (body.kind === 'whatsapp' && !body.token)
          throw new HttpError(400, 'bad_request', 'The access token is needed', [
            fieldError('token', 'required'),
          ]);
        return channels.save(null, body, engine.now());
      },
    }),
    defineRoute({
      route: 'PUT /api/admin/notify/channels/:id',
      summary: 'Change a channel; a secret left out keeps its stored value',
      tag: 'notifications',
      access: ADMIN,
      handle: async ({ body, params }) =>
        channels.save(await channelId(params.id), body, engine.now()),
    }),
    defineRoute({
      route: 'DELETE /api/admin/notify/channels/:id',
      summary: 'Remove a channel; settings that named it fall back to none',
      tag: 'notifications',
      access: ADMIN,
      handle: async ({ params }) => {
        const id = await channelId(params.id);
        const settings = notifications.settings();
        await notifications.saveSettings({
          ...settings,
          phoneChannelId: settings.phoneChannelId === id ? null : settings.phoneChannelId,
          staffChannelId: settings.staffChannelId === id ? null : settings.staffChannelId,
        });
        return { removed: await store.deleteChannel(id) };
      },
    }),
    defineRoute({
      route: 'GET /api/admin/notify/presets',
      summary: 'Ready settings for SMS/WhatsApp gateways sold in Indonesia',
      tag: 'notifications',
      access: ADMIN,
      handle: () => GATEWAY_PRESETS,
    }),
    defineRoute({
      route: 'GET /api/admin/notify/settings',
      summary: 'Which channel carries what, "N before you", alarm thresholds, retention',
      tag: 'notifications',
      access: ADMIN,
      handle: () => notifications.settings(),
    }),
    defineRoute({
      route: 'PUT /api/admin/notify/settings',
      summary: 'Save the notification settings',
      tag: 'notifications',
      access: ADMIN,
      handle: async ({ body }) => {
        for (const [path, id] of [
          ['phoneChannelId', body.phoneChannelId],
          ['staffChannelId', body.staffChannelId],
        ] as const) {
          const channel = id ? await store.channel(id) : undefined;
          if (id && (!channel || channel.kind === 'webpush'))
            throw new HttpError(400, 'bad_request', 'Choose a WhatsApp, gateway or log channel', [
              fieldError(path, 'not_phone_channel'),
            ]);
        }
        const unknown = Object.keys(body.services).filter((id) => !engine.index.services.has(id));
        if (unknown.length > 0)
          throw new HttpError(400, 'bad_request', `Unknown services: ${unknown.join(', ')}`, [
            fieldError('services', 'unknown_service'),
          ]);
        await notifications.saveSettings({
          ...body,
          staffPhones: body.staffPhones.map((s) => ({ ...s, phone: normalisePhone(s.phone) })),
        });
        return notifications.settings();
      },
    }),
    defineRoute({
      route: 'GET /api/admin/notify/texts',
      summary: 'Every message with its values, sample values and its text per language',
      tag: 'notifications',
      access: ADMIN,
      handle: async () => {
        const edited = new Map(
          (await store.texts()).map((t) => [`${t.message}/${t.language}`, t.text]),
        );
        return NOTIFY_MESSAGES.map((message) => {
          const entry = MESSAGE_CATALOGUE[message];
          const samples = Object.fromEntries(entry.params.map((p) => [p, SAMPLES[p] ?? p]));
          const textOf = (language: 'id' | 'en') => {
            const text = edited.get(`${message}/${language}`) ?? entry.text[language];
            return {
              text,
              default: entry.text[language],
              edited: edited.has(`${message}/${language}`),
              preview: renderText(text, samples),
            };
          };
          return {
            message,
            params: [...entry.params],
            samples,
            id: textOf('id'),
            en: textOf('en'),
          };
        });
      },
    }),
    defineRoute({
      route: 'PUT /api/admin/notify/texts',
      summary: "Change a message's text in one language (empty: back to the default)",
      tag: 'notifications',
      access: ADMIN,
      handle: async ({ body }) => {
        const text = body.text.trim();
        const unknown = unknownPlaceholders(body.message, text);
        if (unknown.length > 0)
          throw new HttpError(
            400,
            'bad_request',
            `Unknown placeholders: ${unknown.map((p) => `{${p}}`).join(', ')}`,
            [fieldError('text', 'unknown_placeholder', { name: `{${unknown[0]}}` })],
          );
        await store.setText(body.message, body.language, text || null);
        return {
          message: body.message,
          language: body.language,
          text: text || MESSAGE_CATALOGUE[body.message].text[body.language],
        };
      },
    }),
    defineRoute({
      route: 'POST /api/admin/notify/test',
      summary: 'Send a test message through a channel; see its outcome in the delivery log',
      tag: 'notifications',
      access: ADMIN,
      handle: async ({ body }) => {
        const channel = await store.channel(body.channelId);
        if (!channel) throw new HttpError(404, 'not_found', 'No channel with this id');
        if (channel.kind !== 'log' && channel.kind !== 'webpush' && !body.phone)
          throw new HttpError(400, 'bad_request', 'A phone number to send the test to', [
            fieldError('phone', 'required'),
          ]);
        const phone = body.phone ? normalisePhone(body.phone) : '';
        const key = `test:${channel.id}:${engine.now()}`;
        const [seq] = await notifications.enqueue([
          {
            key,
            recipient: `test:${channel.id}/${phone}`,
            message: 'test',
            language: 'id',
            params: { site: engine.index.site.name },
          },
        ]);
        return { seq: seq ?? (await store.deliveries({ limit: 1 }))[0]?.seq ?? null };
      },
    }),
    defineRoute({
      route: 'GET /api/admin/notify/deliveries',
      summary: 'The delivery log, newest first (?status=pending|sent|failed|skipped&limit=)',
      tag: 'notifications',
      access: ADMIN,
      handle: async ({ query }) => {
        const names = new Map((await store.channels()).map((c) => [c.id, channels.view(c).name]));
        return (await store.deliveries(query)).map((row) => deliveryView(row, names));
      },
    }),
  ];
}

/** The log names a recipient by what it is about, never by a number. */
function recipientText(recipient: string): string {
  const [kind = ''] = recipient.split(':');
  const labels: Record<string, string> = {
    sub: 'visitor',
    booking: 'booking',
    staff: 'staff',
    test: 'test',
  };
  return labels[kind] ?? kind;
}

function deliveryView(row: OutboxRow, names: Map<string, string>): DeliveryView {
  return {
    seq: row.seq,
    message: row.message as NotifyMessage,
    recipient: recipientText(row.recipient),
    channel: row.channel_id ? (names.get(row.channel_id) ?? row.channel_id) : null,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    error: row.last_error,
  };
}
