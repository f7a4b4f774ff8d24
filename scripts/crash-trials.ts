// Crash trials: SIGKILL the hub at random moments under load, restart it on the same file,
// and check that nothing acknowledged was lost and that tickets and counters agree. Each
// trial also kills the hub between a self-printing kiosk's issue and its print result, has a
// counter call that ticket after the restart, then sends the late print result.
// Usage: npm run trials:crash [-- --trials 200]
import type { HubClient } from '@antre/client';
import { createHubClient } from '@antre/client';
import { holdDisagreementsInDatabase } from '@antre/hub';
import type { KioskIssueResult, Result } from '@antre/protocol';
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { postJson } from './load/hub-api';

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

function startHub(): Promise<ChildProcess> {
  const child = fork(
    fileURLToPath(new URL('load/hub-process.ts', import.meta.url)),
    ['antre', dataDir, String(port)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    child.on('message', (m: { type: string }) => m.type === 'ready' && resolve(child));
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
}

const post = (path: string, body: object, token?: string) => postJson(url, path, body, token);

const acked = new Map<string, string>(); // ticket id -> label, for every issue the hub acknowledged
let hub = await startHub();
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

let running = true;
async function kioskLoop(client: HubClient): Promise<void> {
  while (running) {
    const issued = await client.command('ticket:issue', {
      serviceId: rand() < 0.5 ? 'instansi-1-layanan-1' : 'instansi-1-layanan-2',
      priority: null,
    });
    const ticket = issued.ok ? issued.value.tickets[0] : undefined;
    if (ticket) {
      acked.set(ticket.id, ticket.label);
      await client.command('ticket:print-result', { ticketId: ticket.id, printed: true });
    } else await sleep(50);
  }
}
async function counterLoop(client: HubClient, counterId: string): Promise<void> {
  while (running) {
    const result = await client.command('counter:call-next', { counterId });
    if (!result.ok) await sleep(100);
  }
}
const loops = [
  ...kiosks.map(kioskLoop),
  ...counters.map((c, i) => counterLoop(c, counterIds[i] as string)),
];

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
};
for (let trial = 1; trial <= TRIALS; trial += 1) {
  await sleep(100 + rand() * 1400);
  const selfPrinted = await issueSelfPrinted(trial);
  hub.kill('SIGKILL');
  await new Promise((r) => hub.once('exit', r));
  const epoch = counters[0]?.state.hubEpoch;
  hub = await startHub();
  const restartedAt = Date.now();
  while (counters[0]?.state.hubEpoch === epoch && Date.now() - restartedAt < 15_000)
    await sleep(20);
  totals.resyncMs.push(Date.now() - restartedAt);
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
running = false;
hub.kill('SIGTERM');
[...kiosks, ...counters, selfPrinting, lateOfficer].forEach((c) => c.close());
await Promise.race([Promise.all(loops), sleep(2_000)]);
const sorted = [...totals.resyncMs].sort((a, b) => a - b);
console.log(
  `\n${totals.trials} trials, ${acked.size} acknowledged issues: lost ${totals.lost}, duplicate numbers ${totals.duplicates}, ` +
    `tickets held by two counters ${totals.doubleHolds}, tickets/counters disagreements ${totals.disagreements}, integrity failures ${totals.integrity}; ` +
    `late print results after a restart ${totals.lateResults} (ticket not callable ${totals.lateNotCalled}, result changed a ticket ${totals.lateChanged}, other counter refused ${totals.otherCounterRefused}); ` +
    `re-sync p50 ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms (limit 10000).`,
);
process.exit(
  totals.lost +
    totals.duplicates +
    totals.doubleHolds +
    totals.disagreements +
    totals.integrity +
    totals.lateNotCalled +
    totals.lateChanged +
    totals.otherCounterRefused >
    0
    ? 1
    : 0,
);
