import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APPS_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** Each web app is built by Vite into apps/<name>/dist and served at its mount. */
export const WEB_APPS = [
  { name: 'kiosk', mount: '/kiosk/' },
  { name: 'counter', mount: '/counter/' },
  { name: 'display', mount: '/display/' },
  { name: 'admin', mount: '/admin/' },
  { name: 'track', mount: '/t/' },
] as const;

export function builtApps(appsDir = APPS_DIR) {
  return WEB_APPS.map((app) => ({ ...app, root: join(appsDir, app.name, 'dist') })).filter((app) =>
    existsSync(join(app.root, 'index.html')),
  );
}

/** Serves the built apps; a deep link inside an app gets its index.html (client routing). */
export async function appRoutes(app: FastifyInstance, appsDir = APPS_DIR): Promise<string[]> {
  const apps = builtApps(appsDir);
  for (const [i, web] of apps.entries()) {
    await app.register(fastifyStatic, {
      root: web.root,
      prefix: web.mount,
      decorateReply: i === 0,
      index: 'index.html',
      wildcard: false,
    });
    app.get(web.mount.slice(0, -1), (_request, reply) => reply.redirect(web.mount));
    app.get(`${web.mount}*`, (_request, reply) =>
      reply.sendFile('index.html', web.root, { cacheControl: false }),
    );
  }
  return apps.map((a) => a.mount);
}
