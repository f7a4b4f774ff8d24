// HAProxy or nginx in front of the trial's hub processes, run from the very files in
// deploy/cluster/ with only the addresses changed (a listening port on 127.0.0.1, the hubs'
// ports), so the failover trial times the configuration the deployment guide hands out.
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BalancerKind = 'haproxy' | 'nginx';

const DEPLOY = new URL('../../deploy/cluster/', import.meta.url);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The deployment file's server lines, each pointed at one local port, and its listen port. */
function localConfig(kind: BalancerKind, port: number, hubPorts: readonly number[]): string {
  const file = readFileSync(new URL(kind === 'haproxy' ? 'haproxy.cfg' : 'nginx.conf', DEPLOY));
  const lines = file.toString().split('\n');
  const isServer = (line: string): boolean =>
    /^\s*server\s+(\S+\s+)?\d+\.\d+\.\d+\.\d+:\d+/.test(line);
  const first = lines.findIndex(isServer);
  if (first < 0) throw new Error(`deploy/cluster's ${kind} file names no hub server`);
  const template = lines[first]!;
  const servers = hubPorts.map((hubPort, i) =>
    template
      .replace(/(server\s+)hub-[a-z]+/, `$1hub-${i}`)
      .replace(/\d+\.\d+\.\d+\.\d+:\d+/, `127.0.0.1:${hubPort}`),
  );
  const body = [
    ...lines.slice(0, first),
    ...servers,
    ...lines.slice(first).filter((l) => !isServer(l)),
  ]
    .join('\n')
    .replace(/^(\s*)bind :80\b/m, `$1bind 127.0.0.1:${port}`)
    .replace(/^(\s*)listen 80;/m, `$1listen 127.0.0.1:${port};`);
  if (!body.includes(`127.0.0.1:${port}`))
    throw new Error(`deploy/cluster's ${kind} file has no "bind :80" or "listen 80;" to move`);
  return body;
}

/**
 * Starts the balancer in the foreground on 127.0.0.1:port; resolves once it answers. With
 * `logs`, its warnings (a process marked down or up) go to this process's stderr.
 */
export async function startBalancer(
  kind: BalancerKind,
  port: number,
  hubPorts: readonly number[],
  logs = false,
): Promise<{ url: string; stop: () => void }> {
  const stdio: ['ignore', 'ignore', 'inherit' | 'ignore'] = [
    'ignore',
    'ignore',
    logs ? 'inherit' : 'ignore',
  ];
  const dir = mkdtempSync(join(tmpdir(), `antre-${kind}-`));
  const site = localConfig(kind, port, hubPorts);
  let child: ChildProcess;
  if (kind === 'haproxy') {
    const file = join(dir, 'haproxy.cfg');
    writeFileSync(file, site);
    execFileSync('haproxy', ['-c', '-q', '-f', file]);
    child = spawn('haproxy', ['-db', '-f', file], { stdio });
  } else {
    // The deploy file is a site (an `http` block's content); nginx needs the rest around it.
    const file = join(dir, 'nginx.conf');
    writeFileSync(
      file,
      `daemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\nevents {}\n` +
        `http {\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n` +
        `${site}\n}\n`,
    );
    execFileSync('nginx', ['-t', '-q', '-c', file, '-p', dir]);
    child = spawn('nginx', ['-c', file, '-p', dir], { stdio });
  }
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    try {
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(500) });
      break;
    } catch (error) {
      if (tries > 40) throw new Error(`${kind} did not answer on ${url}`, { cause: error });
      await sleep(100);
    }
  }
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
