import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../hub';
import { startHub } from '../hub';
import { APPS_DIR, WEB_APPS } from './app-routes';

let hub: RunningHub;
beforeAll(async () => {
  hub = await startHub({
    dataDir: mkdtempSync(join(tmpdir(), 'antre-hub-')),
    port: 0,
    demo: true,
    adminPassword: 'admin-test-password',
    appsDir: mkdtempSync(join(tmpdir(), 'antre-apps-')),
  });
}, 60_000);
afterAll(async () => hub?.close());

const get = (path: string) => fetch(`${hub.url}${path}`);
const iconLinks = (html: string): string[] =>
  [...html.matchAll(/<link\s+rel="icon"\s+href="([^"]+)"/g)].map((m) => m[1]!);

describe('the site icon', () => {
  it('when a browser asks any page’s origin for /favicon.ico, then it gets an icon, not a 404', async () => {
    const response = await get('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    const bytes = Buffer.from(await response.arrayBuffer());
    // An ICO header: reserved 0, type 1 (icon), then how many images it holds.
    expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
    expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
  });

  it('when an app’s page links its icon, then the hub serves that link', async () => {
    const pages: { app: string; html: string }[] = WEB_APPS.map((app) => ({
      app: app.name,
      html: readFileSync(join(APPS_DIR, app.name, 'index.html'), 'utf8'),
    }));
    pages.push({ app: 'home', html: await (await get('/')).text() });
    for (const { app, html } of pages) {
      const links = iconLinks(html);
      expect(links, app).not.toEqual([]);
      for (const href of links) {
        const response = await get(href);
        expect(response.status, `${app}: ${href}`).toBe(200);
        expect(response.headers.get('content-type'), `${app}: ${href}`).toMatch(/^image\//);
      }
    }
  });
});
