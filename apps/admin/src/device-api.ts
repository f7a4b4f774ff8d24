import type { DeviceAlert, DeviceSummary, MediaItem } from '@antre/protocol';
import type { Answer, Refusal } from './config-api';
import { HUB_URL } from './session';

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: { path: string; message: string }[] };
}

/** One request to the hub; a refusal keeps the bad fields keyed by path (`settings.paperWidth`). */
async function send<T>(
  token: string,
  path: string,
  init: { method?: string; json?: unknown; file?: File; fileType?: string } = {},
): Promise<Answer<T>> {
  try {
    const response = await fetch(`${HUB_URL}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.fileType ? { 'content-type': init.fileType } : {}),
      },
      body: init.file ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
    });
    const json = (await response.json()) as unknown;
    if (response.ok) return { ok: true, value: json as T };
    const error = (json as ErrorBody).error ?? {};
    const refusal: Refusal = {
      status: response.status,
      code: error.code ?? 'internal',
      message: error.message ?? '',
      fields: Object.fromEntries((error.fields ?? []).map((f) => [f.path, f.message])),
    };
    return { ok: false, refusal };
  } catch {
    return { ok: false, refusal: { status: 0, code: 'offline', message: 'offline', fields: {} } };
  }
}

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
