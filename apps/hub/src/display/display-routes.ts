import { DisplaySettingsSchema } from '@antre/protocol';
import { defineRoute, HttpError } from '../http/routes';
import { logoUrl } from '../logos/logo-files';
import type { QueueEngine } from '../queue/queue-engine';
import { listMedia } from './media-library';

export function displayRoutes(engine: QueueEngine, dataDir: string) {
  return [
    defineRoute({
      route: 'GET /api/display/board',
      summary:
        "A display board's zones, counters, agencies, settings and media, with the hub's clock",
      tag: 'display',
      access: ['display'],
      handle: ({ principal }) => {
        if (principal.kind !== 'device') throw new HttpError(403, 'forbidden', 'Displays only');
        const { building, site } = engine.index;
        const zoneIds = new Set(principal.zoneIds);
        const counters = building.counters
          .filter((c) => zoneIds.has(c.zoneId))
          .map(({ id, name, number, agencyId, zoneId }) => ({
            id,
            name,
            number,
            agencyId,
            zoneId,
          }));
        const settings = DisplaySettingsSchema.parse(principal.settings);
        return {
          now: engine.now(),
          site: { name: site.name, timezone: site.timezone, logoUrl: logoUrl(building, 'site') },
          device: { id: principal.id, name: principal.name },
          zones: building.zones.filter((z) => zoneIds.has(z.id)),
          agencies: building.agencies.map(({ id, name, shortName }) => ({
            id,
            name,
            shortName,
            logoUrl: logoUrl(building, `agencies/${id}`),
          })),
          counters,
          settings,
          media: settings.showMedia ? listMedia(dataDir) : [],
        };
      },
    }),
    defineRoute({
      route: 'GET /api/display/media',
      summary: 'The images and videos in <data-dir>/media/ that boards show',
      tag: 'display',
      access: ['admin', 'display'],
      handle: () => listMedia(dataDir),
    }),
  ];
}
