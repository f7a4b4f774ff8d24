import Fastify from 'fastify';
import { appRoutes } from '../http/app-routes';
import { iconRoutes } from '../http/home-routes';
import { installErrorHandlers } from '../http/routes';
import { closeSlowConnections, installSecurity, SERVER_TIMEOUTS } from '../http/security';
import { regionApiRoutes } from './region-api-routes';
import type { RegionFirstStart } from './region-accounts';
import { createRegionAccounts, prepareRegionFirstStart } from './region-accounts';
import { regionAuthRoutes } from './region-auth-routes';
import { openRegionDatabase } from './region-database';
import { createRegionOverview } from './region-overview';
import { registerRegionRoutes } from './region-routes';

export const REGION_VERSION = '0.1.0';

export interface RegionOptions {
  /** postgres://… — the database whose buildings (one schema each) the region shows. */
  databaseUrl: string;
  port?: number;
  host?: string;
  /** The first regional admin's password; otherwise one is generated and reported once. */
  adminPassword?: string | undefined;
  /** Proxies in front (as a hub's `trustProxy`): their X-Forwarded-For names the client. */
  trustProxy?: readonly string[];
  /** The clock of "today" (tests run the region at the buildings' chosen moment). */
  clock?: () => number;
  /** Where the built web apps are; this repository's apps/ by default. */
  appsDir?: string;
  /** Check every answer against its contract (tests). */
  checkReplies?: boolean;
}

export interface RunningRegion {
  url: string;
  port: number;
  firstStart: RegionFirstStart;
  close: () => Promise<void>;
}

/**
 * The regional overview (docs/architecture.md, "Growing past one machine"): the admin app in
 * regional mode, its sign-in, and /api/region/*, reading every building of the database on
 * read-only sessions and keeping only its own accounts, in `antre_region`.
 */
export async function startRegion(options: RegionOptions): Promise<RunningRegion> {
  const startedAt = Date.now();
  const clock = options.clock ?? Date.now;
  const database = await openRegionDatabase(options.databaseUrl);
  try {
    const accounts = createRegionAccounts(database.own);
    const firstStart = await prepareRegionFirstStart(accounts, options.adminPassword);
    const trustProxy = options.trustProxy ?? [];
    const app = Fastify({
      logger: false,
      bodyLimit: 16 * 1024,
      ...SERVER_TIMEOUTS,
      trustProxy: trustProxy.length > 0 ? [...trustProxy] : false,
    });
    installErrorHandlers(app);
    // The hub's headers (CSP, no framing, no referrer) and its per-route rate limiter.
    await installSecurity(app);
    closeSlowConnections(app.server);
    registerRegionRoutes(
      app,
      [
        ...regionAuthRoutes(accounts),
        ...regionApiRoutes({
          database,
          overview: createRegionOverview(database, clock),
          version: REGION_VERSION,
          startedAt,
          clock,
        }),
      ],
      accounts,
      { checkReplies: options.checkReplies },
    );
    await appRoutes(app, options.appsDir, ['admin']);
    app.get('/', (_request, reply) => reply.redirect('/admin/'));
    iconRoutes(app);
    await app.listen({ port: options.port ?? 8090, host: options.host ?? '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 8090);
    const host = options.host === '0.0.0.0' || !options.host ? '127.0.0.1' : options.host;
    return {
      url: `http://${host}:${port}`,
      port,
      firstStart,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
