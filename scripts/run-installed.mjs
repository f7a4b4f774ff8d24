// Runs a tool from node_modules/.bin after making sure dependencies are installed.
import { spawnSync } from 'node:child_process';
import { binPath, ensureInstalled, ROOT } from './bootstrap.mjs';

ensureInstalled();
const [tool, ...args] = process.argv.slice(2);
const result = spawnSync(binPath(tool), args, {
  cwd: ROOT,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
