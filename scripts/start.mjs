// npm start: install what is missing, build what changed, then run the hub from its bundle
// (migrates and seeds on first start).
import { spawn } from 'node:child_process';
import { ensureInstalled, ROOT } from './bootstrap.mjs';
import { buildApps } from './build-apps.mjs';
import { HUB_NODE_FLAGS } from './hub-node-flags.mjs';

ensureInstalled();
buildApps();
// Imported after the install: the hub's build needs esbuild from node_modules.
const { buildHub, HUB_BUNDLE } = await import('./build-hub.mjs');
await buildHub();
// Without --enable-source-maps: Node would read and parse the bundle's 3 MB map before the
// hub starts (~0.1 s of a ~1 s start). The bundle keeps its names, so a stack trace still
// says where; `NODE_OPTIONS=--enable-source-maps npm start` maps it to the sources.
const hub = spawn(process.execPath, [...HUB_NODE_FLAGS, HUB_BUNDLE, ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hub.kill(signal));
hub.on('exit', (code) => process.exit(code ?? 0));
