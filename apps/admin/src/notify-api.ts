import type {
  ChannelBody,
  ChannelView,
  DeliveryView,
  NotifyMessage,
  NotifySettings,
} from '@antre/protocol';
import { send } from './hub-answer';

/** A gateway's ready settings, as the hub offers them (GET /api/admin/notify/presets). */
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

export interface MessageText {
  text: string;
  default: string;
  edited: boolean;
  preview: string;
}

/** One message of GET /api/admin/notify/texts: its values, sample values and both texts. */
export interface MessageTexts {
  message: NotifyMessage;
  params: string[];
  samples: Record<string, string>;
  id: MessageText;
  en: MessageText;
}

export type DeliveryStatus = DeliveryView['status'];

const channel = (id: string) => `/api/admin/notify/channels/${encodeURIComponent(id)}`;

/** The notification endpoints of the admin (admin only). */
export const notifyApi = {
  channels: (t: string) => send<ChannelView[]>(t, '/api/admin/notify/channels'),
  addChannel: (t: string, body: ChannelBody) =>
    send<ChannelView>(t, '/api/admin/notify/channels', { method: 'POST', json: body }),
  saveChannel: (t: string, id: string, body: ChannelBody) =>
    send<ChannelView>(t, channel(id), { method: 'PUT', json: body }),
  deleteChannel: (t: string, id: string) =>
    send<{ removed: boolean }>(t, channel(id), { method: 'DELETE' }),
  presets: (t: string) => send<GatewayPreset[]>(t, '/api/admin/notify/presets'),
  settings: (t: string) => send<NotifySettings>(t, '/api/admin/notify/settings'),
  saveSettings: (t: string, settings: NotifySettings) =>
    send<NotifySettings>(t, '/api/admin/notify/settings', { method: 'PUT', json: settings }),
  texts: (t: string) => send<MessageTexts[]>(t, '/api/admin/notify/texts'),
  saveText: (t: string, message: NotifyMessage, language: 'id' | 'en', text: string) =>
    send<{ text: string }>(t, '/api/admin/notify/texts', {
      method: 'PUT',
      json: { message, language, text },
    }),
  test: (t: string, channelId: string, phone: string) =>
    send<{ seq: number | null }>(t, '/api/admin/notify/test', {
      method: 'POST',
      json: { channelId, ...(phone.trim() ? { phone: phone.trim() } : {}) },
    }),
  deliveries: (t: string, status: DeliveryStatus | null, limit = 100) => {
    const query = new URLSearchParams({ limit: String(limit), ...(status ? { status } : {}) });
    return send<DeliveryView[]>(t, `/api/admin/notify/deliveries?${query.toString()}`);
  },
};
