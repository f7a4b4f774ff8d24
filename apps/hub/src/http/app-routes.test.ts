import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../hub';
import { startHub } from '../hub';

let hub: RunningHub;
let dist: string;
beforeAll(async () => {
  const appsDir = mkdtempSync(join(tmpdir(), 'antre-apps-'));
  dist = join(appsDir, 'admin', 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><script src="assets/a-1.js"></script>');
  writeFileSync(join(dist, 'assets', 'a-1.js'), 'console.log(1);');
  hub = await startHub({
    dataDir: mkdtempSync(join(tmpdir(), 'antre-hub-')),
    port: 0,
    demo: true,
    adminPassword: 'admin-test-password',
    appsDir,
  });
}, 60_000);
afterAll(async () => hub?.close());

const get = (path: string) => fetch(`${hub.url}${path}`, { redirect: 'manual' });

describe('the built web apps', () => {
  it('when the app is rebuilt while the hub runs, then its new files are served at once', async () => {
    expect(hub.apps).toEqual(['/admin/']);
    expect(await (await get('/admin/assets/a-1.js')).text()).toBe('console.log(1);');
    writeFileSync(join(dist, 'assets', 'a-2.js'), 'console.log(2);');
    writeFileSync(join(dist, 'index.html'), '<!doctype html><script src="assets/a-2.js"></script>');
    const script = await get('/admin/assets/a-2.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(await script.text()).toBe('console.log(2);');
    expect(await (await get('/admin/')).text()).toContain('a-2.js');
  });

  it('when a file that does not exist is asked for, then the answer is 404, not the page', async () => {
    for (const path of ['/admin/assets/gone-123.js', '/admin/favicon.png', '/admin/x/y.css']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toContain('application/json');
    }
  });

  it('when a page path inside the app is opened, then it gets the app to route it', async () => {
    const deep = await get('/admin/laporan/harian');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<!doctype html>');
    expect((await get('/admin')).status).toBe(302);
    expect((await get('/counter/')).status).toBe(404);
  });
});
