import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { hostname } from 'node:os';
import type { HubOptions, RunningHub } from '../hub';
import { startHub } from '../hub';
import { migratePgBuilding, openPgBuilding } from '../db/pg/pg-database';
import { PG_MIGRATIONS_DIR } from '../paths';
import { createLeaseKeeper, ensureLeaseTable, LEASE_TTL_MS, readLease } from './lease';
import { handOverRestMs } from './spreading';

/** A name for this process unique in the cluster: its machine, pid and a random tail. */
export const newHolder = (): string =>
  `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

export interface ClusterHubOptions extends Omit<HubOptions, 'postgres'> {
  /** postgres://user@host/db — the cluster's database. */
  databaseUrl: string;
  /** The building this process serves when it holds its lease (its schema is `b_<key>`). */
  building: string;
  /** How long a lease lasts unrenewed (the longest a dead active process keeps the building). */
  leaseTtlMs?: number;
  /**
   * This process as the lease rows name it; a process serving several buildings gives each the
   * same, so its leases count together (cluster/spreading.ts). One of its own by default.
   */
  holder?: string;
}

export type ClusterRole = 'active' | 'standby' | 'starting' | 'stopping';

export interface ClusterHub {
  url: string;
  port: number;
  /** This process, as the lease row names it. */
  holder: string;
  role: () => ClusterRole;
  /** The hub while this process is active. */
  hub: () => RunningHub | null;
  /** Resolves when the role next becomes `role` (tests, trials). */
  until: (role: 'active' | 'standby') => Promise<void>;
  /**
   * While active: stops serving, lets the lease go and leaves it alone for a lease length, so
   * a less loaded process takes the building (cluster/spreading.ts).
   */
  handOver: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * One hub process of a cluster (docs/deploy.md): it keeps trying for its building's lease in
 * PostgreSQL. While another process holds it, this one is a standby: its port answers
 * /api/health with 503 `role: "standby"` (so a load balancer sends nobody here) and refuses
 * everything else, sockets included (so a client with a list of hubs tries the next). When it
 * takes the lease it starts the whole hub on the same port, on the building's schema, with
 * every write fenced by the lease's epoch; when it loses the lease it stops that hub at once
 * and is a standby again.
 */
export async function startClusterHub(options: ClusterHubOptions): Promise<ClusterHub> {
  const holder = options.holder ?? newHolder();
  const host = options.host ?? '127.0.0.1';
  const pg = openPgBuilding(options.databaseUrl, options.building, {
    applicationName: `antre-lease ${options.building}`,
    max: 2,
  });
  try {
    await ensureLeaseTable(pg.pool);
    // Every process migrates at start, one at a time (an advisory lock): a standby that takes
    // over finds the schema as its own build expects it, or refuses to start.
    await migratePgBuilding(pg, PG_MIGRATIONS_DIR);
  } catch (error) {
    // A building that could not start is tried again (cluster-process.ts): no pool left behind.
    await pg.close();
    throw error;
  }

  const ttlMs = options.leaseTtlMs ?? LEASE_TTL_MS;
  let role: ClusterRole = 'standby';
  let hub: RunningHub | null = null;
  let standby: Server | null = null;
  let port = options.port ?? 8080;
  let closed = false;
  const waiters: { role: 'active' | 'standby'; resolve: () => void }[] = [];
  const setRole = (next: ClusterRole): void => {
    role = next;
    for (const w of waiters.splice(0))
      if (w.role === next) w.resolve();
      else waiters.push(w);
  };
  // Becoming active and stopping are done one after another, never overlapping.
  let turn: Promise<void> = Promise.resolve();
  const inTurn = (work: () => Promise<void>): void => {
    turn = turn.then(work).catch((error: unknown) => {
      console.error(`Cluster hub (${options.building}):`, error);
    });
  };

  async function listenStandby(): Promise<void> {
    if (standby) return;
    const server = createServer((request, response) => answerStandby(request, response));
    server.on('upgrade', (_request: IncomingMessage, socket: Duplex) => {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    standby = server;
  }

  async function closeStandby(): Promise<void> {
    const server = standby;
    standby = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  function answerStandby(request: IncomingMessage, response: ServerResponse): void {
    void (async () => {
      const lease = await readLease(pg.pool, options.building).catch(() => null);
      const body =
        request.url?.split('?')[0] === '/api/health'
          ? {
              status: 'standby',
              role: 'standby',
              building: options.building,
              holder,
              active: lease && lease.remainingMs > 0 ? lease.holder : null,
            }
          : {
              ok: false,
              error: {
                code: 'standby',
                message:
                  'Hub ini cadangan untuk gedung ini; hub aktif melayani. / This hub is a standby; the active hub serves this building.',
              },
            };
      response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
      response.end(JSON.stringify(body));
    })();
  }

  const keeper = createLeaseKeeper({
    pool: pg.pool,
    building: options.building,
    holder,
    ttlMs,
    onActive: (epoch) =>
      inTurn(async () => {
        if (closed) return;
        setRole('starting');
        await closeStandby();
        try {
          hub = await startHub({
            ...options,
            port,
            host,
            postgres: {
              url: options.databaseUrl,
              building: options.building,
              epoch: () => epoch,
              holder,
            },
          });
          setRole('active');
        } catch (error) {
          console.error(`Could not serve ${options.building}; giving its lease up:`, error);
          await keeper.resign();
          await listenStandby();
          setRole('standby');
        }
      }),
    onLost: (reason) =>
      inTurn(async () => {
        console.warn(`No longer serving ${options.building}: ${reason}`);
        setRole('stopping');
        const running = hub;
        hub = null;
        await running?.close().catch((error: unknown) => console.error(error));
        if (!closed) {
          await listenStandby();
          setRole('standby');
        }
      }),
  });

  await listenStandby().catch(async (error: unknown) => {
    await pg.close();
    throw error;
  });
  keeper.start();

  return {
    get url() {
      return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    },
    get port() {
      return port;
    },
    holder,
    role: () => role,
    hub: () => hub,
    until: (wanted) =>
      role === wanted
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ role: wanted, resolve })),
    async handOver() {
      inTurn(async () => {
        if (closed || role !== 'active') return;
        setRole('stopping');
        // As a clean stop: the hub saves what it decided while the lease is still held.
        const running = hub;
        hub = null;
        await running?.close().catch((error: unknown) => console.error(error));
        await keeper.resign(handOverRestMs(ttlMs));
        await listenStandby();
        setRole('standby');
      });
      await turn;
    },
    async close() {
      closed = true;
      await turn;
      // The hub saves what it decided while the lease is still held, then lets it go, so a
      // standby takes over at once instead of after the lease runs out.
      const running = hub;
      hub = null;
      await running?.close().catch((error: unknown) => console.error(error));
      await keeper.stop();
      await closeStandby();
      await pg.close();
    },
  };
}
