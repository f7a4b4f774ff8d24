// What every bench:load phase starts: the hub (or the baseline) alone in its own process,
// the identities its clients sign in with, and four client workers (20 kiosks; counters
// 1–100; counters 101–200; 50 displays), each a process of real socket.io clients.
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerSetup } from './client-worker';
import { postJson } from './hub-api';
import { hubNodeFlags } from './hub-bundle';
import { loadBuilding } from './load-building';

export const building = loadBuilding(20, 10, 5);
export const KIOSKS = 20;
export const DISPLAYS = 50;
/** Each call shows on every display of its counter's zone. */
export const DISPLAYS_PER_ZONE = DISPLAYS / building.zones.length;
export const SERVICE_IDS = building.services.map((s) => s.id);

export type Message = { type: string; [key: string]: unknown };

export const next = (child: ChildProcess, type: string): Promise<Message> =>
  new Promise((resolve) => {
    const listener = (m: Message): void => {
      if (m.type !== type) return;
      child.off('message', listener);
      resolve(m);
    };
    child.on('message', listener);
  });
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
/** Sends a message and waits for the answer of the given type. */
export const ask = (child: ChildProcess, message: Message, answer: string): Promise<Message> => {
  const answered = next(child, answer);
  child.send(message);
  return answered;
};

export type Identities = Omit<WorkerSetup, 'url' | 'baseline'> & { admin: string };

async function tokens(url: string): Promise<Identities> {
  const post = (path: string, body: object, token?: string) => postJson(url, path, body, token);
  const admin = (
    await post('/api/auth/login', { username: 'admin', password: 'load-admin-password' })
  ).token as string;
  const officers = new Map<string, string>();
  for (const agency of building.agencies) {
    officers.set(
      agency.id,
      (
        await post('/api/auth/login', {
          username: `spv.${agency.id}`,
          password: 'load-demo-password',
        })
      ).token as string,
    );
  }
  // Device names are unique among devices in use.
  let made = 0;
  const device = async (role: string, zoneIds: string[]): Promise<string> =>
    (await post('/api/devices', { name: `${role} ${++made}`, role, zoneIds }, admin))
      .token as string;
  return {
    admin,
    kiosks: await Promise.all(
      Array.from({ length: KIOSKS }, async () => ({ token: await device('kiosk', []) })),
    ),
    counters: building.counters.map((c) => ({
      token: officers.get(c.agencyId) as string,
      counterId: c.id,
      zoneId: c.zoneId,
    })),
    displays: await Promise.all(
      Array.from({ length: DISPLAYS }, async (_, i) => {
        const zoneId = building.zones[i % building.zones.length]?.id as string;
        return { token: await device('display', [zoneId]), zoneId };
      }),
    ),
  };
}

const bareIdentities = (): Identities => ({
  admin: '',
  kiosks: Array.from({ length: KIOSKS }, () => ({ token: '' })),
  counters: building.counters.map((c) => ({ token: '', counterId: c.id, zoneId: c.zoneId })),
  displays: Array.from({ length: DISPLAYS }, (_, i) => ({
    token: '',
    zoneId: building.zones[i % building.zones.length]?.id as string,
  })),
});

export interface HubStats {
  rss: number;
  lagP50: number;
  lagP99: number;
  lagMax: number;
  /** The hub's group commit since start (null for the baseline, which commits one by one). */
  batches: { batches: number; commands: number; largest: number } | null;
}

export interface Server {
  hub: ChildProcess;
  baseline: boolean;
  url: string;
  dataDir: string;
  identities: Identities;
  stats: () => Promise<HubStats>;
}

/**
 * `hubProcess` is the bundled hub-process.ts (hub-bundle.ts). With `postgres` (a database URL)
 * the hub is one process of a cluster on that database, measured once it holds the lease.
 */
export async function startServer(
  hubProcess: string,
  baseline: boolean,
  postgres?: string,
): Promise<Server> {
  // Plain Node as npm start runs the hub, with its flags; the baseline with Node's defaults.
  const args = baseline
    ? ['baseline']
    : postgres
      ? ['cluster', mkdtempSync(join(tmpdir(), 'antre-load-pg-')), '0', postgres, 'mpp-load']
      : ['antre'];
  const hub = fork(hubProcess, args, {
    stdio: 'inherit',
    execArgv: baseline ? [] : hubNodeFlags,
  });
  const { url, dataDir } = (await next(hub, 'ready')) as unknown as {
    url: string;
    dataDir: string;
  };
  if (postgres)
    while ((await fetch(`${url}/api/health`).catch(() => null))?.status !== 200) await sleep(100);
  const identities = baseline ? bareIdentities() : await tokens(url);
  const stats = async (): Promise<HubStats> =>
    (await ask(hub, { type: 'stats' }, 'stats')) as unknown as HubStats;
  return { hub, baseline, url, dataDir, identities, stats };
}

export interface Clients {
  kiosks: ChildProcess;
  counterA: ChildProcess;
  counterB: ChildProcess;
  displays: ChildProcess;
  all: ChildProcess[];
}

export async function startClients(
  server: Server,
  options: Pick<WorkerSetup, 'optIn' | 'seenBatchMs'> = {},
): Promise<Clients> {
  const { url, baseline, identities } = server;
  const base: WorkerSetup = { url, baseline, kiosks: [], counters: [], displays: [], ...options };
  const roles: Partial<WorkerSetup>[] = [
    { kiosks: identities.kiosks },
    { counters: identities.counters.slice(0, 100) },
    { counters: identities.counters.slice(100) },
    { displays: identities.displays },
  ];
  const workers = roles.map(() =>
    fork(fileURLToPath(new URL('client-worker.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    }),
  );
  await Promise.all(
    workers.map((w, i) => ask(w, { type: 'setup', config: { ...base, ...roles[i] } }, 'ready')),
  );
  const [kiosks, counterA, counterB, displays] = workers as [
    ChildProcess,
    ChildProcess,
    ChildProcess,
    ChildProcess,
  ];
  return { kiosks, counterA, counterB, displays, all: workers };
}

export async function stopAll(server: Server, clients: Clients): Promise<void> {
  for (const w of clients.all) w.send({ type: 'stop' });
  server.hub.send({ type: 'stop' });
  await Promise.all([server.hub, ...clients.all].map(exited));
}
