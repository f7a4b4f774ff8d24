import type { DeviceAlert, DeviceSummary, MediaItem } from '@antre/protocol';
import { send } from './hub-answer';

export interface DeviceChange {
  name?: string;
  zoneIds?: string[];
  agencyIds?: string[];
  settings?: Record<string, unknown>;
}

const device = (id: string) => `/api/devices/${encodeURIComponent(id)}`;
const media = (name: string) => `/api/display/media/${encodeURIComponent(name)}`;

export const deviceApi = {
  update: (t: string, id: string, change: DeviceChange) =>
    send<DeviceSummary>(t, device(id), { method: 'POST', json: change }),
  approve: (t: string, approval: DeviceChange & { code: string; name: string; role: string }) =>
    send<{ deviceId: string }>(t, '/api/pairing/approve', { method: 'POST', json: approval }),
  alerts: (t: string) => send<{ alerts: DeviceAlert[] }>(t, '/api/devices/alerts'),
  media: (t: string) => send<MediaItem[]>(t, '/api/display/media'),
  upload: (t: string, name: string, file: File, type: string) =>
    send<MediaItem>(t, media(name), { method: 'PUT', file, fileType: type }),
  deleteMedia: (t: string, name: string) => send<MediaItem[]>(t, media(name), { method: 'DELETE' }),
};
