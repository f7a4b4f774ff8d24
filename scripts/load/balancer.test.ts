import { createHubClient } from '@antre/client';
import type { ClusterHub } from '@antre/hub';
import { startClusterHub } from '@antre/hub';
import type { PgCluster } from '@antre/hub/testing';
import { ADMIN_PASSWORD, DEMO_PASSWORD, MONDAY_MORNING, startPgCluster } from '@antre/hub/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BalancerKind } from './balancer';
import { startBalancer } from './balancer';

// The very files docs/deploy.md hands out (deploy/cluster/haproxy.cfg and nginx.conf), run by
// the real HAProxy and nginx in front of two hub processes of one building on a real
// PostgreSQL: everything reaches the active process, and moves to the standby that takes over.
// CI installs both (.ci/run); elsewhere a missing one is skipped, never in CI.

const installed = (program: string): boolean => {
  try {
    execFileSync(program, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(() => cluster?.stop());

describe.each(['haproxy', 'nginx'] as BalancerKind[])('%s from deploy/cluster', (kind) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it.skipIf(!process.env.CI && !installed(kind))(
    'sends requests and sockets to the active process, then to the standby that took over',
    async () => {
      const url = await cluster.createDatabase(`balancer_${kind}`);
      const start = async (): Promise<ClusterHub> => {
        const hub = await startClusterHub({
          databaseUrl: url,
          building: 'mpp-balanced',
          port: 0,
          dataDir: mkdtempSync(join(tmpdir(), 'antre-balanced-')),
          adminPassword: ADMIN_PASSWORD,
          demoPassword: DEMO_PASSWORD,
          clock: () => MONDAY_MORNING,
          leaseTtlMs: 3_000,
        });
        cleanup.push(() => hub.close().catch(() => undefined));
        return hub;
      };
      const a = await start();
      await a.until('active');
      const b = await start();
      const ports = [a, b].map((hub) => Number(new URL(hub.url).port));
      const balancer = await startBalancer(kind, await freePort(), ports);
      cleanup.push(() => balancer.stop());

      const health = async () => {
        const response = await fetch(`${balancer.url}/api/health`);
        return {
          status: response.status,
          body: (await response.json()) as { cluster?: { holder: string } },
        };
      };
      // HAProxy counts every process up until its first checks; from then on every request,
      // whichever process the balancer tries first, is answered by the active one.
      await expect.poll(async () => (await health()).status, { timeout: 10_000 }).toBe(200);
      for (let i = 0; i < 6; i += 1)
        expect(await health()).toMatchObject({
          status: 200,
          body: { cluster: { holder: a.holder } },
        });

      const login = await fetch(`${balancer.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'spv.disdukcapil', password: DEMO_PASSWORD }),
      });
      expect([login.status, login.status === 200 ? '' : await login.text()]).toEqual([200, '']);
      const { token } = (await login.json()) as { token: string };
      // One URL, the balancer's, as kiosks and counters behind it are given.
      const client = createHubClient({ url: balancer.url, token, ackTimeoutMs: 2_000 });
      cleanup.push(() => client.close());
      const first = await client.command('ticket:issue', {
        serviceId: 'disdukcapil-ktp-el',
        priority: null,
      });
      expect(first.ok).toBe(true);
      const ticket = first.ok ? first.value.tickets[0]! : null;
      const epochOnA = client.state.hubEpoch;

      await a.close();
      await b.until('active');
      await expect
        .poll(async () => (await health()).body.cluster?.holder, { timeout: 15_000 })
        .toBe(b.holder);
      // The socket moved through the balancer to B and re-synced from B's snapshot.
      await expect
        .poll(() => client.connection === 'online' && client.state.hubEpoch !== epochOnA, {
          timeout: 20_000,
        })
        .toBe(true);
      const watched = await client.watchTicket(ticket!.code);
      expect(watched.ok && watched.value.label).toBe(ticket!.label);
      const next = await client.command('ticket:issue', {
        serviceId: 'disdukcapil-ktp-el',
        priority: null,
      });
      expect(next.ok && next.value.tickets[0]!.number).toBe(ticket!.number + 1);
    },
    60_000,
  );
});
