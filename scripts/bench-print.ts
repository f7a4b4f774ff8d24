// Print benchmark: a kiosk's tap on a service (kiosk:issue over socket.io) to the ticket's
// bytes at a network printer, with the hub alone in its own process on loopback and a fake
// ESC/POS printer (status queries answered like an Epson TM). Usage: npm run bench:print [-- --n 200]
import { createHubClient } from '@antre/client';
import { startFakePrinter } from '@antre/escpos/testing';
import { startHub } from '@antre/hub';
import type { KioskIssueResult, Result } from '@antre/protocol';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ADMIN_PASSWORD = 'bench-admin-password';
const SERVICE = 'disdukcapil-ktp-el';
const TARGET_P50_MS = 150;

if (process.argv[2] === '--hub') await runHub();
else await runBenchmark();

/** The child: a demo hub whose clock is a Monday 09:00 WIB moving with real time. */
async function runHub(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'antre-bench-print-'));
  const base = Date.parse('2026-11-23T02:00:00Z');
  const started = Date.now();
  const hub = await startHub({
    dataDir,
    port: 0,
    demo: true,
    adminPassword: ADMIN_PASSWORD,
    demoPassword: 'bench-demo-password',
    clock: () => base + (Date.now() - started),
    backupIntervalMs: 0,
  });
  process.send?.({ type: 'ready', url: hub.url });
  process.on('message', () => {
    void hub.close().then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function post(url: string, path: string, body: object, token?: string) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function runBenchmark(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { n: { type: 'string', default: '200' }, warmup: { type: 'string', default: '10' } },
  });
  const n = Number(values.n);
  const warmup = Number(values.warmup);
  const child = fork(fileURLToPath(import.meta.url), ['--hub'], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const url = await new Promise<string>((resolve) =>
    child.once('message', (m: { url: string }) => resolve(m.url)),
  );
  const printer = await startFakePrinter();
  const admin = (
    await post(url, '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })
  ).token as string;
  const printerSettings = { kind: 'tcp', host: printer.host, port: printer.port };
  const device = await post(
    url,
    '/api/devices',
    { name: 'Bench kiosk', role: 'kiosk', settings: { printer: printerSettings } },
    admin,
  );
  const kiosk = createHubClient({ url, token: device.token as string });
  await new Promise<void>((resolve) => {
    const stop = kiosk.subscribe(() => {
      if (kiosk.connection === 'online') {
        stop();
        resolve();
      }
    });
  });

  const toBytes: number[] = [];
  const toAck: number[] = [];
  for (let i = 0; i < warmup + n; i += 1) {
    const job = printer.nextJob();
    const started = performance.now();
    const ack: Promise<Result<KioskIssueResult>> = kiosk.socket
      .timeout(10_000)
      .emitWithAck('kiosk:issue', { commandId: `bench-${i}-${Date.now()}`, serviceId: SERVICE });
    await job;
    const printed = performance.now();
    const result = await ack;
    const acked = performance.now();
    if (!result.ok || result.value.outcome !== 'printed')
      throw new Error(`tap ${i} was not printed: ${JSON.stringify(result)}`);
    if (i < warmup) continue;
    toBytes.push(printed - started);
    toAck.push(acked - started);
  }

  const row = (name: string, samples: number[]): string =>
    `${name.padEnd(36)} p50 ${percentile(samples, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(samples, 99).toFixed(1).padStart(6)} ms   max ${Math.max(
      ...samples,
    )
      .toFixed(1)
      .padStart(6)} ms`;
  const p50 = percentile(toBytes, 50);
  console.log(
    [
      '',
      `Print benchmark: ${n} taps (after ${warmup} warm-up), hub on loopback, fake TCP printer`,
      row('tap -> ticket bytes at the printer', toBytes),
      row('tap -> kiosk told "printed"', toAck),
      `Target p50 <= ${TARGET_P50_MS} ms: ${p50 <= TARGET_P50_MS ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  );
  kiosk.close();
  await printer.close();
  child.send({ type: 'stop' });
  await new Promise((resolve) => child.once('exit', resolve));
}
