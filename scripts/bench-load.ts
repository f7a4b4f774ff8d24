// Load benchmark: 20 kiosks, 200 counters and 50 displays (real socket.io clients in child
// processes) against a hub alone in its process, then the same against a bare socket.io +
// better-sqlite3 baseline. Usage: npm run bench:load [-- --seconds 60]
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { WorkerSetup } from './load/client-worker';
import { postJson } from './load/hub-api';
import { loadBuilding } from './load/load-building';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    mode: { type: 'string', default: 'both' },
  },
});
const SECONDS = Number(values.seconds);
const CALLS_PER_SECOND = 10;
const ISSUES_PER_SECOND = 5;
const BURST = 200;
const building = loadBuilding(20, 10, 5);
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

type Message = { type: string; [key: string]: unknown };
const spawn = (file: string, args: string[] = []): ChildProcess =>
  fork(here(file), args, { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
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

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '—');

async function tokens(url: string): Promise<Omit<WorkerSetup, 'url' | 'baseline'>> {
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

async function run(mode: 'antre' | 'baseline') {
  const hub = spawn('load/hub-process.ts', [mode]);
  const { url } = (await next(hub, 'ready')) as unknown as { url: string };
  const identities: Omit<WorkerSetup, 'url' | 'baseline'> =
    mode === 'antre'
      ? await tokens(url)
      : {
          kiosks: Array.from({ length: 20 }, () => ({ token: '' })),
          counters: building.counters.map((c) => ({
            token: '',
            counterId: c.id,
            zoneId: c.zoneId,
          })),
          displays: Array.from({ length: 50 }, (_, i) => ({
            token: '',
            zoneId: building.zones[i % building.zones.length]?.id as string,
          })),
        };
  const base = { url, baseline: mode === 'baseline', kiosks: [], counters: [], displays: [] };
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
  let failedCalls = 0;
  const refusals = new Map<string, number>();
  for (const worker of workers) {
    worker.on('message', (m: Message) => {
      if (m.type === 'issued') issueMs.push(m.ms as number);
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
  for (let i = 0; i < 600; i += 1)
    kioskWorker.send({ type: 'issue', index: i, serviceId: services[i % services.length] });
  while (issueMs.length < 600) await sleep(50);
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

  const latencies = (ids: string[]): number[] =>
    ids.flatMap((id) => (seen.get(id) ?? []).map((at) => at - (sentAt.get(id) ?? at)));
  const burstIds = [...sentAt.keys()].filter((id) => !steadyCalls.has(id));
  const displaysPerZone = 50 / building.zones.length;
  const burstDelivered = burstIds.reduce((n, id) => n + (seen.get(id)?.length ?? 0), 0);
  for (const w of workers) w.send({ type: 'stop' });
  hub.send({ type: 'stop' });
  await sleep(500);
  return {
    mode,
    steady: latencies([...steadyCalls]),
    burst: latencies(burstIds),
    burstDelivered: `${burstDelivered}/${burstIds.length * displaysPerZone}`,
    issue: issueMs,
    failedCalls: `${failedCalls} ${JSON.stringify(Object.fromEntries(refusals))}`,
    rssMb: Math.max(steadyStats.rss, finalStats.rss) / 1024 / 1024,
    lag: steadyStats,
    lagMaxAll: Math.max(steadyStats.lagMax, finalStats.lagMax),
  };
}

const modes =
  values.mode === 'both'
    ? (['baseline', 'antre'] as const)
    : ([values.mode as 'antre' | 'baseline'] as const);
const results: Awaited<ReturnType<typeof run>>[] = [];
for (const mode of modes) results.push(await run(mode));
console.log(
  `\nLoad: 20 kiosks, 200 counters, 50 displays; ${SECONDS} s at ${CALLS_PER_SECOND} calls/s + ${ISSUES_PER_SECOND} tickets/s, then ${BURST} calls at once.\n`,
);
console.log('| figure | ' + results.map((r) => r.mode).join(' | ') + ' |');
console.log('|---|' + results.map(() => '---').join('|') + '|');
const row = (name: string, pick: (r: (typeof results)[number]) => string): void =>
  console.log(`| ${name} | ${results.map(pick).join(' | ')} |`);
row(
  'steady call→display p50 / p99 / max (ms)',
  (r) =>
    `${fmt(percentile(r.steady, 50))} / ${fmt(percentile(r.steady, 99))} / ${fmt(Math.max(...r.steady))}`,
);
row(
  'issue ack p50 / p99 (ms)',
  (r) => `${fmt(percentile(r.issue, 50))} / ${fmt(percentile(r.issue, 99))}`,
);
row(
  'burst call→display p50 / p99 / max (ms)',
  (r) =>
    `${fmt(percentile(r.burst, 50))} / ${fmt(percentile(r.burst, 99))} / ${fmt(Math.max(...r.burst))}`,
);
row('burst deliveries (seen / expected)', (r) => r.burstDelivered);
row('refused calls', (r) => r.failedCalls);
row('hub RSS max (MB)', (r) => fmt(r.rssMb));
row(
  'event-loop lag p50 / p99 / max (ms)',
  (r) => `${fmt(r.lag.lagP50)} / ${fmt(r.lag.lagP99)} / ${fmt(r.lagMaxAll)}`,
);
process.exit(0);
