import type { Building } from '@antre/domain';
import type { ApiBody, ServicePatch, SiteSettings, UserView } from '@antre/protocol';
import { withoutLogos } from '@antre/protocol';
import type { FieldErrors, HubAnswer, HubRefusal } from '@antre/ui';
import { callHub, fieldErrors } from '@antre/ui';

export type Answer<T> = HubAnswer<T>;
export type Refusal = HubRefusal;

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

const by = (token: string) => ({ token });
const withId = (token: string, id: string) => ({ token, params: { id } });
const agencyOf = (key: LogoKey) => ({ id: key.slice('agencies/'.length) });

export const configApi = {
  building: (t: string) => callHub('GET /api/building', by(t)),
  // Logos have their own endpoints: the hub keeps the stored ones a building save leaves out.
  saveBuilding: (t: string, b: Building) =>
    callHub('PUT /api/building', { ...by(t), body: withoutLogos(b) }),
  saveSite: (t: string, site: SiteSettings) =>
    callHub('PUT /api/building/site', { ...by(t), body: site }),
  saveLogo: (t: string, key: LogoKey, logo: string) =>
    key === 'site'
      ? callHub('PUT /api/logos/site', { ...by(t), body: { logo } })
      : callHub('PUT /api/logos/agencies/:id', { ...by(t), params: agencyOf(key), body: { logo } }),
  removeLogo: (t: string, key: LogoKey) =>
    key === 'site'
      ? callHub('DELETE /api/logos/site', by(t))
      : callHub('DELETE /api/logos/agencies/:id', { ...by(t), params: agencyOf(key) }),
  address: (t: string) => callHub('GET /api/site/address', by(t)),
  patchService: (t: string, agencyId: string, serviceId: string, patch: ServicePatch) =>
    callHub('POST /api/agencies/:agencyId/services/:serviceId', {
      ...by(t),
      params: { agencyId, serviceId },
      body: patch,
    }),
  exportBuilding: (t: string) => callHub('GET /api/building/export', by(t)),
  // The file as it was read: the hub checks it and names each bad field.
  importBuilding: (t: string, file: unknown) =>
    callHub('POST /api/building/import', {
      ...by(t),
      body: file as ApiBody<'POST /api/building/import'>,
    }),
  users: (t: string) => callHub('GET /api/users', by(t)),
  addUser: (t: string, u: NewUser) => callHub('POST /api/users', { ...by(t), body: u }),
  deactivate: (t: string, id: string) => callHub('POST /api/users/:id/deactivate', withId(t, id)),
  updateUser: (t: string, id: string, u: Omit<NewUser, 'username'>) =>
    callHub('POST /api/users/:id', { ...withId(t, id), body: u }),
  unlockUser: (t: string, id: string) => callHub('POST /api/users/:id/unlock', withId(t, id)),
  resetPassword: (t: string, id: string) => callHub('POST /api/users/:id/password', withId(t, id)),
  devices: (t: string) => callHub('GET /api/devices', by(t)),
  renameDevice: (t: string, id: string, name: string) =>
    callHub('POST /api/devices/:id', { ...withId(t, id), body: { name } }),
  revokeDevice: (t: string, id: string) => callHub('POST /api/devices/:id/revoke', withId(t, id)),
  pending: (t: string) => callHub('GET /api/pairing', by(t)),
  approve: (t: string, a: Approval) => callHub('POST /api/pairing/approve', { ...by(t), body: a }),
  reject: (t: string, code: string) =>
    callHub('POST /api/pairing/reject', { ...by(t), body: { code } }),
  audit: (t: string, f: AuditFilter) => callHub('GET /api/audit', { ...by(t), query: f }),
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
export function fieldsOf(refusal: Refusal | null, prefix: string): FieldErrors {
  if (!refusal) return {};
  const mine: FieldErrors = {};
  for (const [path, field] of Object.entries(fieldErrors(refusal)))
    if (path.startsWith(`${prefix}.`)) mine[path.slice(prefix.length + 1)] = field;
    else if (path === prefix) mine[''] = field;
  return mine;
}
