import type { BOARD_MEDIA_TYPES } from '@antre/protocol';
import { callHub } from '@antre/ui';

export interface DeviceChange {
  name?: string;
  zoneIds?: string[];
  agencyIds?: string[];
  settings?: Record<string, unknown>;
}

const by = (token: string) => ({ token });

export const deviceApi = {
  update: (t: string, id: string, change: DeviceChange) =>
    callHub('POST /api/devices/:id', { ...by(t), params: { id }, body: change }),
  approve: (t: string, approval: DeviceChange & { code: string; name: string; role: DeviceRole }) =>
    callHub('POST /api/pairing/approve', { ...by(t), body: approval }),
  alerts: (t: string) => callHub('GET /api/devices/alerts', by(t)),
  media: (t: string) => callHub('GET /api/display/media', by(t)),
  upload: (t: string, name: string, file: File, type: MediaType) =>
    callHub('PUT /api/display/media/:file', {
      ...by(t),
      params: { file: name },
      file,
      fileType: type,
    }),
  deleteMedia: (t: string, name: string) =>
    callHub('DELETE /api/display/media/:file', { ...by(t), params: { file: name } }),
};

export type MediaType = (typeof BOARD_MEDIA_TYPES)[number];
type DeviceRole = 'kiosk' | 'display';
