import { join } from 'node:path';
import { openPgBuilding } from '../db/pg/pg-database';
import type { BuildingPort } from './building-option';
import type { ClusterHub, ClusterHubOptions } from './cluster-hub';
import { newHolder, startClusterHub } from './cluster-hub';
import { LEASE_TTL_MS } from './lease';
import type { BuildingLoad } from './spreading';
import { pickHandOver, readLoads } from './spreading';

export interface ClusterProcessOptions extends Omit<ClusterHubOptions, 'building' | 'port'> {
  /** The buildings this process serves, each its own cluster hub on its own port. */
  buildings: readonly BuildingPort[];
  /** How long until a building whose hub could not start is tried again. */
  retryMs?: number;
  /** What happens to each building, for the console: main.ts prints it. */
  report?: (event: ClusterProcessEvent) => void;
}

export type ClusterProcessEvent =
  | { type: 'started'; building: string; hub: ClusterHub }
  | { type: 'failed'; building: string; error: unknown; retryInMs: number }
  | { type: 'handing-over'; building: string; load: BuildingLoad };

export interface ClusterProcess {
  /** This process, as its lease rows name it (the same for each of its buildings). */
  holder: string;
  /** The buildings' hubs started so far (a building that could not start is tried again). */
  hubs: ReadonlyMap<string, ClusterHub>;
  close: () => Promise<void>;
}

/**
 * One process of a cluster serving one or more buildings (docs/deploy.md): each building is a
 * cluster hub of its own — its own lease, port and data folder (`<dataDir>/<key>`) — so each
 * fails over alone. A building whose hub cannot start (its port taken, its schema newer than
 * this build) is reported and tried again, the others serve meanwhile; only when none can
 * start does this throw. With several buildings, the process hands one over now and then to a
 * less loaded process (cluster/spreading.ts), so processes started one after another share
 * the buildings.
 */
export async function startClusterProcess(options: ClusterProcessOptions): Promise<ClusterProcess> {
  const { buildings, retryMs = 10_000, report = () => undefined, ...common } = options;
  const holder = options.holder ?? newHolder();
  const ttlMs = options.leaseTtlMs ?? LEASE_TTL_MS;
  const hubs = new Map<string, ClusterHub>();
  const timers = new Set<NodeJS.Timeout>();
  const starting = new Set<Promise<unknown>>();
  let closed = false;

  const startOne = async ({ building, port }: BuildingPort): Promise<void> => {
    const hub = await startClusterHub({
      ...common,
      building,
      port,
      dataDir: join(options.dataDir, building),
      holder,
    });
    if (closed) return hub.close();
    hubs.set(building, hub);
    report({ type: 'started', building, hub });
  };
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    starting.add(work);
    return work.finally(() => starting.delete(work));
  };
  const retryLater = (entry: BuildingPort, error: unknown): void => {
    report({ type: 'failed', building: entry.building, error, retryInMs: retryMs });
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed)
        void tracked(startOne(entry)).catch((again: unknown) => retryLater(entry, again));
    }, retryMs);
    timers.add(timer);
  };

  const first = await Promise.allSettled(buildings.map((entry) => tracked(startOne(entry))));
  const failures = first.flatMap((result) => (result.status === 'rejected' ? [result] : []));
  if (failures.length === buildings.length) throw failures[0]!.reason;
  first.forEach((result, i) => {
    if (result.status === 'rejected') retryLater(buildings[i]!, result.reason);
  });

  // Any building's pool reaches the cluster's tables; one connection is plenty for a look
  // every lease length. A process with one building never has another to hand over.
  const spread =
    buildings.length > 1
      ? openPgBuilding(options.databaseUrl, buildings[0]!.building, {
          applicationName: `antre-spread ${holder}`,
          max: 1,
        })
      : null;
  const order = buildings.map((entry) => entry.building);
  let looking: Promise<void> | null = null;
  const look = async (): Promise<void> => {
    if (!spread) return;
    const load = pickHandOver(await readLoads(spread.pool, holder, [...hubs.keys()]), order);
    const hub = load && hubs.get(load.building);
    if (!load || hub?.role() !== 'active') return;
    report({ type: 'handing-over', building: load.building, load });
    await hub.handOver();
  };
  const lookLater = (): void => {
    if (closed || !spread) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      looking = look()
        .catch(() => undefined) // PostgreSQL did not answer: look again next time.
        .finally(() => {
          looking = null;
          lookLater();
        });
    }, ttlMs);
    timers.add(timer);
  };
  lookLater();

  return {
    holder,
    hubs,
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      await looking;
      await Promise.allSettled(starting);
      // Each hub saves what it decided and releases its lease: standbys take over at once.
      await Promise.all([...hubs.values()].map((hub) => hub.close()));
      await spread?.close();
    },
  };
}
