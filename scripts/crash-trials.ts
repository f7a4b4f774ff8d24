// Crash trials: SIGKILL the hub at random moments under load, restart it on the same file,
// and check that nothing acknowledged was lost. Usage: npm run trials:crash [-- --trials 200]
import type { HubClient } from '@antre/client';
import { createHubClient } from '@antre/client';
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
const counterIds = Array.from({ length: 10 }, (_, i) => `loket-${i + 1}`);
const counters = counterIds.map(() =>
  createHubClient({ url, token: officer, ackTimeoutMs: 2_000, commandDeadlineMs: 60_000 }),
);
await sleep(500);
await Promise.all(
  counters.map((c, i) => c.command('counter:open', { counterId: counterIds[i] as string })),
);

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

const totals = {
  trials: 0,
  lost: 0,
  duplicates: 0,
  doubleHolds: 0,
  badHolds: 0,
  integrity: 0,
  resyncMs: [] as number[],
};
for (let trial = 1; trial <= TRIALS; trial += 1) {
  await sleep(100 + rand() * 1400);
  hub.kill('SIGKILL');
  await new Promise((r) => hub.once('exit', r));
  const epoch = counters[0]?.state.hubEpoch;
  hub = await startHub();
  const restartedAt = Date.now();
  while (counters[0]?.state.hubEpoch === epoch && Date.now() - restartedAt < 15_000)
    await sleep(20);
  totals.resyncMs.push(Date.now() - restartedAt);
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
    totals.badHolds +=
      db
        .prepare<[], { n: number }>(
          `SELECT COUNT(*) AS n FROM counter_states c LEFT JOIN tickets t ON t.id = c.ticket_id
           WHERE c.ticket_id IS NOT NULL AND (t.id IS NULL OR t.status NOT IN ('called', 'serving') OR t.counter_id != c.counter_id)`,
        )
        .get()?.n ?? 0;
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') totals.integrity += 1;
  } finally {
    db.close();
  }
  totals.trials = trial;
  if (trial % 10 === 0 || trial === TRIALS) {
    const worst = Math.max(...totals.resyncMs);
    console.log(
      `trial ${trial}/${TRIALS}: ${acked.size} issues acknowledged, lost ${totals.lost}, duplicate numbers ${totals.duplicates}, double holds ${totals.doubleHolds}, stale holds ${totals.badHolds}, integrity failures ${totals.integrity}, slowest re-sync ${worst} ms`,
    );
  }
}
running = false;
hub.kill('SIGTERM');
[...kiosks, ...counters].forEach((c) => c.close());
await Promise.race([Promise.all(loops), sleep(2_000)]);
const sorted = [...totals.resyncMs].sort((a, b) => a - b);
console.log(
  `\n${totals.trials} trials, ${acked.size} acknowledged issues: lost ${totals.lost}, duplicate numbers ${totals.duplicates}, ` +
    `tickets held by two counters ${totals.doubleHolds}, stale holds ${totals.badHolds}, integrity failures ${totals.integrity}; ` +
    `re-sync p50 ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms (limit 10000).`,
);
process.exit(
  totals.lost + totals.duplicates + totals.doubleHolds + totals.badHolds + totals.integrity > 0
    ? 1
    : 0,
);
