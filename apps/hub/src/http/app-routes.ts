import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APPS_DIR } from '../paths';
import { HttpError, sendError } from './routes';

export { APPS_DIR };

/** Each web app is built by Vite into apps/<name>/dist and served at its mount. */
export const WEB_APPS = [
  { name: 'kiosk', mount: '/kiosk/' },
  { name: 'counter', mount: '/counter/' },
  { name: 'display', mount: '/display/' },
  { name: 'admin', mount: '/admin/' },
  { name: 'track', mount: '/t/' },
  { name: 'booking', mount: '/booking/' },
] as const;

export function builtApps(appsDir = APPS_DIR) {
  return WEB_APPS.map((app) => ({ ...app, root: join(appsDir, app.name, 'dist') })).filter((app) =>
    existsSync(join(app.root, 'index.html')),
  );
}

// A missing file (a script, a stylesheet) must be a 404: answering with index.html makes the
// browser run HTML as a script. Only a page path (no extension) is a client route.
const isFilePath = (path: string): boolean => /\/assets\/|\.[A-Za-z0-9]+$/.test(path);

/**
 * Serves the built apps, reading the folder at each request so a rebuild is served without a
 * restart; a deep link inside an app gets its index.html (client routing).
 */
export async function appRoutes(
  app: FastifyInstance,
  appsDir = APPS_DIR,
  /** Only these apps (the region server serves the admin app alone). */
  only?: readonly (typeof WEB_APPS)[number]['name'][],
): Promise<string[]> {
  const apps = builtApps(appsDir).filter((web) => !only || only.includes(web.name));
  for (const web of apps) {
    app.get(web.mount.slice(0, -1), (_request, reply) => reply.redirect(web.mount));
    await app.register(
      async (scope) => {
        await scope.register(fastifyStatic, { root: web.root, index: 'index.html' });
        scope.setNotFoundHandler((request, reply) => {
          const path = request.url.split('?')[0] ?? '';
          if ((request.method !== 'GET' && request.method !== 'HEAD') || isFilePath(path))
            return sendError(reply, new HttpError(404, 'not_found', `No file ${path}`));
          return reply.sendFile('index.html', web.root, { cacheControl: false });
        });
      },
      { prefix: web.mount },
    );
  }
  return apps.map((a) => a.mount);
}
