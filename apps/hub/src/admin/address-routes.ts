import { defineRoute } from '../http/routes';
import { publicHubUrl } from '../printing/public-address';
import type { QueueEngine } from '../queue/queue-engine';

/** The address tickets' QR codes carry, so the site page can show and check it. */
export function addressRoutes(engine: QueueEngine) {
  return [
    defineRoute({
      route: 'GET /api/site/address',
      summary:
        "The address printed in tickets' QR codes: the site's public one or the hub's LAN one",
      tag: 'admin',
      access: ['admin'],
      handle: ({ request }) => {
        const seen = {
          scheme: request.protocol === 'https' ? ('https' as const) : ('http' as const),
          host: undefined,
          port: request.socket.localPort,
        };
        const site = engine.index.site;
        const lanUrl = publicHubUrl({ ...site, publicUrl: undefined }, seen) || null;
        return {
          publicUrl: site.publicUrl ?? null,
          lanUrl,
          inUse: site.publicUrl ? publicHubUrl(site, seen) : lanUrl,
        };
      },
    }),
  ];
}
