// Load benchmark: 20 kiosks, 200 counters and 50 displays (real socket.io clients in child
// processes) against a bare socket.io + better-sqlite3 baseline, then against a hub alone in
// its process: with notifications off, then with every ticket opted in to phone messages
// through a gateway that answers in 5 s, then through one that never answers ('fast', a
// gateway that answers at once, is there to tell the cost of opt-ins from the gateway's).
// Two more kinds of phase, with the same clients (scripts/load/scale-phase.ts, rate-phase.ts):
// - scale: the hub's day filled to 1,000, 5,000 and 20,000 tickets (issued and mostly
//   called), call-next's answer and call→display measured at each; ends with the line
//   `scale: p50_1k=… p50_5k=… p50_20k=… growth=X.XX` (call-next ack p50, last ÷ first).
// - baseline-rate, rate: the call rate climbs until call→display p99 passes 100 ms, against
//   the baseline and the hub; ends with `rate: baseline=N hub=N ratio=X.XX` (the highest
//   calls/s each held, hub ÷ baseline) when both ran.
// Phases run in the order given. --seconds is the steady window of the table phases only;
// --checkpoints the scale phase's (default 1000,5000,20000). --rounds N runs the table phases
// N times, in turn (baseline, off, baseline, off, …), each round's ratios printed, and the
// table and ratios line from every round's samples pooled: one round's p99 is one or two
// calls, which the 2 cores' scheduling moves more than any change to the hub does.
// - postgres: the hub as one process of a cluster on a PostgreSQL of its own (started here,
//   as the tests start theirs), notifications off; its ratios against the same baseline.
// Usage: npm run bench:load [-- --seconds 60 --rounds 1 --phases baseline,off,postgres,slow,hang,scale,baseline-rate,rate]
import type { PgCluster } from '@antre/hub/testing';
import { startPgCluster } from '@antre/hub/testing';
import { parseArgs } from 'node:util';
import { hubProcessBundle } from './load/hub-bundle';
import type { Phase, PhaseResult } from './load/load-table';
import { PHASE_TITLES, poolRounds, printTable, ratiosLine } from './load/load-table';
import { configureGateway, outboxCounts, startGateway } from './load/notify-load';
import { runRate } from './load/rate-phase';
import type { Message } from './load/rig';
import { building, DISPLAYS_PER_ZONE, sleep, startClients, startServer, stopAll } from './load/rig';
import { runScale, SCALE_CHECKPOINTS } from './load/scale-phase';
import type { RateResult, ScaleCheckpoint } from './load/scale-table';
import { printRateTable, printScaleTable, rateLine, scaleLine } from './load/scale-table';

const EXTRA_PHASES = ['scale', 'baseline-rate', 'rate'] as const;
type ExtraPhase = (typeof EXTRA_PHASES)[number];
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    /** The scale phase's checkpoints: tickets issued in the day. */
    checkpoints: { type: 'string', default: SCALE_CHECKPOINTS.join(',') },
    phases: { type: 'string', default: 'baseline,off,slow,hang,scale,baseline-rate,rate' },
    rounds: { type: 'string', default: '1' },
    /** The older switch: both = baseline,off; antre = off. */
    mode: { type: 'string' },
  },
});
const MODE_PHASES: Record<string, string> = {
  both: 'baseline,off',
  antre: 'off',
  baseline: 'baseline',
};
const isPhase = (p: string): p is Phase | ExtraPhase =>
  p in PHASE_TITLES || (EXTRA_PHASES as readonly string[]).includes(p);
const PHASES = (values.mode ? (MODE_PHASES[values.mode] ?? '') : values.phases)
  .split(',')
  .map((p) => p.trim())
  .filter(isPhase);
if (PHASES.length === 0)
  throw new Error(
    '--phases: a comma list of baseline, off, postgres, fast, slow, hang, scale, baseline-rate, rate',
  );
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('--rounds: a whole number, 1 or more');
const CHECKPOINTS = values.checkpoints.split(',').map(Number);
if (CHECKPOINTS.some((n) => !(n > 0)) || CHECKPOINTS.some((n, i) => n <= (CHECKPOINTS[i - 1] ?? 0)))
  throw new Error('--checkpoints: rising ticket counts, e.g. 1000,5000,20000');
const PREFILL = 600;
const CALLS_PER_SECOND = 10;
const ISSUES_PER_SECOND = 5;
const BURST = 200;

// The hub (and the baseline beside it) run from a bundle, as `npm start` runs the hub.
const hubProcess = await hubProcessBundle();

// The postgres phase runs the hub on a PostgreSQL of its own, a fresh database each time.
let pgCluster: PgCluster | null = null;
let pgRuns = 0;
async function postgresUrl(): Promise<string> {
  pgCluster ??= await startPgCluster();
  pgRuns += 1;
  return pgCluster.createDatabase(`load_${pgRuns}`);
}
process.on('exit', () => pgCluster?.stop());

async function run(phase: Phase): Promise<PhaseResult> {
  const baseline = phase === 'baseline';
  const server = await startServer(
    hubProcess,
    baseline,
    phase === 'postgres' ? await postgresUrl() : undefined,
  );
  const { hub, url, dataDir, identities } = server;
  const gateway =
    baseline || phase === 'off' || phase === 'postgres' ? null : await startGateway(phase);
  if (gateway) await configureGateway(url, identities.admin, gateway.url);
  const optIn = gateway !== null;
  const clients = await startClients(server, { optIn });
  const workers = clients.all;
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
  const { kiosks: kioskWorker, counterA, counterB } = clients;
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
  const steadyStats = await server.stats();

  for (let i = 0; i < BURST; i += 1) call(i);
  await sleep(5000);
  const finalStats = await server.stats();
  const commits = finalStats.batches;
  if (commits && steadyStats.batches) {
    const burst = commits.commands - steadyStats.batches.commands;
    const batches = commits.batches - steadyStats.batches.batches;
    console.log(
      `${phase}: group commit, the burst's ${burst} commands in ${batches} batches; ` +
        `all phase ${commits.commands} in ${commits.batches} (largest ${commits.largest})`,
    );
  }
  // The outbox is read from the hub's SQLite file; the postgres phase sends no messages.
  const outbox = baseline || phase === 'postgres' ? null : outboxCounts(dataDir);

  const latencies = (ids: string[]): number[] =>
    ids.flatMap((id) => (seen.get(id) ?? []).map((at) => at - (sentAt.get(id) ?? at)));
  const burstIds = [...sentAt.keys()].filter((id) => !steadyCalls.has(id));
  const burstDelivered = burstIds.reduce((n, id) => n + (seen.get(id)?.length ?? 0), 0);
  await stopAll(server, clients);
  const gatewayRequests = gateway?.requests.length ?? null;
  await gateway?.close();
  return {
    phase,
    steady: latencies([...steadyCalls]),
    burst: latencies(burstIds),
    burstDelivered: `${burstDelivered}/${burstIds.length * DISPLAYS_PER_ZONE}`,
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

const runStart = Date.now();
const rounds: PhaseResult[][] = [];
const scale: ScaleCheckpoint[] = [];
const rates: RateResult[] = [];
const took: string[] = [];
for (let round = 1; round <= ROUNDS; round += 1) {
  const results: PhaseResult[] = [];
  for (const phase of PHASES) {
    if (round > 1 && !(phase in PHASE_TITLES)) continue; // scale and rate run once
    const phaseStart = Date.now();
    if (phase === 'scale') scale.push(...(await runScale(hubProcess, CHECKPOINTS)).checkpoints);
    else if (phase === 'rate' || phase === 'baseline-rate')
      rates.push(await runRate(hubProcess, phase === 'baseline-rate'));
    else results.push(await run(phase));
    took.push(`${phase} ${((Date.now() - phaseStart) / 1000).toFixed(0)} s`);
  }
  rounds.push(results);
  const ratios = ROUNDS > 1 ? ratiosLine(results) : null;
  if (ratios) console.log(`round ${round}: ${ratios}`);
}
const results = (rounds[0] ?? []).map((first, i) => poolRounds(rounds.map((r) => r[i] ?? first)));
if (results.length > 0) {
  console.log(
    `\nLoad: 20 kiosks, 200 counters, 50 displays; ${ROUNDS > 1 ? `${ROUNDS} rounds, each ` : ''}${SECONDS} s at ${CALLS_PER_SECOND} calls/s + ${ISSUES_PER_SECOND} tickets/s, then ${BURST} calls at once.\n`,
  );
  printTable(results);
}
if (scale.length > 0) {
  console.log(
    '\nScale: the hub as its day fills (tickets issued and mostly called); at each checkpoint 120 calls at 20/s and 60 tickets issued.\n',
  );
  printScaleTable(scale);
}
for (const result of rates) {
  console.log(
    `\nRate, ${result.side}: calls paced in the counter workers; a step holds with call→display p99 ≤ 100 ms, no call refused, no delivery missing.\n`,
  );
  printRateTable(result);
}
console.log(
  `\nPhases took: ${took.join(', ')}; in all ${((Date.now() - runStart) / 1000).toFixed(0)} s.`,
);
const ratios = ratiosLine(results);
if (ratios) console.log(`\n${ratios}`);
const scaleSummary = scaleLine(scale);
if (scaleSummary) console.log(scaleSummary);
const rateSummary = rateLine(rates);
if (rateSummary) console.log(rateSummary);
process.exit(0);
