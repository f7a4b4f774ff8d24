import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESOURCES_DIR } from '../paths';

// Browsers ask every origin for /favicon.ico; the apps' pages link the sharper SVG.
const ICONS_DIR = join(RESOURCES_DIR, 'icons');
const ICONS = [
  {
    path: '/favicon.ico',
    type: 'image/x-icon',
    body: readFileSync(join(ICONS_DIR, 'favicon.ico')),
  },
  {
    path: '/favicon.svg',
    type: 'image/svg+xml',
    body: readFileSync(join(ICONS_DIR, 'favicon.svg')),
  },
];

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** A plain front page so a person who opens the hub's address finds their way. */
const APP_NAMES: Record<string, string> = {
  '/kiosk/': 'Kiosk tiket / Ticket kiosk',
  '/counter/': 'Loket petugas / Counter',
  '/display/': 'Papan panggilan / Display board',
  '/admin/': 'Admin',
  '/booking/': 'Antrean online (pesan dari rumah) / Online booking',
};

// A file, not a <style> in the page: the hub's CSP allows no inline style.
const HOME_CSS = `body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1a2433}
h1{font-size:1.6rem}a{color:#0b5cad}li{margin:.4rem 0}`;

/** The site name is read on every visit: the admin may rename the site while the hub runs. */
export function homeRoutes(app: FastifyInstance, siteName: () => string, apps: string[]): void {
  const links = apps
    .filter((mount) => APP_NAMES[mount])
    .map((mount) => `<li><a href="${mount}">${APP_NAMES[mount]}</a> (<code>${mount}</code>)</li>`)
    .join('\n');
  const page = (name: string) => `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>Antre — ${name}</title>
<link rel="stylesheet" href="/home.css"></head><body>
<h1>Antre — ${name}</h1>
<p>Hub antrean berjalan. / The queue hub is running.</p>
<ul>
${links}
${apps.includes('/counter/') ? '<li><a href="/counter/#/survei">Tablet survei di loket / Survey tablet at a counter</a> (<code>/counter/#/survei</code>)</li>' : ''}
<li><a href="/api/services">Katalog layanan / Service catalogue</a> (<code>/api/services</code>)</li>
<li><a href="/api/health">Status hub / Health</a> (<code>/api/health</code>)</li>
<li><a href="/api/openapi.json">API (OpenAPI)</a></li>
</ul></body></html>`;
  app.get('/', (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(page(escapeHtml(siteName()))),
  );
  app.get('/home.css', (_request, reply) => reply.type('text/css; charset=utf-8').send(HOME_CSS));
  iconRoutes(app);
}

/** The favicons every page of the hub (or the region server) links. */
export function iconRoutes(app: FastifyInstance): void {
  for (const icon of ICONS)
    app.get(icon.path, (_request, reply) =>
      reply.type(icon.type).header('cache-control', 'public, max-age=86400').send(icon.body),
    );
}
