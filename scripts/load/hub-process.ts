// A hub (or the baseline) alone in its own process, so its memory and event loop are its own.
import { startClusterHub, startHub } from '@antre/hub';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
// @ts-expect-error: a plain .mjs script without types
import { HUB_NODE_FLAGS } from '../hub-node-flags.mjs';
import { startBaseline } from './baseline-server';
import { loadBuilding } from './load-building';

// argv: <antre|baseline> [data dir to reuse] [port]
//   or: cluster <data dir> <port> <postgres url> <building> (one process of a cluster)
const mode =
  process.argv[2] === 'baseline' ? 'baseline' : process.argv[2] === 'cluster' ? 'cluster' : 'antre';
const dataDir = process.argv[3] ?? mkdtempSync(join(tmpdir(), `antre-load-${mode}-`));
const port = Number(process.argv[4] ?? 0);
// Measured as `npm start` runs the hub: plain Node with the hub's flags. fork() passes the
// parent's flags unless told otherwise, e.g. tsx's loader (~35 MB more RSS).
const expected = mode === 'baseline' ? [] : (HUB_NODE_FLAGS as string[]);
if (process.execArgv.join(' ') !== expected.join(' '))
  console.error(
    `hub process (${mode}): started with Node flags [${process.execArgv.join(' ')}], ` +
      `not [${expected.join(' ')}]: its memory and timings are not those of npm start`,
  );
const lag = monitorEventLoopDelay({ resolution: 10 });
// A Monday 09:00 WIB that moves with real time, so every service is open whenever this runs.
const base = Date.parse('2026-11-23T02:00:00Z');
const started = Date.now();

const hubOptions = {
  dataDir,
  port,
  seedBuilding: loadBuilding(20, 10, 5),
  adminPassword: 'load-admin-password',
  demoPassword: 'load-demo-password',
  clock: () => base + (Date.now() - started),
  backupIntervalMs: 0,
};
const server: { url: string; close: () => Promise<void>; batchStats?: () => object } =
  mode === 'baseline'
    ? await startBaseline(dataDir)
    : mode === 'cluster'
      ? await startCluster()
      : await startHub(hubOptions);

/** A cluster's process: a standby until it takes the lease; tells the tool each change of role. */
async function startCluster() {
  const cluster = await startClusterHub({
    ...hubOptions,
    databaseUrl: process.argv[5] ?? '',
    building: process.argv[6] ?? '',
  });
  void (async () => {
    for (;;) {
      const next = cluster.role() === 'active' ? 'standby' : 'active';
      process.send?.({ type: 'role', role: cluster.role() });
      await cluster.until(next);
    }
  })();
  return {
    url: cluster.url,
    close: cluster.close,
    batchStats: () => cluster.hub()?.batchStats() ?? { batches: 0, commands: 0, largest: 0 },
  };
}
lag.enable();
process.send?.({ type: 'ready', url: server.url, dataDir });
process.on('message', (message: { type: string }) => {
  if (message.type === 'reset-lag') lag.reset();
  if (message.type === 'stats') {
    const memory = process.memoryUsage();
    process.send?.({
      type: 'stats',
      rss: memory.rss,
      // Where the RSS goes: V8's heap (used of reserved), and memory outside it (Buffers).
      heapUsed: memory.heapUsed,
      heapTotal: memory.heapTotal,
      external: memory.external,
      arrayBuffers: memory.arrayBuffers,
      lagP50: lag.percentile(50) / 1e6,
      lagP99: lag.percentile(99) / 1e6,
      lagMax: lag.max / 1e6,
      // The baseline commits each command alone: it has no batches to count.
      batches: server.batchStats?.() ?? null,
    });
  }
  if (message.type === 'stop') void server.close().then(() => process.exit(0));
});
