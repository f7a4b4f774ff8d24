// Load benchmark: 20 kiosks, 200 counters and 50 displays (real socket.io clients in child
// processes) against a bare socket.io + better-sqlite3 baseline, then against a hub alone in
// its process: with notifications off, then with every ticket opted in to phone messages
// through a gateway that answers in 5 s, then through one that never answers ('fast', a
// gateway that answers at once, is there to tell the cost of opt-ins from the gateway's).
// Usage: npm run bench:load [-- --seconds 60 --phases baseline,off,slow,hang]
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { WorkerSetup } from './load/client-worker';
import { hubProcessBundle } from './load/hub-bundle';
import { postJson } from './load/hub-api';
import { loadBuilding } from './load/load-building';
import type { Phase, PhaseResult } from './load/load-table';
import { PHASE_TITLES, printTable, ratiosLine } from './load/load-table';
import { configureGateway, outboxCounts, startGateway } from './load/notify-load';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    phases: { type: 'string', default: 'baseline,off,slow,hang' },
    /** The older switch: both = baseline,off; antre = off. */
    mode: { type: 'string' },
  },
});
const MODE_PHASES: Record<string, string> = {
  both: 'baseline,off',
  antre: 'off',
  baseline: 'baseline',
};
const PHASES = (values.mode ? (MODE_PHASES[values.mode] ?? '') : values.phases)
  .split(',')
  .map((p) => p.trim())
  .filter((p): p is Phase => p in PHASE_TITLES);
if (PHASES.length === 0)
  throw new Error('--phases: a comma list of baseline, off, fast, slow, hang');
const SECONDS = Number(values.seconds);
const PREFILL = 600;
const CALLS_PER_SECOND = 10;
const ISSUES_PER_SECOND = 5;
const BURST = 200;
const building = loadBuilding(20, 10, 5);
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

type Message = { type: string; [key: string]: unknown };
const spawn = (file: string, args: string[] = []): ChildProcess =>
  fork(here(file), args, { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
// The hub (and the baseline beside it) run from a bundle, as `npm start` runs the hub.
const hubProcess = await hubProcessBundle();
const next = (child: ChildProcess, type: string): Promise<Message> =>
  new Promise((resolve) => {
    const listener = (m: Message): void => {
      if (m.type !== type) return;
      child.off('message', listener);
      resolve(m);
    };
    child.on('message', listener);
  });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

type Identities = Omit<WorkerSetup, 'url' | 'baseline'> & { admin: string };

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
      Array.from({ length: 20 }, async () => ({ token: await device('kiosk', []) })),
    ),
    counters: building.counters.map((c) => ({
      token: officers.get(c.agencyId) as string,
      counterId: c.id,
      zoneId: c.zoneId,
    })),
    displays: await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const zoneId = building.zones[i % building.zones.length]?.id as string;
        return { token: await device('display', [zoneId]), zoneId };
      }),
    ),
  };
}

const bareIdentities = (): Identities => ({
  admin: '',
  kiosks: Array.from({ length: 20 }, () => ({ token: '' })),
  counters: building.counters.map((c) => ({ token: '', counterId: c.id, zoneId: c.zoneId })),
  displays: Array.from({ length: 50 }, (_, i) => ({
    token: '',
    zoneId: building.zones[i % building.zones.length]?.id as string,
  })),
});

async function run(phase: Phase): Promise<PhaseResult> {
  const baseline = phase === 'baseline';
  const hub = fork(hubProcess, [baseline ? 'baseline' : 'antre'], { stdio: 'inherit' });
  const { url, dataDir } = (await next(hub, 'ready')) as unknown as {
    url: string;
    dataDir: string;
  };
  const identities = baseline ? bareIdentities() : await tokens(url);
  const gateway = baseline || phase === 'off' ? null : await startGateway(phase);
  if (gateway) await configureGateway(url, identities.admin, gateway.url);
  const optIn = gateway !== null;
  const base = { url, baseline, optIn, kiosks: [], counters: [], displays: [] };
  const roles: Partial<WorkerSetup>[] = [
    { kiosks: identities.kiosks },
    { counters: identities.counters.slice(0, 100) },
    { counters: identities.counters.slice(100) },
    { displays: identities.displays },
  ];
  const workers = roles.map(() => spawn('load/client-worker.ts'));
  const sentAt = new Map<string, number>();
  const seen = new Map<string, number[]>();
  const issueMs: number[] = [];
  const optIns = { accepted: 0, refused: 0 };
  let failedCalls = 0;
  const refusals = new Map<string, number>();
  for (const worker of workers) {
    worker.on('message', (m: Message) => {
      if (m.type === 'issued') issueMs.push(m.ms as number);
      if (m.type === 'opted') optIns[m.status === 201 ? 'accepted' : 'refused'] += 1;
      if (m.type === 'called') {
        if (m.ok && m.ticketId) sentAt.set(m.ticketId as string, m.sentAt as number);
        else {
          failedCalls += 1;
          refusals.set(String(m.error), (refusals.get(String(m.error)) ?? 0) + 1);
        }
      }
      if (m.type === 'seen')
        seen.set(m.ticketId as string, [...(seen.get(m.ticketId as string) ?? []), m.at as number]);
    });
  }
  await Promise.all(
    workers.map(
      (w, i) => (w.send({ type: 'setup', config: { ...base, ...roles[i] } }), next(w, 'ready')),
    ),
  );
  const [kioskWorker, counterA, counterB] = workers as [
    ChildProcess,
    ChildProcess,
    ChildProcess,
    ChildProcess,
  ];
  const services = building.services.map((s) => s.id);
  const call = (index: number): void =>
    void (index % 200 < 100 ? counterA : counterB).send({ type: 'call', index: index % 100 });

  // Fill the queues so every call finds someone, then measure from a clean slate.
  for (let i = 0; i < PREFILL; i += 1)
    kioskWorker.send({ type: 'issue', index: i, serviceId: services[i % services.length] });
  const optedIn = (): number => optIns.accepted + optIns.refused;
  while (issueMs.length < PREFILL || (optIn && optedIn() < PREFILL)) await sleep(50);
  issueMs.length = 0;
  hub.send({ type: 'reset-lag' });

  const steadyEnd = Date.now() + SECONDS * 1000;
  let tick = 0;
  while (Date.now() < steadyEnd) {
    call(tick);
    if (tick % 2 === 0)
      kioskWorker.send({ type: 'issue', index: tick, serviceId: services[tick % services.length] });
    tick += 1;
    await sleep(1000 / CALLS_PER_SECOND);
  }
  await sleep(1000);
  const steadyCalls = new Set(sentAt.keys());
  const steadyStats = (await (hub.send({ type: 'stats' }), next(hub, 'stats'))) as unknown as {
    rss: number;
    lagP50: number;
    lagP99: number;
    lagMax: number;
  };

  for (let i = 0; i < BURST; i += 1) call(i);
  await sleep(5000);
  const finalStats = (await (hub.send({ type: 'stats' }), next(hub, 'stats'))) as unknown as {
    rss: number;
    lagMax: number;
  };
  const outbox = baseline ? null : outboxCounts(dataDir);

  const latencies = (ids: string[]): number[] =>
    ids.flatMap((id) => (seen.get(id) ?? []).map((at) => at - (sentAt.get(id) ?? at)));
  const burstIds = [...sentAt.keys()].filter((id) => !steadyCalls.has(id));
  const displaysPerZone = 50 / building.zones.length;
  const burstDelivered = burstIds.reduce((n, id) => n + (seen.get(id)?.length ?? 0), 0);
  for (const w of workers) w.send({ type: 'stop' });
  hub.send({ type: 'stop' });
  await Promise.all([hub, ...workers].map(exited));
  const gatewayRequests = gateway?.requests.length ?? null;
  await gateway?.close();
  return {
    phase,
    steady: latencies([...steadyCalls]),
    burst: latencies(burstIds),
    burstDelivered: `${burstDelivered}/${burstIds.length * displaysPerZone}`,
    issue: issueMs,
    failedCalls: `${failedCalls} ${JSON.stringify(Object.fromEntries(refusals))}`,
    rssMb: Math.max(steadyStats.rss, finalStats.rss) / 1024 / 1024,
    lag: steadyStats,
    lagMax: Math.max(steadyStats.lagMax, finalStats.lagMax),
    optIns: optIn ? optIns : null,
    outbox,
    gatewayRequests,
  };
}

const results: PhaseResult[] = [];
for (const phase of PHASES) results.push(await run(phase));
console.log(
  `\nLoad: 20 kiosks, 200 counters, 50 displays; ${SECONDS} s at ${CALLS_PER_SECOND} calls/s + ${ISSUES_PER_SECOND} tickets/s, then ${BURST} calls at once.\n`,
);
printTable(results);
const ratios = ratiosLine(results);
if (ratios) console.log(`\n${ratios}`);
process.exit(0);
