import { BuildingSchema } from '@antre/protocol';
import type { ServicePatch } from '@antre/protocol';
import type { Building } from '@antre/domain';
import { z } from 'zod';
import { defineRoute, HttpError } from '../http/routes';
import { keepingStoredLogos } from '../logos/logo-files';
import type { QueueEngine } from '../queue/queue-engine';
import type { BuildingChanges } from './building-changes';
import { savedAnswer } from './building-changes';
import { diffBuildings } from './building-diff';
import { diffSite } from './site-diff';

// Room for an imported file with a 200 KB logo for the site and each of some 50 agencies
// (and for older admin pages that still PUT the building with its logos).
const BUILDING_BODY_LIMIT = 12 * 1024 * 1024;

/**
 * The whole configuration: replace (keeping the stored logos a body leaves out), export,
 * import; the site's settings alone; and a supervisor's own services.
 */
export function buildingRoutes(engine: QueueEngine, changes: BuildingChanges) {
  return [
    defineRoute({
      route: 'PUT /api/building',
      summary:
        'Replace the whole configuration (a logo left out is kept); applied live, every app told to refetch',
      tag: 'admin',
      access: ['admin'],
      bodyLimit: BUILDING_BODY_LIMIT,
      handle: async ({ body, principal, request }) =>
        savedAnswer(
          await changes.apply(principal, request, (before) => {
            const next = keepingStoredLogos(body, before);
            return {
              next,
              entry: {
                action: 'building.replace',
                target: null,
                detail: { ...diffBuildings(before, next) },
              },
            };
          }),
        ),
    }),
    defineRoute({
      route: 'PUT /api/building/site',
      summary: "Save the site's settings (name, hours, holidays, rules…); as a building save",
      tag: 'admin',
      access: ['admin'],
      handle: async ({ body, principal, request }) =>
        savedAnswer(
          await changes.apply(principal, request, (before) => {
            const { logo } = before.site;
            const next = { ...before, site: { ...body, ...(logo ? { logo } : {}) } };
            return {
              next,
              entry: {
                action: 'building.site',
                target: null,
                detail: { site: diffSite(before.site, next.site) },
              },
            };
          }),
        ),
    }),
    defineRoute({
      route: 'GET /api/building/export',
      summary: 'The whole configuration as one JSON file, to keep or to import elsewhere',
      tag: 'admin',
      access: ['admin'],
      handle: ({ reply }) => {
        const now = new Date(engine.now());
        const day = now.toISOString().slice(0, 10);
        reply.header('content-disposition', `attachment; filename="antre-building-${day}.json"`);
        return {
          format: 'antre-building' as const,
          version: 1 as const,
          exportedAt: now.toISOString(),
          building: engine.index.building,
        };
      },
    }),
    defineRoute({
      route: 'POST /api/building/import',
      summary: 'Replace the configuration with an exported file; nothing changes if it is invalid',
      tag: 'admin',
      access: ['admin'],
      bodyLimit: BUILDING_BODY_LIMIT,
      handle: async ({ body, principal, request }) =>
        savedAnswer(
          await changes.apply(principal, request, (before) => ({
            next: body.building,
            entry: {
              action: 'building.import',
              target: null,
              detail: { exportedAt: body.exportedAt, ...diffBuildings(before, body.building) },
            },
          })),
        ),
    }),
    defineRoute({
      route: 'POST /api/agencies/:agencyId/services/:serviceId',
      summary:
        "Change a service's quota, hours, target wait, standard or online booking (its agency's supervisor)",
      tag: 'admin',
      access: ['admin', 'supervisor'],
      handle: async ({ params: { agencyId, serviceId }, body, principal, request }) => {
        if (principal.kind !== 'user') throw new HttpError(403, 'forbidden', 'Staff only');
        if (principal.role === 'supervisor' && principal.agencyId !== agencyId)
          throw new HttpError(
            403,
            'forbidden',
            "A supervisor changes only their own agency's services",
          );
        const saved = await changes.apply(principal, request, (before) => ({
          next: patchService(before, agencyId, serviceId, body),
          entry: {
            action: 'service.update',
            target: serviceId,
            detail: { agencyId, fields: Object.keys(body) },
          },
        }));
        return savedAnswer(saved);
      },
    }),
  ];
}

function patchService(
  building: Building,
  agencyId: string,
  serviceId: string,
  patch: ServicePatch,
): Building {
  const service = building.services.find((s) => s.id === serviceId && s.agencyId === agencyId);
  if (!service) throw new HttpError(404, 'not_found', 'This agency has no such service');
  const changed = Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<typeof service>;
  const next: Building = {
    ...building,
    services: building.services.map((s) => (s.id === serviceId ? { ...s, ...changed } : s)),
  };
  // The patch was checked field by field; the whole is checked again before saving.
  const parsed = BuildingSchema.safeParse(next);
  if (!parsed.success) throw new HttpError(400, 'bad_request', z.prettifyError(parsed.error));
  return parsed.data;
}
