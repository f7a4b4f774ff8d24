// Failover trials: three hub processes of one building on one real PostgreSQL (a cluster made
// in a temporary folder), kiosks and counters under load with the three URLs, and at random
// moments the active process is SIGKILLed or SIGSTOPped. A standby must take the building's
// lease and serve; the clients must move over by themselves. A stopped process is woken after
// the takeover (SIGCONT), as a frozen VM would be: every write it still tries must be refused
// by the lease's epoch (fencing). After each trial the database is checked: no acknowledged
// ticket lost, no number issued twice, no ticket held by two counters, no row written by a
// process whose lease had been taken over.
// With --via haproxy or --via nginx the clients are given one URL, a load balancer's run from
// deploy/cluster/'s file, instead of the three; the trial also times when the balancer first
// answers from the new process.
// Usage: npm run trials:failover [-- --trials 100] [--via haproxy|nginx]
import { createHubClient } from '@antre/client';
import { startPgCluster } from '@antre/hub/testing';
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { BalancerKind } from './load/balancer';
import { startBalancer } from './load/balancer';
import { postJson } from './load/hub-api';
import { hubNodeFlags, hubProcessBundle } from './load/hub-bundle';
import { startTrialLoad } from './load/trial-load';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    processes: { type: 'string', default: '3' },
    verbose: { type: 'boolean', default: false },
    via: { type: 'string', default: 'direct' },
  },
});
if (!['direct', 'haproxy', 'nginx'].includes(values.via))
  throw new Error(`--via must be direct, haproxy or nginx, not "${values.via}"`);
const say = (line: string): void => {
  if (values.verbose) console.log(`${new Date().toISOString()} ${line}`);
};
const TRIALS = Number(values.trials);
const PROCESSES = Math.max(2, Number(values.processes));
let seed = Number(values.seed);
const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const BUILDING = 'mpp-trial';
const SCHEMA = 'b_mpp_trial';

const cluster = await startPgCluster();
const databaseUrl = await cluster.createDatabase('antre');
const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
db.on('error', () => undefined);
const hubProcess = await hubProcessBundle();
const basePort = 21_000 + Math.floor(Math.random() * 15_000);
const urls = Array.from({ length: PROCESSES }, (_, i) => `http://127.0.0.1:${basePort + i}`);
const dataDirs = urls.map(() => mkdtempSync(join(tmpdir(), 'antre-failover-')));
const balancer =
  values.via === 'direct'
    ? null
    : await startBalancer(
        values.via as BalancerKind,
        basePort + PROCESSES,
        urls.map((_, i) => basePort + i),
        values.verbose,
      );

interface Member {
  child: ChildProcess;
  role: string;
}
const members: Member[] = [];
// Whatever ends this tool (a failure, Ctrl-C), the hubs and the cluster go with it.
process.on('exit', () => {
  for (const member of members) {
    member.child.kill('SIGCONT');
    member.child.kill('SIGKILL');
  }
  cluster.stop();
  balancer?.stop();
});
process.on('SIGINT', () => process.exit(130));

function startMember(i: number): Promise<Member> {
  const child = fork(
    hubProcess,
    ['cluster', dataDirs[i]!, String(basePort + i), databaseUrl, BUILDING],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: hubNodeFlags },
  );
  const member: Member = { child, role: 'starting' };
  child.on('message', (m: { type: string; role?: string }) => {
    if (m.type === 'role' && m.role) member.role = m.role;
  });
  members[i] = member;
  return new Promise((resolve, reject) => {
    child.on('message', (m: { type: string }) => m.type === 'ready' && resolve(member));
    child.once('exit', (code) => member.role === 'starting' && reject(new Error(`exit ${code}`)));
  });
}

/**
 * The index of the process whose /api/health says active, or -1. For a moment after a
 * takeover the old holder may still say so too (it has not yet noticed): the newest lease wins.
 */
async function activeIndex(except = -1): Promise<number> {
  const epochs = await Promise.all(
    urls.map(async (url, i) => {
      if (i === except) return -1;
      try {
        const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(300) });
        if (response.status !== 200) return -1;
        return ((await response.json()) as { cluster?: { epoch: number } }).cluster?.epoch ?? -1;
      } catch {
        return -1;
      }
    }),
  );
  const newest = Math.max(...epochs);
  return newest < 0 ? -1 : epochs.indexOf(newest);
}

async function waitForActive(except = -1, limitMs = 30_000): Promise<number> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const i = await activeIndex(except);
    if (i >= 0 || Date.now() > deadline) return i;
    await sleep(25);
  }
}

for (let i = 0; i < PROCESSES; i += 1) await startMember(i);
let active = await waitForActive();
if (active < 0) throw new Error('No hub process became active');
const url = urls[active]!;
const post = (path: string, body: object, token?: string) => postJson(url, path, body, token);
const admin = (
  await post('/api/auth/login', { username: 'admin', password: 'load-admin-password' })
).token as string;
const officer = (
  await post('/api/auth/login', { username: 'spv.instansi-1', password: 'load-demo-password' })
).token as string;
const kioskTokens = await Promise.all(
  [1, 2, 3].map(
    async (n) =>
      (await post('/api/devices', { name: `Kiosk ${n}`, role: 'kiosk' }, admin)).token as string,
  ),
);
const clientOptions = {
  url: balancer ? balancer.url : urls,
  ackTimeoutMs: 2_000,
  commandDeadlineMs: 60_000,
};
const kiosks = kioskTokens.map((token) => createHubClient({ ...clientOptions, token }));
const counterIds = Array.from({ length: 10 }, (_, i) => `loket-${i + 1}`);
const counters = counterIds.map(() => createHubClient({ ...clientOptions, token: officer }));
// With --verbose, counter 1's connection and each snapshot it takes (a new hub run's).
const runOf = (): string => counters[0]!.state.hubEpoch?.slice(0, 8) ?? 'none';
counters[0]!.onConnection((c) => say(`counter 1 ${c} (hub run ${runOf()})`));
let seenRun = runOf();
counters[0]!.subscribe(() => {
  if (runOf() === seenRun) return;
  seenRun = runOf();
  say(`counter 1 has a snapshot of hub run ${seenRun}`);
});
await sleep(500);
await Promise.all(
  counters.map((c, i) => c.command('counter:open', { counterId: counterIds[i] as string })),
);

const acked = new Set<string>(); // ticket ids the hub acknowledged
const load = startTrialLoad({
  kiosks,
  counters,
  counterIds,
  rand,
  onIssued: (ticket) => acked.add(ticket.id),
});

const count = async (sql: string, params: unknown[] = []): Promise<number> =>
  Number((await db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

interface Timing {
  pause: boolean;
  ms: number;
}
const totals = {
  trials: 0,
  kills: 0,
  pauses: 0,
  lost: 0,
  duplicates: 0,
  doubleHolds: 0,
  fencedAccepted: 0,
  noTakeover: 0,
  // Each duration with whether its trial paused (rather than killed) the active process.
  takeoverMs: [] as Timing[],
  resyncMs: [] as Timing[],
  balancerMs: [] as Timing[],
};

/** The lease epoch the balancer's answer comes from, or null when it answers no 200. */
async function balancerEpoch(): Promise<number | null> {
  try {
    const response = await fetch(`${balancer!.url}/api/health`, {
      signal: AbortSignal.timeout(1_000),
    });
    if (response.status !== 200) return null;
    return ((await response.json()) as { cluster?: { epoch: number } }).cluster?.epoch ?? null;
  } catch {
    return null;
  }
}
/**
 * Acknowledged tickets not in the database. The load goes on while this runs: only the
 * tickets acknowledged before the query are judged (one acknowledged while it ran may have
 * been saved after the query's snapshot).
 */
async function countLost(): Promise<number> {
  const judged = [...acked];
  const ids = new Set(
    (await db.query<{ id: string }>(`SELECT id FROM ${SCHEMA}.tickets`)).rows.map((r) => r.id),
  );
  return judged.filter((id) => !ids.has(id)).length;
}

for (let trial = 1; trial <= TRIALS; trial += 1) {
  await sleep(300 + rand() * 1500);
  // The building is settled before the next kill: one process active on two looks 200 ms
  // apart, and the counters online (on an overloaded machine a lease can move by itself, and
  // a trial that kills a process already replaced would time nothing).
  const settling = Date.now();
  for (;;) {
    active = await waitForActive();
    await sleep(200);
    if (active >= 0 && (await activeIndex()) === active && counters[0]?.connection === 'online')
      break;
    if (active >= 0 && Date.now() - settling > 30_000) {
      console.error(
        `trial ${trial}: not settled after 30 s (counter 1 ${counters[0]?.connection})`,
      );
      break;
    }
  }
  const victim = members[active]!;
  const pause = rand() < 0.5;
  const hubEpoch = counters[0]?.state.hubEpoch;
  const leaseEpoch = balancer ? await balancerEpoch() : null;
  const killedAt = Date.now();
  victim.child.kill(pause ? 'SIGSTOP' : 'SIGKILL');
  say(`trial ${trial}: ${pause ? 'paused' : 'killed'} process ${active}`);
  const next = await waitForActive(active);
  say(`trial ${trial}: process ${next} active after ${Date.now() - killedAt} ms`);
  if (next < 0) {
    totals.noTakeover += 1;
    console.error(`trial ${trial}: no process took over within 30 s`);
  } else totals.takeoverMs.push({ pause, ms: Date.now() - killedAt });
  if (balancer) {
    for (;;) {
      const epoch = await balancerEpoch();
      if ((epoch !== null && epoch !== leaseEpoch) || Date.now() - killedAt > 30_000) break;
      await sleep(25);
    }
    totals.balancerMs.push({ pause, ms: Date.now() - killedAt });
    say(
      `trial ${trial}: ${values.via} answered from the new process after ${Date.now() - killedAt} ms`,
    );
  }
  while (counters[0]?.state.hubEpoch === hubEpoch && Date.now() - killedAt < 30_000)
    await sleep(20);
  totals.resyncMs.push({ pause, ms: Date.now() - killedAt });
  if (counters[0]?.state.hubEpoch === hubEpoch)
    console.error(
      `trial ${trial}: counter 1 took no snapshot from another hub run within 30 s ` +
        `(${counters[0]?.connection}, hub run ${runOf()})`,
    );
  say(`trial ${trial}: clients re-synced after ${Date.now() - killedAt} ms`);
  if (pause) {
    totals.pauses += 1;
    // Woken after the takeover: it may still try to save what it had decided, and must not
    // manage to; it notices the lost lease and becomes a standby.
    victim.child.kill('SIGCONT');
    const woke = Date.now();
    while (victim.role !== 'standby' && Date.now() - woke < 10_000) await sleep(20);
    await sleep(500);
  } else {
    totals.kills += 1;
    await new Promise((r) =>
      victim.child.exitCode !== null || victim.child.signalCode !== null
        ? r(null)
        : victim.child.once('exit', r),
    );
    await startMember(active);
    say(`trial ${trial}: process ${active} started again`);
  }
  // A takeover waits for every write past its fence, so events are numbered in epoch order:
  // an event with an older epoch than one numbered before it came from a fenced process.
  totals.fencedAccepted = await count(
    `SELECT COUNT(*) AS n FROM (
       SELECT epoch, MAX(epoch) OVER (ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
         AS before FROM ${SCHEMA}.ticket_events) e
     WHERE epoch IS NULL OR epoch < before`,
  );
  totals.lost = await countLost();
  totals.duplicates = await count(
    `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${SCHEMA}.tickets
       GROUP BY origin_service_id, service_day, number HAVING COUNT(*) > 1) d`,
  );
  totals.doubleHolds = await count(
    `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${SCHEMA}.counter_states WHERE ticket_id IS NOT NULL
       GROUP BY ticket_id HAVING COUNT(*) > 1) d`,
  );
  totals.trials = trial;
  if (trial % 10 === 0 || trial === TRIALS)
    console.log(
      `trial ${trial}/${TRIALS} (${totals.kills} killed, ${totals.pauses} paused): ${acked.size} issues acknowledged, lost ${totals.lost}, duplicate numbers ${totals.duplicates}, double holds ${totals.doubleHolds}, fenced writes accepted ${totals.fencedAccepted}, slowest takeover ${Math.max(...totals.takeoverMs.map((t) => t.ms))} ms`,
    );
}
await load.stop();
// Every ticket acknowledged, the last trial's included, once the load has stopped.
totals.lost = await countLost();
[...kiosks, ...counters].forEach((c) => c.close());
for (const member of members) {
  member.child.kill('SIGCONT');
  member.child.kill('SIGTERM');
}
await sleep(1_000);
await db.end(); // the cluster is stopped on exit

/** p50 / p99 / max of a list of durations, in ms: all of them, then killed and paused apart. */
const spread = (list: Timing[]): string => {
  const figures = (some: Timing[]): string => {
    const sorted = some.map((t) => t.ms).sort((a, b) => a - b);
    if (sorted.length === 0) return 'none';
    const at = (q: number): number | undefined =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${sorted.at(-1)} ms`;
  };
  return (
    `${figures(list)} (killed ${figures(list.filter((t) => !t.pause))}; ` +
    `paused ${figures(list.filter((t) => t.pause))})`
  );
};
console.log(
  `\n${totals.trials} trials on ${PROCESSES} hub processes and PostgreSQL (${totals.kills} SIGKILL, ${totals.pauses} SIGSTOP then SIGCONT), ${acked.size} acknowledged issues:\n` +
    `takeover (from the kill or pause to another process answering active) ${spread(totals.takeoverMs)}; no takeover ${totals.noTakeover};\n` +
    (balancer
      ? `${values.via} answering from the new process (from the kill or pause) ${spread(totals.balancerMs)};\n`
      : '') +
    `client re-sync (from the kill to the counters' snapshot from the new process) ${spread(totals.resyncMs)};\n` +
    `acknowledged tickets lost ${totals.lost}, numbers issued twice ${totals.duplicates}, tickets held by two counters ${totals.doubleHolds}, writes accepted from a fenced process ${totals.fencedAccepted}.`,
);
process.exit(
  totals.lost + totals.duplicates + totals.doubleHolds + totals.fencedAccepted + totals.noTakeover >
    0
    ? 1
    : 0,
);
