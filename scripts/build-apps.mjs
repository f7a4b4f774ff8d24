// Builds each web app (apps/<name>/vite.config.ts) into apps/<name>/dist when its sources changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { binPath, ROOT } from './bootstrap.mjs';

export function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** ANTRE_APPS=kiosk,track limits the build to those apps (a quicker loop while working on one). */
export function webApps() {
  const appsDir = join(ROOT, 'apps');
  const only = process.env.ANTRE_APPS?.split(',').filter(Boolean);
  return readdirSync(appsDir).filter(
    (name) => existsSync(join(appsDir, name, 'vite.config.ts')) && (!only || only.includes(name)),
  );
}

/** Which Vite mode an app's dist was built in: `test` builds carry the browser tests' hooks. */
const builtMode = (dist) =>
  existsSync(join(dist, '.build-mode')) ? readFileSync(join(dist, '.build-mode'), 'utf8') : null;

export function buildApps({ force = false, quiet = false, mode = 'production' } = {}) {
  const shared = Math.max(
    ...['ui', 'client', 'protocol', 'domain', 'voice', 'escpos'].map((p) =>
      newest(join(ROOT, 'packages', p, 'src')),
    ),
  );
  for (const name of webApps()) {
    const dir = join(ROOT, 'apps', name);
    const dist = join(dir, 'dist');
    const built = join(dist, 'index.html');
    const sources = Math.max(shared, newest(dir));
    const current =
      existsSync(built) && statSync(built).mtimeMs >= sources && builtMode(dist) === mode;
    if (!force && current) continue;
    if (!quiet) console.log(`Building the ${name} app…`);
    const result = spawnSync(
      binPath('vite'),
      ['build', '--mode', mode, '--logLevel', quiet ? 'error' : 'warn'],
      { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' },
    );
    if (result.status !== 0) throw new Error(`Building the ${name} app failed`);
    writeFileSync(join(dist, '.build-mode'), mode);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildApps({ force: process.argv.includes('--force') });
}
