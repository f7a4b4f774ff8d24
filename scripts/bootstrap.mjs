// Installs what is missing, so `npm start` and `npm test` work on a fresh clone with only Node.js.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = 'pnpm@10.34.9';
const MIN_NODE = [20, 12];

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    console.error(
      `Antre needs Node.js ${MIN_NODE.join('.')} or newer; this is ${process.versions.node}.`,
    );
    process.exit(1);
  }
}

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.')) return ['pnpm'];
  return ['npx', '--yes', PNPM];
}

/** Runs pnpm install when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  checkNode();
  const marker = join(ROOT, 'node_modules', '.modules.yaml');
  const lock = join(ROOT, 'pnpm-lock.yaml');
  const fresh =
    existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs && nativeModuleLoads();
  if (fresh) return;
  console.log('Installing dependencies (first run takes a minute or two)…');
  const [command, ...prefix] = pnpmCommand();
  const args = [...prefix, 'install', '--frozen-lockfile'];
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('Installing dependencies failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

/** better-sqlite3 is native: a Node upgrade needs it rebuilt. */
function nativeModuleLoads() {
  const probe = spawnSync(process.execPath, ['-e', "require('better-sqlite3')"], {
    cwd: join(ROOT, 'apps', 'hub'),
    encoding: 'utf8',
  });
  return probe.status === 0;
}

export function binPath(name) {
  return join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
}

export const packageVersion = () =>
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
