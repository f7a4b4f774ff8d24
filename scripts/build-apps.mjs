// Builds each web app (apps/<name>/vite.config.ts) into apps/<name>/dist when its sources changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { binPath, ROOT } from './bootstrap.mjs';

function newest(dir) {
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

export function buildApps({ force = false, quiet = false } = {}) {
  const shared = Math.max(
    ...['ui', 'client', 'protocol', 'domain', 'voice', 'escpos'].map((p) =>
      newest(join(ROOT, 'packages', p, 'src')),
    ),
  );
  for (const name of webApps()) {
    const dir = join(ROOT, 'apps', name);
    const built = join(dir, 'dist', 'index.html');
    const sources = Math.max(shared, newest(dir));
    if (!force && existsSync(built) && statSync(built).mtimeMs >= sources) continue;
    if (!quiet) console.log(`Building the ${name} app…`);
    const result = spawnSync(binPath('vite'), ['build', '--logLevel', quiet ? 'error' : 'warn'], {
      cwd: dir,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (result.status !== 0) throw new Error(`Building the ${name} app failed`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildApps({ force: process.argv.includes('--force') });
}
