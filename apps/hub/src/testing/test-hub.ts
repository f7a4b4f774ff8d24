import type { HubClient } from '@antre/client';
import { createHubClient } from '@antre/client';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { ensureLeaseTable, takeLease } from '../cluster/lease';
import type { Db } from '../db/database';
import { openDatabase } from '../db/database';
import type { PgBuilding } from '../db/pg/pg-database';
import { openPgBuilding } from '../db/pg/pg-database';
import type { Sql } from '../db/sql';
import { createPgSql, createSqliteSql } from '../db/sql';
import type { HubOptions, RunningHub } from '../hub';
import { startHub } from '../hub';
import { holdDisagreementsInDatabase, holdDisagreementsInPg } from '../queue/hold-check';

// Monday 23 November 2026, 09:00 WIB: the demo building is open.
export const MONDAY_MORNING = Date.parse('2026-11-23T02:00:00Z');
export const ADMIN_PASSWORD = 'admin-test-password';
export const DEMO_PASSWORD = 'demo-test-password';

/**
 * Set by the "hub on PostgreSQL" test project (vitest.config.ts): every test hub then serves
 * its building from a database of its own on the run's PostgreSQL, holding the building's
 * lease, instead of a SQLite file.
 */
export const HUB_ON_POSTGRES = process.env.ANTRE_TEST_DATABASE === 'postgres';

let databases = 0;
/** A fresh database for one test hub, its building's lease taken; null on SQLite. */
async function testDatabase(): Promise<{
  url: string;
  building: PgBuilding;
  epoch: number;
} | null> {
  if (!HUB_ON_POSTGRES) return null;
  const server = inject('antrePgUrl');
  const name = `hub_${process.pid}_${(databases += 1)}_${Date.now() % 1_000_000}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  const building = openPgBuilding(url.toString(), 'test', { max: 2 });
  await ensureLeaseTable(building.pool);
  const epoch = await takeLease(building.pool, 'test', 'test-hub', 24 * 60 * 60_000);
  if (epoch === null) throw new Error('The test hub could not take its lease');
  return { url: url.toString(), building, epoch };
}

/**
 * A real hub on port 0 with a fresh database file and a clock the test moves; `tickMs` makes
 * its housekeeping (day change, expiries) run often enough for a test to see it.
 */
export async function startTestHub(
  dataDir = mkdtempSync(join(tmpdir(), 'antre-hub-')),
  options: Pick<HubOptions, 'tickMs' | 'socketEventLimits' | 'notify' | 'trustProxy'> = {},
) {
  let now = MONDAY_MORNING;
  const clients: HubClient[] = [];
  const database = await testDatabase();
  let hub: RunningHub = await boot();
  let running = true;

  function boot(port = 0): Promise<RunningHub> {
    return startHub({
      dataDir,
      port,
      ...(database
        ? {
            postgres: {
              url: database.url,
              building: 'test',
              epoch: () => database.epoch,
              holder: 'test-hub',
            },
          }
        : {}),
      demo: true,
      adminPassword: ADMIN_PASSWORD,
      demoPassword: DEMO_PASSWORD,
      clock: () => now,
      // Every answer of every hub test is checked against its route's contract.
      checkReplies: true,
      ...options,
    });
  }

  async function api(
    path: string,
    init: {
      method?: string;
      token?: string;
      body?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) {
    const response = await fetch(`${hub.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
      body:
        init.body === undefined
          ? undefined
          : typeof init.body === 'string'
            ? init.body
            : JSON.stringify(init.body),
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & { error?: { code: string } },
    };
  }
  let devicesMade = 0;

  // Every hub test checks for free that no command left tickets and counters disagreeing:
  // on the database, whenever the hub stops (a few milliseconds).
  async function verifyHolds(): Promise<void> {
    if (!database) return checkHolds();
    const found = await holdDisagreementsInPg(database.building.pool);
    if (found.length > 0)
      throw new Error(`Tickets and counters disagree in the database: ${JSON.stringify(found)}`);
  }
  function checkHolds(): void {
    if (database)
      throw new Error('checkHolds reads the SQLite file; on PostgreSQL see verifyHolds');
    const db = new Database(join(dataDir, 'antre.db'), { readonly: true, fileMustExist: true });
    try {
      const found = holdDisagreementsInDatabase(db);
      if (found.length > 0)
        throw new Error(`Tickets and counters disagree in the database: ${JSON.stringify(found)}`);
    } finally {
      db.close();
    }
  }

  // What the hub saved, on a connection of the test's own (so also while the hub is stopped):
  // the SQLite file, opened as the hub opens it, or the building's schema, writing as the
  // lease holder (fenced, as the hub's writes are).
  let sqliteFile: Db | null = null;
  let saved: Sql | null = database ? createPgSql(database.building, () => database.epoch) : null;
  function sql(): Sql {
    if (saved) return saved;
    sqliteFile = openDatabase(join(dataDir, 'antre.db'));
    return (saved = createSqliteSql(sqliteFile));
  }

  async function stop(): Promise<void> {
    if (!running) return;
    running = false;
    await hub.close();
    await verifyHolds();
  }

  return {
    get url() {
      return hub.url;
    },
    dataDir,
    api,
    advance: (ms: number) => {
      now += ms;
    },
    setNow: (at: number) => {
      now = at;
    },
    /** Runs the hub's tick now: moving the clock alone changes no day (reads never write). */
    runHousekeeping: () => hub.runHousekeeping(),
    async login(
      username: string,
      password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD,
    ): Promise<string> {
      const { status, body } = await api('/api/auth/login', { body: { username, password } });
      if (status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(body)}`);
      return body.token as string;
    },
    async device(
      role: 'kiosk' | 'display' | 'integration',
      zoneIds: string[] = [],
      agencyIds: string[] = [],
    ): Promise<string> {
      const token = await this.login('admin');
      // Names are unique among devices in use: each device made here gets its own.
      devicesMade += 1;
      const { body } = await api('/api/devices', {
        token,
        body: { name: `${role} test ${devicesMade}`, role, zoneIds, agencyIds },
      });
      if (typeof body.token !== 'string') throw new Error(`No device: ${JSON.stringify(body)}`);
      return body.token;
    },
    /** A connected client, closed with the hub. */
    async client(token?: string): Promise<HubClient> {
      const client = createHubClient({
        url: hub.url,
        ...(token ? { token } : {}),
        ackTimeoutMs: 2_000,
      });
      clients.push(client);
      await until(() => client.connection !== 'connecting');
      return client;
    },
    /** Throws if the database's tickets and counters disagree now (SQLite). */
    checkHolds,
    /** The same on either engine. */
    verifyHolds,
    /** Whether this hub serves its building from PostgreSQL (the PostgreSQL test project). */
    onPostgres: database !== null,
    /**
     * The hub's data read, or edited where a test must, in SQL both engines take (db/sql.ts):
     * `?` placeholders, integers for flags, epoch milliseconds for times.
     */
    get sql(): Sql {
      return sql();
    },
    async restart(): Promise<void> {
      const { port } = hub;
      await stop();
      hub = await boot(port); // same address, so clients reconnect by themselves
      running = true;
    },
    /** Starts the hub again on the data `stopKeepingData` kept, on a new port. */
    async start(): Promise<void> {
      if (running) throw new Error('The test hub is running already');
      hub = await boot();
      running = true;
    },
    /** Takes an online backup now and returns its path. */
    async backupNow(): Promise<string> {
      if (!hub.backups) throw new Error('Only a hub on SQLite takes online backups');
      return (await hub.backups.backupNow('manual')).path;
    },
    /** Stops the hub but keeps its folder; returns the backups it left. */
    async stopKeepingData() {
      for (const c of clients) c.close();
      await stop();
      return hub.backups?.list() ?? [];
    },
    async close(): Promise<void> {
      for (const c of clients) c.close();
      try {
        await stop();
      } finally {
        sqliteFile?.close();
        await database?.building.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export type TestHub = Awaited<ReturnType<typeof startTestHub>>;

/** Waits for a condition the hub brings about asynchronously (bounded, never a timing assert). */
export async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
