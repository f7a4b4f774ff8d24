/* global process, console, URL */
// Bundles the Electron main process and the preload into dist/ (CommonJS: a sandboxed
// preload cannot load ES modules). Electron itself stays external; everything else,
// @antre/escpos included, is inside the bundle so the installer needs no node_modules.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export async function buildShell({ outdir = `${here}dist`, minify = false } = {}) {
  const common = {
    absWorkingDir: here,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    // usb is native: loaded from node_modules, and only where a USB printer is configured.
    external: ['electron', 'usb'],
    sourcemap: 'linked',
    minify,
    logLevel: 'warning',
    metafile: true,
  };
  const main = await build({
    ...common,
    entryPoints: ['src/main.ts'],
    outfile: `${outdir}/main.cjs`,
  });
  const preload = await build({
    ...common,
    entryPoints: ['src/preload.ts'],
    outfile: `${outdir}/preload.cjs`,
  });
  return { main: main.metafile, preload: preload.metafile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length);
  await buildShell({ minify: process.argv.includes('--minify'), ...(outdir ? { outdir } : {}) });
  console.log(`built main.cjs and preload.cjs in ${outdir ?? 'packages/shell/dist'}`);
}
