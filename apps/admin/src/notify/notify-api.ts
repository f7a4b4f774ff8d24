import type { ChannelBody, DeliveryView, NotifyMessage, NotifySettings } from '@antre/protocol';
import { callHub } from '@antre/ui';

export type { GatewayPreset, MessageText, MessageTexts } from '@antre/protocol';
export type DeliveryStatus = DeliveryView['status'];

const by = (token: string) => ({ token });
const channel = (token: string, id: string) => ({ token, params: { id } });

/** The notification endpoints of the admin (admin only). */
export const notifyApi = {
  channels: (t: string) => callHub('GET /api/admin/notify/channels', by(t)),
  addChannel: (t: string, body: ChannelBody) =>
    callHub('POST /api/admin/notify/channels', { ...by(t), body }),
  saveChannel: (t: string, id: string, body: ChannelBody) =>
    callHub('PUT /api/admin/notify/channels/:id', { ...channel(t, id), body }),
  deleteChannel: (t: string, id: string) =>
    callHub('DELETE /api/admin/notify/channels/:id', channel(t, id)),
  presets: (t: string) => callHub('GET /api/admin/notify/presets', by(t)),
  settings: (t: string) => callHub('GET /api/admin/notify/settings', by(t)),
  saveSettings: (t: string, settings: NotifySettings) =>
    callHub('PUT /api/admin/notify/settings', { ...by(t), body: settings }),
  texts: (t: string) => callHub('GET /api/admin/notify/texts', by(t)),
  saveText: (t: string, message: NotifyMessage, language: 'id' | 'en', text: string) =>
    callHub('PUT /api/admin/notify/texts', { ...by(t), body: { message, language, text } }),
  test: (t: string, channelId: string, phone: string) =>
    callHub('POST /api/admin/notify/test', {
      ...by(t),
      body: { channelId, ...(phone.trim() ? { phone: phone.trim() } : {}) },
    }),
  deliveries: (t: string, status: DeliveryStatus | null, limit = 100) =>
    callHub('GET /api/admin/notify/deliveries', {
      ...by(t),
      query: { limit, ...(status ? { status } : {}) },
    }),
};
