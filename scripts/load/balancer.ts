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

/**
 * The deployment file with each group of server lines (a building's backend or upstream)
 * pointed at the local hub ports, one line per port, and its listening port on 127.0.0.1. Every
 * building is sent to the same hubs: the trial's processes serve one building, and a request
 * without a building's host name goes to the first, as in the file.
 */
function localConfig(kind: BalancerKind, port: number, hubPorts: readonly number[]): string {
  const file = readFileSync(new URL(kind === 'haproxy' ? 'haproxy.cfg' : 'nginx.conf', DEPLOY));
  const isServer = (line: string): boolean =>
    /^\s*server\s+(\S+\s+)?\d+\.\d+\.\d+\.\d+:\d+/.test(line);
  const lines: string[] = [];
  for (const line of file.toString().split('\n')) {
    if (!isServer(line)) lines.push(line);
    // The first line of a group stands for the group: one line per hub, on its port.
    else if (!isServer(lines.at(-1) ?? ''))
      lines.push(
        ...hubPorts.map((hubPort, i) =>
          line
            .replace(/(server\s+)hub-[a-z]+/, `$1hub-${i}`)
            .replace(/\d+\.\d+\.\d+\.\d+:\d+/, `127.0.0.1:${hubPort}`),
        ),
      );
  }
  if (!lines.some(isServer)) throw new Error(`deploy/cluster's ${kind} file names no hub server`);
  const body = lines
    .join('\n')
    .replace(/^(\s*)bind :80\b/gm, `$1bind 127.0.0.1:${port}`)
    .replace(/^(\s*)listen 80;/gm, `$1listen 127.0.0.1:${port};`);
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
