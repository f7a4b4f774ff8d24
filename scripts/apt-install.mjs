// Debian and Ubuntu as root: apt brings a package the tests need, as CI does (.ci/run).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Installs a Debian package where that is safe (Linux, root, apt); says whether it did. */
export function installWithApt(pkg, what) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform !== 'linux' || !root || !existsSync('/usr/bin/apt-get')) return false;
  console.log(`No ${what} found: installing it with apt-get (once)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  return (
    spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env }).status === 0
  );
}
