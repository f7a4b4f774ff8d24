import { createHubClient } from '@antre/client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgCluster } from '../testing/pg-cluster';
import { startPgCluster } from '../testing/pg-cluster';
import { ADMIN_PASSWORD, DEMO_PASSWORD, MONDAY_MORNING } from '../testing/test-hub';
import type { ClusterHub } from './cluster-hub';
import { startClusterHub } from './cluster-hub';

// Two hub processes of one building on a real PostgreSQL (cluster/cluster-hub.ts): one
// active, one standby; the standby takes over when the active one stops or is fenced, and a
// client with both URLs follows. Both run in this test's process, each with its own lease
// holder, pool and port, as two machines would.

let cluster: PgCluster;
let url = '';
let db: pg.Pool;
const hubs: ClusterHub[] = [];
beforeAll(async () => {
  cluster = await startPgCluster();
  url = await cluster.createDatabase('cluster_hub');
  db = new pg.Pool({ connectionString: url, max: 2 });
});
afterAll(async () => {
  for (const hub of hubs) await hub.close().catch(() => undefined);
  await db.end();
  cluster.stop();
});

const start = async (building: string): Promise<ClusterHub> => {
  const hub = await startClusterHub({
    databaseUrl: url,
    building,
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'antre-cluster-')),
    adminPassword: ADMIN_PASSWORD,
    demoPassword: DEMO_PASSWORD,
    clock: () => MONDAY_MORNING,
    leaseTtlMs: 1_500,
    checkReplies: true,
  });
  hubs.push(hub);
  return hub;
};

const health = async (hub: ClusterHub) => {
  const response = await fetch(`${hub.url}/api/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const login = async (hub: ClusterHub, username: string, password: string): Promise<string> => {
  const response = await fetch(`${hub.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await response.json()) as { token: string }).token;
};

describe('a building served by two hub processes on PostgreSQL', () => {
  it('one is active, the other a standby; the standby takes over and clients follow', async () => {
    const a = await start('mpp-test');
    await a.until('active');
    const b = await start('mpp-test');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(b.role()).toBe('standby');

    const active = await health(a);
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({
      status: 'ok',
      role: 'active',
      cluster: { building: 'mpp-test', holder: a.holder, epoch: 1 },
      database: { engine: 'postgres', state: 'ok' },
    });
    const standby = await health(b);
    expect(standby.status).toBe(503);
    expect(standby.body).toMatchObject({ role: 'standby', active: a.holder });
    // The standby refuses the API and sockets too: nobody is served from it by mistake.
    expect((await fetch(`${b.url}/api/services`)).status).toBe(503);

    // The demo building was seeded on PostgreSQL on the first start; an officer works on it
    // through a client that knows both hubs, the standby's URL first.
    const token = await login(a, 'spv.disdukcapil', DEMO_PASSWORD);
    const client = createHubClient({ url: [b.url, a.url], token, ackTimeoutMs: 2_000 });
    try {
      const issued = await client.command('ticket:issue', {
        serviceId: 'disdukcapil-ktp-el',
        priority: null,
      });
      expect(issued.ok).toBe(true);
      expect(client.url).toBe(a.url);
      const ticket = issued.ok ? issued.value.tickets[0]! : null;

      // The active one stops (an upgrade): it lets the lease go and the standby takes it.
      const stoppedAt = Date.now();
      await a.close();
      await b.until('active');
      expect(Date.now() - stoppedAt).toBeLessThan(5_000);
      expect((await health(b)).body).toMatchObject({ role: 'active', cluster: { epoch: 2 } });

      // The client is on B now, with the same queue: the ticket issued on A is there.
      await new Promise<void>((resolve) => {
        const check = (): void => {
          if (client.connection === 'online' && client.url === b.url) resolve();
          else setTimeout(check, 50);
        };
        check();
      });
      const watched = await client.watchTicket(ticket!.code);
      expect(watched.ok && watched.value.label).toBe(ticket!.label);
      const again = await client.command('ticket:issue', {
        serviceId: 'disdukcapil-ktp-el',
        priority: null,
      });
      expect(again.ok && again.value.tickets[0]!.number).toBe(ticket!.number + 1);
    } finally {
      client.close();
    }
  }, 60_000);

  it('a process whose lease is taken over writes nothing more and becomes a standby', async () => {
    const a = await start('mpp-fenced');
    await a.until('active');
    const token = await login(a, 'spv.disdukcapil', DEMO_PASSWORD);
    const client = createHubClient({
      url: a.url,
      token,
      ackTimeoutMs: 2_000,
      commandDeadlineMs: 3_000,
    });
    try {
      expect(
        (await client.command('ticket:issue', { serviceId: 'disdukcapil-ktp-el', priority: null }))
          .ok,
      ).toBe(true);
      const before = Number(
        (await db.query('SELECT COUNT(*) AS n FROM b_mpp_fenced.tickets')).rows[0].n,
      );
      // Another process takes the lease behind A's back (as after A was paused).
      await db.query(
        "UPDATE antre_cluster.leases SET epoch = epoch + 1, holder = 'elsewhere', expires_at = now() + interval '1 hour' WHERE building = 'mpp-fenced'",
      );
      const refused = await client.command('ticket:issue', {
        serviceId: 'disdukcapil-ktp-el',
        priority: null,
      });
      expect(refused.ok).toBe(false);
      await a.until('standby');
      expect(
        Number((await db.query('SELECT COUNT(*) AS n FROM b_mpp_fenced.tickets')).rows[0].n),
      ).toBe(before);
      expect((await health(a)).status).toBe(503);
    } finally {
      client.close();
    }
  }, 60_000);
});
