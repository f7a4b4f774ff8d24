// Bundles the hub (apps/hub/src/main.ts and the workspace packages it uses) into
// apps/hub/dist/main.mjs, so `npm start` runs plain JavaScript and a restart does not wait
// for TypeScript to compile (seconds on a small PC). The hub's own npm dependencies stay
// outside the bundle and load from apps/hub/node_modules as usual: better-sqlite3 is native,
// and the others are read by Node faster than they would be re-bundled.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newest } from './build-apps.mjs';
import { ROOT } from './bootstrap.mjs';

const HUB = join(ROOT, 'apps', 'hub');
export const HUB_BUNDLE = join(HUB, 'dist', 'main.mjs');
const WORKSPACE_SOURCES = ['domain', 'protocol', 'escpos'].map((p) =>
  join(ROOT, 'packages', p, 'src'),
);

/**
 * Bundles one entry (the hub's main.ts, or a tool's hub process) into apps/hub/dist, when
 * the hub's or its packages' sources are newer than the bundle. Returns the bundle's path.
 */
export async function bundleHubEntry(entry, name, { force = false, quiet = false } = {}) {
  const outfile = join(HUB, 'dist', name);
  const sources = Math.max(
    newest(join(HUB, 'src')),
    statSync(entry).mtimeMs,
    ...WORKSPACE_SOURCES.map((dir) => newest(dir)),
  );
  if (!force && existsSync(outfile) && statSync(outfile).mtimeMs >= sources) return outfile;
  if (!quiet) console.log(`Building ${name}…`);
  const { dependencies } = JSON.parse(readFileSync(join(HUB, 'package.json'), 'utf8'));
  const external = Object.keys(dependencies)
    .filter((dependency) => !dependency.startsWith('@antre/'))
    .flatMap((dependency) => [dependency, `${dependency}/*`]);
  const { outputFiles } = await build({
    entryPoints: [entry],
    outfile,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    // The bundle is ESM: a dependency bundled in (receiptline, jsqr) may still call require().
    banner: {
      js: "import { createRequire as antreRequire } from 'node:module'; const require = antreRequire(import.meta.url);",
    },
    sourcemap: true,
    logLevel: quiet ? 'error' : 'warning',
  });
  mkdirSync(dirname(outfile), { recursive: true });
  for (const file of outputFiles)
    writeFileSync(file.path, file.path === outfile ? oneByteSource(file.text) : file.contents);
  return outfile;
}

/**
 * esbuild escapes every non-ASCII character of the code it writes, but not of the comments
 * it keeps (e.g. a schema field's "…"), and one such character makes V8 hold the whole
 * bundle's source as two bytes a character: 3.2 MB instead of 1.6 MB, for the hub's life.
 * Each UTF-16 unit becomes one "?", so every column the source map points at stays put.
 */
export const oneByteSource = (code) => code.replace(/[\u0080-\uffff]/g, '?');

/** The hub `npm start` runs. */
export const buildHub = (options) =>
  bundleHubEntry(join(HUB, 'src', 'main.ts'), 'main.mjs', options);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildHub({ force: process.argv.includes('--force') });
}
