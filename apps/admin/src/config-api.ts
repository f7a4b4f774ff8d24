import type { Building } from '@antre/domain';
import type {
  AuditEntry,
  BuildingFile,
  DeviceSummary,
  LogoSaved,
  PendingPairing,
  PublicAddress,
  ServicePatch,
  SiteSettings,
  UserView,
} from '@antre/protocol';
import { withoutLogos } from '@antre/protocol';
import type { Answer, Refusal } from './hub-answer';
import { send as request } from './hub-answer';

export type { Answer, Refusal } from './hub-answer';

const send = <T>(token: string, path: string, method = 'GET', json?: unknown) =>
  request<T>(token, path, { method, json });

export interface NewUser {
  username: string;
  displayName: string;
  role: UserView['role'];
  agencyId: string | null;
}
export interface Approval {
  code: string;
  name: string;
  role: 'kiosk' | 'display';
  zoneIds: string[];
  agencyIds: string[];
}
export interface AuditFilter {
  from?: number;
  to?: number;
  actor?: string;
  action?: string;
}

export const configApi = {
  building: (t: string) => send<Building>(t, '/api/building'),
  // Logos have their own endpoints: the hub keeps the stored ones a building save leaves out.
  saveBuilding: (t: string, b: Building) =>
    send<{ ok: true }>(t, '/api/building', 'PUT', withoutLogos(b)),
  saveSite: (t: string, site: SiteSettings) =>
    send<{ ok: true }>(t, '/api/building/site', 'PUT', site),
  saveLogo: (t: string, key: LogoKey, logo: string) =>
    send<LogoSaved>(t, `/api/logos/${key}`, 'PUT', { logo }),
  removeLogo: (t: string, key: LogoKey) => send<LogoSaved>(t, `/api/logos/${key}`, 'DELETE'),
  address: (t: string) => send<PublicAddress>(t, '/api/site/address'),
  patchService: (t: string, agencyId: string, serviceId: string, patch: ServicePatch) =>
    send<{ ok: true }>(
      t,
      `/api/agencies/${encodeURIComponent(agencyId)}/services/${encodeURIComponent(serviceId)}`,
      'POST',
      patch,
    ),
  exportBuilding: (t: string) => send<BuildingFile>(t, '/api/building/export'),
  importBuilding: (t: string, file: unknown) =>
    send<{ ok: true }>(t, '/api/building/import', 'POST', file),
  users: (t: string) => send<{ users: UserView[] }>(t, '/api/users'),
  addUser: (t: string, u: NewUser) =>
    send<{ user: UserView; password?: string }>(t, '/api/users', 'POST', u),
  deactivate: (t: string, id: string) =>
    send<UserView>(t, `/api/users/${encodeURIComponent(id)}/deactivate`, 'POST', {}),
  updateUser: (t: string, id: string, u: Omit<NewUser, 'username'>) =>
    send<UserView>(t, `/api/users/${encodeURIComponent(id)}`, 'POST', u),
  unlockUser: (t: string, id: string) =>
    send<UserView>(t, `/api/users/${encodeURIComponent(id)}/unlock`, 'POST', {}),
  resetPassword: (t: string, id: string) =>
    send<{ password: string }>(t, `/api/users/${encodeURIComponent(id)}/password`, 'POST', {}),
  devices: (t: string) => send<{ devices: DeviceSummary[] }>(t, '/api/devices'),
  renameDevice: (t: string, id: string, name: string) =>
    send<DeviceSummary>(t, `/api/devices/${encodeURIComponent(id)}`, 'POST', { name }),
  revokeDevice: (t: string, id: string) =>
    send<DeviceSummary>(t, `/api/devices/${encodeURIComponent(id)}/revoke`, 'POST', {}),
  pending: (t: string) => send<{ pending: PendingPairing[] }>(t, '/api/pairing'),
  approve: (t: string, a: Approval) =>
    send<{ deviceId: string }>(t, '/api/pairing/approve', 'POST', a),
  reject: (t: string, code: string) => send<unknown>(t, '/api/pairing/reject', 'POST', { code }),
  audit: (t: string, f: AuditFilter) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') q.set(k, String(v));
    return send<{ entries: AuditEntry[] }>(t, `/api/audit?${q.toString()}`);
  },
};

/** `site` or `agencies/<id>`: whose logo. */
export type LogoKey = 'site' | `agencies/${string}`;

/** Sends a logo only if it differs from the stored one: set it, or remove it when none. */
export async function syncLogo(
  t: string,
  key: LogoKey,
  wanted: string | undefined,
  stored: string | undefined,
): Promise<Answer<unknown>> {
  if (wanted === stored) return { ok: true, value: null };
  return wanted ? configApi.saveLogo(t, key, wanted) : configApi.removeLogo(t, key);
}

/** The fields of one list item (`services.3.…`), re-keyed without that prefix. */
export function fieldsOf(refusal: Refusal | null, prefix: string): Record<string, string> {
  if (!refusal) return {};
  const mine: Record<string, string> = {};
  for (const [path, message] of Object.entries(refusal.fields))
    if (path.startsWith(`${prefix}.`)) mine[path.slice(prefix.length + 1)] = message;
    else if (path === prefix) mine[''] = message;
  return mine;
}
