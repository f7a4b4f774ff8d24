import { nextOpening } from '@antre/domain';
import type { QueueEngine } from '../queue/queue-engine';
import { openingView, serviceStats } from '../queue/ticket-views';
import { defineRoute } from '../http/routes';
import { logoUrl, withoutLogos } from '../logos/logo-files';

export function catalogueRoutes(engine: QueueEngine) {
  return [
    defineRoute({
      route: 'GET /api/services',
      summary:
        'The public catalogue: agencies, their services and standards, open or closed, waiting now',
      tag: 'catalogue',
      access: 'public',
      handle: () => {
        const { index } = engine;
        const queue = engine.queue;
        const now = engine.now();
        return {
          site: {
            name: index.site.name,
            timezone: index.site.timezone,
            serviceDay: queue.serviceDay,
            logoUrl: logoUrl(index.building, 'site'),
            opensNext: openingView(nextOpening(index.site, null, now)),
          },
          agencies: index.building.agencies.map((agency) => ({
            id: agency.id,
            name: agency.name,
            shortName: agency.shortName,
            logoUrl: logoUrl(index.building, `agencies/${agency.id}`),
            services: index.building.services
              .filter((s) => s.agencyId === agency.id && s.active)
              .flatMap((s) => {
                const stats = serviceStats(index, queue, s.id, now);
                if (!stats) return [];
                const takesBookings = Boolean(s.booking);
                const { id, name, prefix, dailyQuota, targetWaitMinutes, standard } = s;
                return [
                  {
                    ...stats,
                    id,
                    name,
                    prefix,
                    dailyQuota,
                    targetWaitMinutes,
                    standard,
                    takesBookings,
                  },
                ];
              }),
          })),
        };
      },
    }),
    defineRoute({
      route: 'GET /api/building',
      summary: 'The whole building configuration, for the apps',
      tag: 'catalogue',
      access: ['admin', 'supervisor', 'officer', 'kiosk', 'display', 'integration'],
      // Only the admin edits logos; every other app shows them by URL (catalogue, board).
      handle: ({ principal }) =>
        principal.kind === 'user' && principal.role === 'admin'
          ? engine.index.building
          : withoutLogos(engine.index.building),
    }),
  ];
}
