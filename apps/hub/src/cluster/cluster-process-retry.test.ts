import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgCluster } from '../testing/pg-cluster';
import { startPgCluster } from '../testing/pg-cluster';
import { ADMIN_PASSWORD, DEMO_PASSWORD, MONDAY_MORNING } from '../testing/test-hub';
import type { ClusterProcessEvent } from './cluster-process';
import { startClusterProcess } from './cluster-process';

// A process serving two buildings, one of whose ports is taken by something else: the other
// building serves meanwhile, and the first is tried again until its port is free.

let cluster: PgCluster;
let url = '';
beforeAll(async () => {
  cluster = await startPgCluster();
  url = await cluster.createDatabase('cluster_retry');
});
afterAll(() => cluster?.stop());

const occupy = async (): Promise<Server> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};

describe('a cluster process whose building cannot start', () => {
  it('when one building’s port is taken, then the other serves and the first starts once it is free', async () => {
    const squatter = await occupy();
    const taken = (squatter.address() as AddressInfo).port;
    const events: ClusterProcessEvent[] = [];
    const served = await startClusterProcess({
      databaseUrl: url,
      buildings: [
        { building: 'mpp-blocked', port: taken },
        { building: 'mpp-free', port: 0 },
      ],
      dataDir: mkdtempSync(join(tmpdir(), 'antre-retry-')),
      adminPassword: ADMIN_PASSWORD,
      demoPassword: DEMO_PASSWORD,
      clock: () => MONDAY_MORNING,
      retryMs: 500,
      report: (event) => events.push(event),
    });
    try {
      expect(events.map((e) => `${e.type} ${e.building}`)).toEqual(
        expect.arrayContaining(['started mpp-free', 'failed mpp-blocked']),
      );
      await served.hubs.get('mpp-free')!.until('active');
      expect(served.hubs.has('mpp-blocked')).toBe(false);

      await new Promise((resolve) => squatter.close(resolve));
      await expect.poll(() => served.hubs.has('mpp-blocked'), { timeout: 15_000 }).toBe(true);
      const blocked = served.hubs.get('mpp-blocked')!;
      await blocked.until('active');
      expect(blocked.port).toBe(taken);
      const health = await fetch(`${blocked.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ cluster: { building: 'mpp-blocked' } });
    } finally {
      await served.close();
      squatter.close();
    }
  }, 60_000);
});
