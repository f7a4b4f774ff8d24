import { createHubClient } from '@antre/client';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgCluster } from '../testing/pg-cluster';
import { startPgCluster } from '../testing/pg-cluster';
import { ADMIN_PASSWORD, DEMO_PASSWORD, MONDAY_MORNING } from '../testing/test-hub';

// Three hub processes, each started with the same two buildings (`--building
// mpp-a=0,mpp-b=0`), on one real PostgreSQL, as three machines of a cluster would be: the
// buildings spread over them, each building answers on its own port with its own queue, and
// killing one process moves only the building it served. The lease is the default 3 s.

const BUILDINGS = ['mpp-a', 'mpp-b'] as const;
type Building = (typeof BUILDINGS)[number];
const childScript = fileURLToPath(new URL('./testing/cluster-process-child.ts', import.meta.url));

interface Said {
  type: string;
  building: Building;
  url?: string;
  holder?: string;
  role?: string;
  at: number;
}
interface HubProcess {
  name: string;
  child: ChildProcess;
  said: Said[];
  holder: string;
  urls: Record<Building, string>;
}

let cluster: PgCluster;
let url = '';
let db: pg.Pool;
const processes: HubProcess[] = [];
beforeAll(async () => {
  cluster = await startPgCluster();
  url = await cluster.createDatabase('cluster_process');
  db = new pg.Pool({ connectionString: url, max: 2 });
});
afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await db.end();
  cluster.stop();
});

async function startProcess(name: string): Promise<HubProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), `antre-${name}-`));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      childScript,
      url,
      BUILDINGS.map((b) => `${b}=0`).join(','),
      dataDir,
      ADMIN_PASSWORD,
      DEMO_PASSWORD,
      String(MONDAY_MORNING),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const said: Said[] = [];
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines)
      if (line.startsWith('{')) said.push(JSON.parse(line) as Said);
      else if (line.trim()) console.log(`[${name}] ${line}`);
  });
  const hubProcess = { name, child, said, holder: '', urls: {} as Record<Building, string> };
  processes.push(hubProcess);
  await expect
    .poll(() => said.filter((s) => s.type === 'started').length, { timeout: 30_000 })
    .toBe(BUILDINGS.length);
  for (const s of said.filter((s) => s.type === 'started')) {
    hubProcess.urls[s.building] = s.url!;
    hubProcess.holder = s.holder!;
  }
  return hubProcess;
}

/** Who holds each building's live lease, by process name, and at which epoch. */
async function leases(): Promise<Record<Building, { by: string | null; epoch: number }>> {
  const result = await db.query<{ building: Building; holder: string; epoch: number }>(
    `SELECT building, holder, epoch FROM antre_cluster.leases
     WHERE expires_at > now() AND building = ANY($1)`,
    [BUILDINGS],
  );
  const named = (holder: string | undefined) =>
    holder === undefined ? null : (processes.find((p) => p.holder === holder)?.name ?? holder);
  const row = (b: Building) => result.rows.find((r) => r.building === b);
  return {
    'mpp-a': { by: named(row('mpp-a')?.holder), epoch: row('mpp-a')?.epoch ?? 0 },
    'mpp-b': { by: named(row('mpp-b')?.holder), epoch: row('mpp-b')?.epoch ?? 0 },
  };
}

const spread = async (): Promise<boolean> => {
  const now = await leases();
  return (
    now['mpp-a'].by !== null && now['mpp-b'].by !== null && now['mpp-a'].by !== now['mpp-b'].by
  );
};

const health = async (at: string) => {
  const response = await fetch(`${at}/api/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

async function issueTicket(at: string) {
  const login = await fetch(`${at}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // The admin, made at every start that finds none (the demo staff come with the building's
    // first seeding, all or nothing: building/first-start.contract.test.ts).
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`admin sign-in refused on ${at}: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const client = createHubClient({ url: at, token, ackTimeoutMs: 3_000 });
  try {
    const issued = await client.command('ticket:issue', {
      serviceId: 'disdukcapil-ktp-el',
      priority: null,
    });
    if (!issued.ok) throw new Error(`ticket:issue refused: ${JSON.stringify(issued.error)}`);
    return issued.value.tickets[0]!;
  } finally {
    client.close();
  }
}

const ticketCount = async (building: Building): Promise<number> =>
  Number(
    (await db.query(`SELECT count(*) AS n FROM b_${building.replace('-', '_')}.tickets`)).rows[0].n,
  );

const activeUrl = async (building: Building): Promise<string> => {
  const by = (await leases())[building].by;
  const serving = processes.find((p) => p.name === by);
  if (!serving) throw new Error(`nobody holds ${building}`);
  return serving.urls[building];
};

describe('a cluster whose processes each serve two buildings', () => {
  it('spreads the buildings, keeps them apart, and moves only a killed process’s building', async () => {
    const figures: Record<string, unknown> = {};
    const p1 = await startProcess('p1');
    await expect
      .poll(async () => Object.values(await leases()).map((l) => l.by), { timeout: 20_000 })
      .toEqual(['p1', 'p1']);

    // Two more processes come up: p1 holds both leases and hands one over.
    await startProcess('p2');
    await startProcess('p3');
    const spreadFrom = Date.now();
    await expect.poll(spread, { timeout: 30_000, interval: 100 }).toBe(true);
    figures.spreadAfterThirdStartedMs = Date.now() - spreadFrom;
    figures.handOvers = p1.said.filter((s) => s.type === 'handing-over').length;
    const before = await leases();
    figures.before = before;
    // A process that handed a building over listens on its port again as a standby a moment
    // after the lease moved: wait until every port answers before judging the answers.
    const answering = async (): Promise<boolean> => {
      const urls = processes.flatMap((p) => BUILDINGS.map((b) => p.urls[b]));
      const tries = await Promise.allSettled(urls.map((u) => fetch(`${u}/api/health`)));
      return tries.every((t) => t.status === 'fulfilled');
    };
    await expect.poll(answering, { timeout: 10_000, interval: 100 }).toBe(true);

    // Each building: exactly one process answers 200 for it, naming it; the others are its
    // standbys, naming the same building and its active holder.
    for (const building of BUILDINGS) {
      const answers = await Promise.all(processes.map((p) => health(p.urls[building])));
      const active = answers.filter((a) => a.status === 200);
      expect(active).toHaveLength(1);
      expect(active[0]!.body).toMatchObject({ role: 'active', cluster: { building } });
      const holder = processes.find((p) => p.name === before[building].by)!.holder;
      for (const standby of answers.filter((a) => a.status !== 200))
        expect(standby).toMatchObject({
          status: 503,
          body: { role: 'standby', building, active: holder },
        });
    }

    // Each building has its own queue: the first ticket of each is number 1, and each schema
    // holds only its own.
    const a1 = await issueTicket(await activeUrl('mpp-a'));
    const b1 = await issueTicket(await activeUrl('mpp-b'));
    const a2 = await issueTicket(await activeUrl('mpp-a'));
    expect([a1.number, b1.number, a2.number]).toEqual([1, 1, 2]);
    expect([await ticketCount('mpp-a'), await ticketCount('mpp-b')]).toEqual([2, 1]);

    // Kill the process serving mpp-a; mpp-b, served elsewhere, must not notice.
    const victim = processes.find((p) => p.name === before['mpp-a'].by)!;
    const idle = processes.find(
      (p) => p.name !== before['mpp-a'].by && p.name !== before['mpp-b'].by,
    )!;
    const bUrl = await activeUrl('mpp-b');
    const bStatuses: number[] = [];
    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    let moved = await leases();
    while (moved['mpp-a'].by === null || moved['mpp-a'].by === victim.name) {
      bStatuses.push((await health(bUrl)).status);
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (Date.now() - killedAt > 30_000) throw new Error('mpp-a was not taken over in 30 s');
      moved = await leases();
    }
    const taker = processes.find((p) => p.name === moved['mpp-a'].by)!;
    await expect
      .poll(() => taker.said.some((s) => s.building === 'mpp-a' && s.role === 'active'))
      .toBe(true);
    const activeAt = taker.said.find((s) => s.building === 'mpp-a' && s.role === 'active')!.at;
    figures.takeoverMs = activeAt - killedAt;
    figures.takenBy = taker.name === idle.name ? 'the process holding none' : 'a busy process';
    figures.after = moved;
    expect(moved['mpp-b']).toEqual(before['mpp-b']);
    expect(bStatuses.every((status) => status === 200)).toBe(true);

    // mpp-a goes on with its own queue; mpp-b's is untouched.
    const a3 = await issueTicket(taker.urls['mpp-a']);
    expect(a3.number).toBe(3);
    expect([await ticketCount('mpp-a'), await ticketCount('mpp-b')]).toEqual([3, 1]);
    // The two survivors end up with one building each (at once if the idle one took it).
    await expect.poll(spread, { timeout: 30_000, interval: 200 }).toBe(true);
    console.log('multi-building cluster figures:', JSON.stringify(figures));
  }, 180_000);
});
