import type { Building } from '@antre/domain';
import type { FastifyRequest } from 'fastify';
import type { BuildingChanges } from '../admin/building-changes';
import { logoSize } from '../admin/site-diff';
import type { Principal } from '../auth/principal';
import { defineRoute, HttpError } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import type { LogoKey } from './logo-files';
import { logoUrl, withLogo } from './logo-files';

// A 200 KB logo is some 273 KB as base64: over the hub's usual 256 KB body, never 12 MB.
const LOGO_BODY_LIMIT = 320 * 1024;

function storedLogo(building: Building, key: LogoKey): string | undefined {
  if (key === 'site') return building.site.logo;
  const agency = building.agencies.find((a) => `agencies/${a.id}` === key);
  if (!agency) throw new HttpError(404, 'not_found', 'No such agency');
  return agency.logo;
}

/**
 * The site's and each agency's logo, set and removed on their own: a form saving its
 * settings never carries them. Each change is a building save (audit, live, `building:changed`).
 */
export function logoUploadRoutes(engine: QueueEngine, changes: BuildingChanges) {
  const change = async (
    key: LogoKey,
    logo: string | undefined,
    principal: Principal,
    request: FastifyRequest,
  ) => {
    const before = engine.index.building;
    const old = storedLogo(before, key);
    if (old === logo) return { ok: true as const, logoUrl: logoUrl(before, key) ?? null };
    const next = withLogo(before, key, logo);
    await changes.apply(next, principal, request, {
      action: 'building.logo',
      target: key === 'site' ? null : key.slice('agencies/'.length),
      detail: { logo: `${logoSize(old) ?? '—'} → ${logoSize(logo) ?? '—'}` },
    });
    return { ok: true as const, logoUrl: logoUrl(next, key) ?? null };
  };

  const setting = (whose: string) => ({
    summary: `Set ${whose} logo (a PNG, JPEG or WebP data URL of at most 200 KB)`,
    tag: 'admin',
    access: ['admin'] as const,
    bodyLimit: LOGO_BODY_LIMIT,
  });
  const removing = (whose: string) => ({
    summary: `Remove ${whose} logo; nothing to remove is no change`,
    tag: 'admin',
    access: ['admin'] as const,
  });
  const agency = (id: string): LogoKey => `agencies/${id}`;

  return [
    defineRoute({
      route: 'PUT /api/logos/site',
      ...setting("the site's"),
      handle: ({ body, principal, request }) => change('site', body.logo, principal, request),
    }),
    defineRoute({
      route: 'DELETE /api/logos/site',
      ...removing("the site's"),
      handle: ({ principal, request }) => change('site', undefined, principal, request),
    }),
    defineRoute({
      route: 'PUT /api/logos/agencies/:id',
      ...setting("an agency's"),
      handle: ({ params, body, principal, request }) =>
        change(agency(params.id), body.logo, principal, request),
    }),
    defineRoute({
      route: 'DELETE /api/logos/agencies/:id',
      ...removing("an agency's"),
      handle: ({ params, principal, request }) =>
        change(agency(params.id), undefined, principal, request),
    }),
  ];
}
