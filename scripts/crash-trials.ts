// Crash trials: SIGKILL the hub at random moments under load, restart it on the same file,
// and check that nothing acknowledged was lost and that tickets and counters agree. Each
// trial also kills the hub between a self-printing kiosk's issue and its print result, has a
// counter call that ticket after the restart, then sends the late print result. Some visitors
// opt in to messages, sent through a gateway channel to a fake provider on 127.0.0.1: after
// the last trial every message the outbox holds must have reached it once, and every called
// visitor who opted in must have a "called" message.
// Usage: npm run trials:crash [-- --trials 200]
import { createHubClient } from '@antre/client';
import { holdDisagreementsInDatabase } from '@antre/hub';
import { startFakeProvider } from '@antre/hub/testing';
import type { KioskIssueResult, Result } from '@antre/protocol';
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { postJson } from './load/hub-api';
import { hubNodeFlags, hubProcessBundle } from './load/hub-bundle';
import { startTrialLoad } from './load/trial-load';

const { values } = parseArgs({
  options: { trials: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' } },
});
const TRIALS = Number(values.trials);
let seed = Number(values.seed);
const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const dataDir = mkdtempSync(join(tmpdir(), 'antre-crash-'));
const port = 20_000 + Math.floor(Math.random() * 20_000);
const url = `http://127.0.0.1:${port}`;

// The hub runs from a bundle, as `npm start` runs it: a restart compiles nothing.
const hubProcess = await hubProcessBundle();

function startHub(): Promise<ChildProcess> {
  const child = fork(hubProcess, ['antre', dataDir, String(port)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    execArgv: hubNodeFlags,
  });
  return new Promise((resolve, reject) => {
    child.on('message', (m: { type: string }) => m.type === 'ready' && resolve(child));
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
}

const post = (path: string, body: object, token?: string) => postJson(url, path, body, token);

type BatchStats = { batches: number; commands: number; largest: number };
/** The hub's group-commit counts just before it is killed (null if it does not answer soon). */
function batchStatsOf(child: ChildProcess): Promise<BatchStats | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(null), 500);
    const listener = (m: { type: string; batches?: BatchStats | null }): void => {
      if (m.type === 'stats') done(m.batches ?? null);
    };
    const done = (stats: BatchStats | null): void => {
      clearTimeout(timer);
      child.off('message', listener);
      resolve(stats);
    };
    child.on('message', listener);
    child.send({ type: 'stats' });
  });
}
const provider = await startFakeProvider();

const acked = new Map<string, string>(); // ticket id -> label, for every issue the hub acknowledged
let hub = await startHub();
const admin = (
  await post('/api/auth/login', { username: 'admin', password: 'load-admin-password' })
).token as string;
const officer = (
  await post('/api/auth/login', { username: 'spv.instansi-1', password: 'load-demo-password' })
).token as string;
const channel = await post(
  '/api/admin/notify/channels',
  {
    kind: 'http',
    name: 'Gateway',
    enabled: true,
    url: `${provider.url}/send`,
    method: 'POST',
    contentType: 'json',
    headers: [],
    body: '{"target":"{{phone}}","message":"{{text}}"}',
  },
  admin,
);
await fetch(`${url}/api/admin/notify/settings`, {
  method: 'PUT',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
  body: JSON.stringify({ phoneChannelId: channel.id, nearAhead: 2 }),
});
const optedIn = new Set<string>(); // ticket ids whose opt-in the hub acknowledged
let lastOptIn = 0;
/** A visitor opts in now and then (the hub allows an address ten a minute). */
async function maybeOptIn(ticket: { id: string; code: string }): Promise<void> {
  if (Date.now() - lastOptIn < 6_500 || rand() > 0.5) return;
  lastOptIn = Date.now();
  const response = await fetch(`${url}/api/tickets/${ticket.code}/notify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ medium: 'phone', phone: '081234567890', consent: true }),
  }).catch(() => null);
  if (response?.status === 201) optedIn.add(ticket.id);
}
const kioskTokens = await Promise.all(
  [1, 2, 3].map(
    async (n) =>
      (await post('/api/devices', { name: `Kiosk ${n}`, role: 'kiosk' }, admin)).token as string,
  ),
);
const kiosks = kioskTokens.map((token) =>
  createHubClient({ url, token, ackTimeoutMs: 2_000, commandDeadlineMs: 60_000 }),
);
// A self-printing kiosk and two counters of another agency, which the load above never reaches.
const selfPrinting = createHubClient({
  url,
  token: (await post('/api/devices', { name: 'Kiosk mandiri', role: 'kiosk' }, admin))
    .token as string,
  ackTimeoutMs: 2_000,
  commandDeadlineMs: 60_000,
});
const lateOfficer = createHubClient({
  url,
  token: (
    await post('/api/auth/login', { username: 'spv.instansi-2', password: 'load-demo-password' })
  ).token as string,
  ackTimeoutMs: 2_000,
  commandDeadlineMs: 60_000,
});
const [lateCounter, otherCounter] = ['loket-11', 'loket-12'] as const;
const counterIds = Array.from({ length: 10 }, (_, i) => `loket-${i + 1}`);
const counters = counterIds.map(() =>
  createHubClient({ url, token: officer, ackTimeoutMs: 2_000, commandDeadlineMs: 60_000 }),
);
await sleep(500);
await Promise.all([
  ...counters.map((c, i) => c.command('counter:open', { counterId: counterIds[i] as string })),
  lateOfficer.command('counter:open', { counterId: lateCounter }),
  lateOfficer.command('counter:open', { counterId: otherCounter }),
]);

const load = startTrialLoad({
  kiosks,
  counters,
  counterIds,
  rand,
  onIssued: (ticket) => acked.set(ticket.id, ticket.label),
  afterPrinted: maybeOptIn,
});

/** Issued in `printing` for the kiosk to print itself; its print result is not sent yet. */
async function issueSelfPrinted(trial: number): Promise<string | null> {
  const result: Result<KioskIssueResult> = await selfPrinting.socket
    .timeout(5_000)
    .emitWithAck('kiosk:issue', {
      commandId: `self-print-${trial}-${Math.floor(rand() * 1e9)}`,
      serviceId: 'instansi-2-layanan-1',
      priority: null,
      printBy: 'self',
    })
    .catch(() => null);
  if (!result?.ok || result.value.outcome !== 'print_yourself') return null;
  acked.set(result.value.ticket.id, result.value.ticket.label);
  return result.value.ticket.id;
}

/**
 * After the restart: a counter calls the ticket, then the kiosk's print result arrives. It must
 * change nothing, and the agency's other counter must still be able to call.
 */
async function lateResult(ticketId: string): Promise<void> {
  const call = await lateOfficer.command('counter:call', { counterId: lateCounter, ticketId });
  if (!call.ok) {
    totals.lateNotCalled += 1;
    return;
  }
  const late = await selfPrinting.command('ticket:print-result', { ticketId, printed: true });
  if (!late.ok || late.value.tickets.length > 0) totals.lateChanged += 1;
  const other = await lateOfficer.command('counter:call-next', { counterId: otherCounter });
  if (!other.ok && other.error.code !== 'queue_empty') totals.otherCounterRefused += 1;
  await lateOfficer.command('counter:finish', { counterId: lateCounter });
  totals.lateResults += 1;
}

/**
 * Waits (bounded) for the outbox to drain, then compares it with what the provider got: each
 * key once. A called visitor who opted in must have a "called" row.
 */
async function settleMessages() {
  const read = () => {
    const db = new Database(join(dataDir, 'antre.db'), { readonly: true });
    try {
      return {
        rows: db
          .prepare<[], { key: string; status: string; recipient: string }>(
            'SELECT key, status, recipient FROM notify_outbox',
          )
          .all(),
        called: db
          .prepare<[], { id: string; called_at: number }>(
            "SELECT id, called_at FROM tickets WHERE called_at IS NOT NULL AND status <> 'void'",
          )
          .all(),
        subscriptions: db
          .prepare<[], { id: string; ticket_id: string; created_at: number }>(
            'SELECT id, ticket_id, created_at FROM notify_subscriptions',
          )
          .all(),
      };
    } finally {
      db.close();
    }
  };
  const deadline = Date.now() + 60_000;
  let seen = read();
  while (seen.rows.some((r) => r.status === 'pending') && Date.now() < deadline) {
    await sleep(250);
    seen = read();
  }
  const keys = provider.deliveries.map((d) => String(d.headers['idempotency-key']));
  const delivered = new Set(keys);
  const calledRows = new Set(
    seen.rows.filter((r) => r.key.includes(':called:')).map((r) => r.recipient),
  );
  const calledAt = new Map(seen.called.map((t) => [t.id, t.called_at]));
  return {
    expected: seen.rows.length,
    delivered: delivered.size,
    // A near message whose turn came first is skipped by design (said in its row), not lost.
    skipped: seen.rows.filter((r) => r.status === 'skipped').length,
    lost: seen.rows.filter((r) => r.status !== 'skipped' && !delivered.has(r.key)).length,
    twice: keys.length - delivered.size,
    calledMissing: seen.subscriptions.filter(
      (s) =>
        optedIn.has(s.ticket_id) &&
        (calledAt.get(s.ticket_id) ?? 0) > s.created_at &&
        !calledRows.has(`sub:${s.id}`),
    ).length,
  };
}

const totals = {
  trials: 0,
  lost: 0,
  duplicates: 0,
  doubleHolds: 0,
  disagreements: 0,
  integrity: 0,
  lateResults: 0,
  lateNotCalled: 0,
  lateChanged: 0,
  otherCounterRefused: 0,
  resyncMs: [] as number[],
  /** From the kill: the hub's start and the clients' reconnect together. */
  outageMs: [] as number[],
  batches: 0,
  batchedCommands: 0,
  largestBatch: 0,
};
for (let trial = 1; trial <= TRIALS; trial += 1) {
  await sleep(100 + rand() * 1400);
  const selfPrinted = await issueSelfPrinted(trial);
  const batches = await batchStatsOf(hub);
  if (batches) {
    totals.batches += batches.batches;
    totals.batchedCommands += batches.commands;
    totals.largestBatch = Math.max(totals.largestBatch, batches.largest);
  }
  const killedAt = Date.now();
  hub.kill('SIGKILL');
  await new Promise((r) => hub.once('exit', r));
  const epoch = counters[0]?.state.hubEpoch;
  hub = await startHub();
  const restartedAt = Date.now();
  while (counters[0]?.state.hubEpoch === epoch && Date.now() - restartedAt < 15_000)
    await sleep(20);
  totals.resyncMs.push(Date.now() - restartedAt);
  totals.outageMs.push(Date.now() - killedAt);
  if (selfPrinted) await lateResult(selfPrinted);
  const db = new Database(join(dataDir, 'antre.db'), { readonly: true });
  try {
    const ids = new Set(
      db
        .prepare<[], { id: string }>('SELECT id FROM tickets')
        .all()
        .map((r) => r.id),
    );
    totals.lost += [...acked.keys()].filter((id) => !ids.has(id)).length;
    totals.duplicates +=
      db
        .prepare<[], { n: number }>(
          'SELECT COUNT(*) AS n FROM (SELECT 1 FROM tickets GROUP BY origin_service_id, service_day, number HAVING COUNT(*) > 1)',
        )
        .get()?.n ?? 0;
    totals.doubleHolds +=
      db
        .prepare<[], { n: number }>(
          'SELECT COUNT(*) AS n FROM (SELECT 1 FROM counter_states WHERE ticket_id IS NOT NULL GROUP BY ticket_id HAVING COUNT(*) > 1)',
        )
        .get()?.n ?? 0;
    const disagreements = holdDisagreementsInDatabase(db);
    if (disagreements.length > 0) console.error('disagreement', disagreements);
    totals.disagreements += disagreements.length;
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') totals.integrity += 1;
  } finally {
    db.close();
  }
  totals.trials = trial;
  if (trial % 10 === 0 || trial === TRIALS) {
    const worst = Math.max(...totals.resyncMs);
    console.log(
      `trial ${trial}/${TRIALS}: ${acked.size} issues acknowledged, lost ${totals.lost}, duplicate numbers ${totals.duplicates}, double holds ${totals.doubleHolds}, tickets/counters disagreements ${totals.disagreements}, late print results ${totals.lateResults} (changed a ticket ${totals.lateChanged}), integrity failures ${totals.integrity}, slowest re-sync ${worst} ms`,
    );
  }
}
await load.stop();
const messages = await settleMessages();
hub.kill('SIGTERM');
[...kiosks, ...counters, selfPrinting, lateOfficer].forEach((c) => c.close());
/** p50 / p99 / max of a list of durations, in ms. */
const spread = (list: number[]): string => {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (q: number): number | undefined =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${sorted.at(-1)} ms`;
};
console.log(
  `\n${totals.trials} trials, ${acked.size} acknowledged issues: lost ${totals.lost}, duplicate numbers ${totals.duplicates}, ` +
    `tickets held by two counters ${totals.doubleHolds}, tickets/counters disagreements ${totals.disagreements}, integrity failures ${totals.integrity}; ` +
    `late print results after a restart ${totals.lateResults} (ticket not callable ${totals.lateNotCalled}, result changed a ticket ${totals.lateChanged}, other counter refused ${totals.otherCounterRefused}); ` +
    `re-sync after the hub is up ${spread(totals.resyncMs)}; from the kill (start and re-sync) ${spread(totals.outageMs)}.\n` +
    `Group commit: ${totals.batchedCommands} commands in ${totals.batches} batches (mean ${(totals.batchedCommands / Math.max(1, totals.batches)).toFixed(2)}, largest ${totals.largestBatch}), counted up to each kill.\n` +
    `Messages: ${optedIn.size} visitors opted in; ${messages.expected} in the outbox (${messages.calledMissing} called visitors without a message), ` +
    `${messages.delivered} delivered, skipped (the turn came first) ${messages.skipped}, lost ${messages.lost}, delivered twice ${messages.twice}; ` +
    `sent again after a kill and answered once by the idempotency key: ${provider.duplicates}.`,
);
await provider.close();
process.exit(
  totals.lost +
    totals.duplicates +
    totals.doubleHolds +
    totals.disagreements +
    totals.integrity +
    totals.lateNotCalled +
    totals.lateChanged +
    totals.otherCounterRefused +
    messages.lost +
    messages.twice +
    messages.calledMissing >
    0
    ? 1
    : 0,
);
