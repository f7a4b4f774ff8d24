// npm start: install what is missing, then run the hub (migrates and seeds on first start).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { binPath, ensureInstalled, ROOT } from './bootstrap.mjs';
import { buildApps } from './build-apps.mjs';

ensureInstalled();
buildApps();
const hub = spawn(
  binPath('tsx'),
  [join(ROOT, 'apps', 'hub', 'src', 'main.ts'), ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => hub.kill(signal));
hub.on('exit', (code) => process.exit(code ?? 0));
