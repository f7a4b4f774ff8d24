import type { HubClient } from '@antre/client';
import { createHubClient } from '@antre/client';
import { SKM_ELEMENTS } from '@antre/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { readDemoBuilding } from '../building/first-start';
import { ensureLeaseTable, releaseLease, takeLease } from '../cluster/lease';
import type { PgBuilding } from '../db/pg/pg-database';
import { openPgBuilding } from '../db/pg/pg-database';
import type { RunningHub } from '../hub';
import { startHub } from '../hub';
import type { RunningRegion } from '../region/region-server';
import { startRegion } from '../region/region-server';
import type { PgCluster } from './pg-cluster';
import { startPgCluster } from './pg-cluster';
import { ADMIN_PASSWORD, DEMO_PASSWORD, MONDAY_MORNING, until } from './test-hub';

// Two buildings on one PostgreSQL, each served by its own hub with the demo building under a
// name of its own, and the regional overview over both: the fixture of the region's tests.

export const REGION_PASSWORD = 'region-test-password';
export const FRIDAY_MORNING = MONDAY_MORNING - 3 * 86_400_000;
export const KTP = 'disdukcapil-ktp-el';
const answers = (score: number) => Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score]));

export interface FixtureBuilding {
  key: string;
  name: string;
  hub: RunningHub;
  db: PgBuilding;
  epoch: number;
  api: <T = Record<string, unknown>>(
    path: string,
    token?: string,
    body?: unknown,
  ) => Promise<{ status: number; body: T }>;
  login: (username: string) => Promise<string>;
  /** Issues `count` KTP-el tickets; their codes. */
  issue: (count: number) => Promise<string[]>;
  /** At Loket 1: call, start and finish the next visitor, who answers the SKM with `score`. */
  serve: (score: number | null) => Promise<void>;
  /** At Loket 1: call the next visitor, who does not come. */
  noShow: () => Promise<void>;
}

export async function startRegionBuildings(keys: readonly { key: string; name: string }[]) {
  const cluster: PgCluster = await startPgCluster();
  const url = await cluster.createDatabase('region');
  let now = FRIDAY_MORNING;
  const clock = () => now;
  const dirs: string[] = [];
  const clients: HubClient[] = [];

  async function startBuilding(key: string, name: string): Promise<FixtureBuilding> {
    const db = openPgBuilding(url, key, { max: 2 });
    await ensureLeaseTable(db.pool);
    const epoch = await takeLease(db.pool, key, `test ${key}`, 24 * 60 * 60_000);
    if (epoch === null) throw new Error(`No lease for ${key}`);
    const demo = readDemoBuilding();
    const dataDir = mkdtempSync(join(tmpdir(), 'antre-region-'));
    dirs.push(dataDir);
    const hub = await startHub({
      dataDir,
      port: 0,
      postgres: { url, building: key, epoch: () => epoch, holder: `test ${key}` },
      seedBuilding: { ...demo, site: { ...demo.site, name } },
      adminPassword: ADMIN_PASSWORD,
      demoPassword: DEMO_PASSWORD,
      clock,
      checkReplies: true,
    });
    const api = async <T = Record<string, unknown>>(
      path: string,
      token?: string,
      body?: unknown,
    ) => {
      const response = await fetch(`${hub.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    };
    const login = async (username: string) => {
      const password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD;
      const { status, body } = await api('/api/auth/login', undefined, { username, password });
      if (status !== 200) throw new Error(`login ${username}: ${JSON.stringify(body)}`);
      return body.token as string;
    };
    // Sessions last 12 hours: each day of the test signs in again, as the staff would.
    let signedInOn = '';
    /** Today's tickets not yet called, oldest first (a day's waiting ones do not carry over). */
    const issued: string[] = [];
    let admin = '';
    let officer: HubClient | null = null;
    const day = () => new Date(now).toISOString().slice(0, 10);
    const signIn = async () => {
      if (signedInOn === day()) return;
      officer?.close();
      issued.length = 0;
      admin = await login('admin');
      const next = createHubClient({
        url: hub.url,
        token: await login('petugas.disdukcapil'),
        ackTimeoutMs: 5_000,
      });
      clients.push(next);
      await until(() => next.connection !== 'connecting');
      officer = next;
      signedInOn = day();
      const opened = await next.command('counter:open', { counterId: 'loket-1' });
      if (!opened.ok) throw new Error(`${key} counter:open: ${opened.error.message}`);
    };
    const command = async (
      name:
        | 'counter:call-next'
        | 'counter:recall'
        | 'counter:start'
        | 'counter:finish'
        | 'counter:no-show',
    ) => {
      await signIn();
      const ack = await officer!.command(name, { counterId: 'loket-1' });
      if (!ack.ok) throw new Error(`${key} ${name}: ${ack.error.message}`);
    };
    return {
      key,
      name,
      hub,
      db,
      epoch,
      api,
      login,
      async issue(count) {
        const codes: string[] = [];
        await signIn();
        for (let i = 0; i < count; i += 1) {
          const { status, body } = await api('/api/tickets', admin, { serviceId: KTP });
          if (status !== 201) throw new Error(`${key} issue: ${JSON.stringify(body)}`);
          codes.push(body.code as string);
        }
        issued.push(...codes);
        return codes;
      },
      async serve(score) {
        await command('counter:call-next');
        await command('counter:start');
        await command('counter:finish');
        // One service, no priority: the visitors are called in the order they were issued.
        const ticketCode = issued.shift();
        if (score === null) return;
        const answered = await api(`/api/tickets/${ticketCode}/survey`, undefined, {
          answers: answers(score),
        });
        if (answered.status !== 201) throw new Error(`${key} survey: ${JSON.stringify(answered)}`);
      },
      async noShow() {
        await command('counter:call-next');
        await command('counter:recall'); // the demo services ask for one recall first
        await command('counter:no-show');
        issued.shift();
      },
    };
  }

  const buildings: FixtureBuilding[] = [];
  for (const { key, name } of keys) buildings.push(await startBuilding(key, name));
  let region: RunningRegion | null = null;
  const stopped = new Set<string>();

  return {
    url,
    cluster,
    buildings,
    get now() {
      return now;
    },
    /** Moves every hub's clock (and the region's) and runs their housekeeping (day change). */
    async setNow(at: number) {
      now = at;
      for (const b of buildings) await b.hub.runHousekeeping();
    },
    async startRegion(): Promise<RunningRegion> {
      region = await startRegion({
        databaseUrl: url,
        port: 0,
        adminPassword: REGION_PASSWORD,
        clock,
        checkReplies: true,
      });
      return region;
    },
    /** A lease row for a building whose schema is not there (dropped, or on another database). */
    async listWithoutSchema(key: string) {
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      try {
        await pool.query(
          `INSERT INTO antre_cluster.leases (building, epoch, holder, expires_at)
           VALUES ($1, 1, 'gone', now() - interval '2 days')`,
          [key],
        );
      } finally {
        await pool.end();
      }
    },
    /** The building's hub stops and lets its lease go: the region shows nobody serving it. */
    async stopHub(building: FixtureBuilding) {
      stopped.add(building.key);
      await building.hub.close();
      await releaseLease(building.db.pool, building.key, building.epoch);
    },
    async close() {
      for (const c of clients) c.close();
      await region?.close();
      for (const b of buildings) {
        if (!stopped.has(b.key)) await b.hub.close();
        await b.db.close();
      }
      cluster.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type RegionBuildings = Awaited<ReturnType<typeof startRegionBuildings>>;
