// Reports over a year of history: generates 365 days × 5,000 tickets into the demo MPP's
// database, then times the report endpoints the admin uses. Usage:
//   npm run bench:reports [-- --days 365 --per-day 5000] [--data-dir DIR]
// With --data-dir, a database generated there before is reused and kept.
import { epochOf } from '@antre/domain';
import { startHub } from '@antre/hub';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { postJson } from './load/hub-api';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    'per-day': { type: 'string', default: '5000' },
    runs: { type: 'string', default: '10' },
    'data-dir': { type: 'string' },
  },
});
const DAYS = Number(values.days);
const PER_DAY = Number(values['per-day']);
const RUNS = Number(values.runs);
const NOW = Date.parse('2026-11-23T05:00:00Z'); // Monday 12:00 WIB
const keep = values['data-dir'] !== undefined;
const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'antre-bench-reports-'));
let seed = 7;
const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const exp = (mean: number) => -Math.log(1 - rand()) * mean;

const boot = () =>
  startHub({
    dataDir,
    port: 0,
    demo: true,
    adminPassword: 'bench-admin-password',
    demoPassword: 'bench-demo-password',
    clock: () => NOW,
    backupIntervalMs: 0,
  });

// 1. An empty demo MPP, to learn its services, counters and officers.
let hub = await boot();
await hub.close();
const db = new Database(hub.dbPath);
const building = {
  services: db.prepare('SELECT id, agency_id AS agencyId, prefix FROM services').all(),
  counters: db
    .prepare('SELECT counter_id AS counterId, service_id AS serviceId FROM counter_services')
    .all(),
} as unknown as {
  services: { id: string; agencyId: string; prefix: string }[];
  counters: { counterId: string; serviceId: string }[];
};
const officersOf = new Map<string, string[]>();
for (const u of db.prepare("SELECT id, agency_id AS a FROM users WHERE role = 'officer'").all() as {
  id: string;
  a: string;
}[]) {
  officersOf.set(u.a, [...(officersOf.get(u.a) ?? []), u.id]);
}

// 2. The history: arrivals 07:30–15:30 local, mostly served, some no-shows and transfers.
const insert = db.prepare(
  `INSERT INTO tickets (id, code, service_day, origin_service_id, service_id, number, label,
     priority, status, channel, issued_at, sort_key, called_at, serving_at, finished_at,
     counter_id, officer_id, recall_count, no_show_at, transferred_from_service_id)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'kiosk', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
);
// A transferred ticket was issued at another service and left it from one of its counters.
const insertTransfer = db.prepare(
  `INSERT INTO ticket_events (type, at, service_day, ticket_id, counter_id, service_id,
     actor_user_id, actor_device_id, data)
   VALUES ('ticket:transferred', ?, ?, ?, ?, ?, NULL, NULL, ?)`,
);
const countersOf = (serviceId: string) =>
  building.counters.filter((c) => c.serviceId === serviceId);
const existing = (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
const generated = Date.now();
for (let d = existing > 0 ? 0 : DAYS; d >= 1; d--) {
  const day = new Date(NOW - d * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  const open = epochOf(day, '07:30', 'WIB');
  const numbers = new Map<string, number>();
  db.transaction(() => {
    for (let i = 0; i < PER_DAY; i++) {
      // Numbered where issued; 3% are then transferred to another service and end there.
      const origin = pick(building.services);
      const service = rand() < 0.03 ? pick(building.services) : origin;
      const number = (numbers.get(origin.id) ?? 0) + 1;
      numbers.set(origin.id, number);
      const issuedAt = open + Math.floor(rand() * rand() * 8 * 3_600_000);
      const roll = rand();
      const status =
        roll < 0.86
          ? 'done'
          : roll < 0.92
            ? 'no_show'
            : roll < 0.94
              ? 'cancelled'
              : roll < 0.99
                ? 'expired'
                : 'void';
      const called = status === 'done' || status === 'no_show';
      const calledAt = called ? issuedAt + Math.floor(exp(18 * 60_000)) : null;
      const servingAt = status === 'done' ? calledAt! + 30_000 : null;
      const finishedAt = servingAt ? servingAt + Math.floor(4 * 60_000 + exp(9 * 60_000)) : null;
      const counter = called ? pick(countersOf(service.id)) : undefined;
      const officer = counter ? pick(officersOf.get(service.agencyId) ?? ['']) : null;
      const id = randomBytes(8).toString('hex');
      insert.run(
        id,
        randomBytes(9).toString('hex'),
        day,
        origin.id,
        service.id,
        number,
        `${origin.prefix}-${String(number).padStart(3, '0')}`,
        rand() < 0.08 ? 'elderly' : null,
        status,
        issuedAt,
        issuedAt,
        calledAt,
        servingAt,
        finishedAt,
        counter?.counterId ?? null,
        officer || null,
        status === 'no_show' ? calledAt! + 180_000 : null,
        origin === service ? null : origin.id,
      );
      if (origin !== service) {
        const at = Math.max(issuedAt, (calledAt ?? issuedAt) - 60_000);
        const data = JSON.stringify({ fromServiceId: origin.id, toServiceId: service.id });
        insertTransfer.run(
          at,
          day,
          id,
          pick(countersOf(origin.id))?.counterId ?? null,
          service.id,
          data,
        );
      }
    }
  })();
}
const count = (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
// A reused database is aggregated again, so the first report's cost is measured each run.
for (const table of ['report_days', 'report_stats', 'report_arrivals']) {
  db.prepare(`DELETE FROM ${table}`).run();
}
db.close();
console.log(
  existing > 0
    ? `Reusing ${count.toLocaleString('en')} tickets in ${dataDir}`
    : `Generated ${count.toLocaleString('en')} tickets over ${DAYS} days in ${((Date.now() - generated) / 1000).toFixed(1)} s`,
);

// 3. The reports, timed through HTTP as the admin app asks for them.
hub = await boot();
const token = (
  await postJson(hub.url, '/api/auth/login', {
    username: 'admin',
    password: 'bench-admin-password',
  })
).token as string;
const from = new Date(NOW - DAYS * 86_400_000).toISOString().slice(0, 10);
const to = '2026-11-23';
async function timed(path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${hub.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return performance.now() - started;
}
const year = `from=${from}&to=${to}`;
const first = await timed(`/api/reports/summary?${year}`);
console.log(`\nFirst year report (aggregates ${DAYS} closed days once): ${first.toFixed(0)} ms`);
const cases = [
  ['year summary, building', `/api/reports/summary?${year}`],
  ['year summary, one agency', `/api/reports/summary?${year}&agencyId=disdukcapil`],
  ['one month summary', `/api/reports/summary?from=2026-10-01&to=2026-10-31`],
  ['year IKM', `/api/reports/ikm?${year}`],
  ['live view', `/api/reports/live`],
  ['year services export, XLSX', `/api/reports/export?${year}&table=services&format=xlsx`],
  ['year heat map export, CSV', `/api/reports/export?${year}&table=heatmap&format=csv`],
] as const;
console.log(`\n| report | p50 ms | max ms | (${RUNS} runs) |\n|---|---|---|---|`);
for (const [name, path] of cases) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timed(path));
  times.sort((a, b) => a - b);
  console.log(
    `| ${name} | ${times[Math.floor(times.length / 2)]!.toFixed(0)} | ${times.at(-1)!.toFixed(0)} | |`,
  );
}
console.log(
  `\nHub RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB (hub and generator in one process)`,
);
await hub.close();
if (!keep) rmSync(dataDir, { recursive: true, force: true });
