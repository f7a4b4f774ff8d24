// The scale and rate phases' tables and their machine-readable lines (bench-load.ts prints
// them). Pure: every figure comes in, text goes out.
import { percentile } from './load-table';

/** One measuring window of the scale phase, taken once the day holds `target` tickets. */
export interface ScaleCheckpoint {
  /** The checkpoint: 1,000, 5,000 or 20,000 tickets issued in the day. */
  target: number;
  /** Tickets issued in the day when the window began (the fill may pass the target a little). */
  tickets: number;
  /** Tickets waiting when the window began. */
  waiting: number;
  /** call-next: command sent → its answer (ms). */
  ack: number[];
  /** call-next sent → seen on a display (ms), one per display that showed it. */
  display: number[];
  /** Issue acks of the tickets issued alongside (ms). */
  issue: number[];
  failedCalls: number;
  /** The refused calls by error code. */
  errors: Record<string, number>;
  rssMb: number;
  /** How long filling the day from the previous checkpoint to this one took (s). */
  fillSeconds: number;
}

const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '—');
const p50p99 = (values: number[]): string =>
  `${fmt(percentile(values, 50))} / ${fmt(percentile(values, 99))}`;
const thousands = (n: number): string => `${n / 1000}k`;

export function printScaleTable(checkpoints: ScaleCheckpoint[]): void {
  console.log('| figure | ' + checkpoints.map((c) => `${c.tickets} tickets`).join(' | ') + ' |');
  console.log('|---|' + checkpoints.map(() => '---').join('|') + '|');
  const row = (name: string, pick: (c: ScaleCheckpoint) => string): void =>
    console.log(`| ${name} | ${checkpoints.map(pick).join(' | ')} |`);
  row('call-next ack p50 / p99 (ms)', (c) => p50p99(c.ack));
  row('call→display p50 / p99 (ms)', (c) => p50p99(c.display));
  row('issue ack p50 / p99 (ms)', (c) => p50p99(c.issue));
  row(
    'calls answered / refused',
    (c) =>
      `${c.ack.length} / ${c.failedCalls}${c.failedCalls ? ` ${JSON.stringify(c.errors)}` : ''}`,
  );
  row('waiting when measured', (c) => String(c.waiting));
  row('hub RSS (MB)', (c) => fmt(c.rssMb));
  row('fill from the previous checkpoint (s)', (c) => fmt(c.fillSeconds));
}

/**
 * `scale: p50_1k=… p50_5k=… p50_20k=… growth=X.XX`: the call-next ack p50 at each
 * checkpoint, and the last one's ÷ the first one's. Null without two checkpoints.
 */
export function scaleLine(checkpoints: ScaleCheckpoint[]): string | null {
  const first = checkpoints[0];
  const last = checkpoints.at(-1);
  if (!first || !last || first === last) return null;
  const p50 = (c: ScaleCheckpoint): number => percentile(c.ack, 50);
  const figures = checkpoints.map((c) => `p50_${thousands(c.target)}=${fmt(p50(c))}`);
  const growth = p50(last) / p50(first);
  return `scale: ${figures.join(' ')} growth=${Number.isFinite(growth) ? growth.toFixed(2) : '—'}`;
}

/** The most calls/s whose call→display p99 may reach. */
export const RATE_P99_LIMIT_MS = 100;
/** A step whose workers sent slower than this share of the asked rate did not test it. */
export const RATE_SENT_SHARE = 0.9;

/** One step of the rate ramp: calls paced at `rate` a second for a few seconds. */
export interface RateStep {
  rate: number;
  /** 1, or 2 for a rate tried again after it did not hold. */
  attempt: number;
  /** Calls sent, and over how long (first to last send, ms). */
  sent: number;
  spanMs: number;
  failed: number;
  /** Refusals by error code. */
  errors: Record<string, number>;
  /** Deliveries seen on displays, and expected (each answered call × displays in its zone). */
  delivered: number;
  expected: number;
  /** Call sent → seen on a display (ms), one per delivery. */
  latencies: number[];
  /** The hub's event-loop lag p99 over the step (ms). */
  lagP99: number;
}

export interface RateResult {
  side: 'baseline' | 'hub';
  steps: RateStep[];
}

/** Calls per second actually sent: the first call goes at once, the last (sent − 1)/rate later. */
export const sentRate = (step: RateStep): number =>
  step.sent <= 1 || step.spanMs <= 0 ? step.sent : ((step.sent - 1) * 1000) / step.spanMs;

/** Why a step did not hold, or null if it did. */
export function stepShortfall(step: RateStep): string | null {
  if (step.failed > 0) return `${step.failed} calls refused`;
  if (step.delivered < step.expected) return `${step.expected - step.delivered} deliveries missing`;
  if (sentRate(step) < RATE_SENT_SHARE * step.rate) return 'the workers could not send that fast';
  const p99 = percentile(step.latencies, 99);
  if (!(p99 <= RATE_P99_LIMIT_MS)) return `p99 ${fmt(p99)} ms > ${RATE_P99_LIMIT_MS} ms`;
  return null;
}

/**
 * The highest rate held, taking the ramp's rates in order and stopping at the first that
 * no attempt held; 0 if none held.
 */
export function heldRate(result: RateResult): number {
  let held = 0;
  for (const rate of [...new Set(result.steps.map((s) => s.rate))]) {
    if (!result.steps.some((s) => s.rate === rate && stepShortfall(s) === null)) break;
    held = rate;
  }
  return held;
}

export function printRateTable(result: RateResult): void {
  console.log(
    '| calls/s asked | sent/s | call→display p50 / p99 / max (ms) | seen / expected | refused | hub lag p99 (ms) | held |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const step of result.steps) {
    const spread = [50, 99, 100].map((p) => fmt(percentile(step.latencies, p))).join(' / ');
    const refused = step.failed === 0 ? '0' : `${step.failed} ${JSON.stringify(step.errors)}`;
    console.log(
      `| ${step.rate}${step.attempt > 1 ? ` (again)` : ''} | ${sentRate(step).toFixed(0)} | ${spread} | ${step.delivered}/${step.expected} | ${refused} | ${fmt(step.lagP99)} | ${stepShortfall(step) ?? 'yes'} |`,
    );
  }
}

/** `rate: baseline=N hub=N ratio=X.XX` (hub ÷ baseline); null without both sides. */
export function rateLine(results: RateResult[]): string | null {
  const baseline = results.find((r) => r.side === 'baseline');
  const hub = results.find((r) => r.side === 'hub');
  if (!baseline || !hub) return null;
  const [b, h] = [heldRate(baseline), heldRate(hub)];
  return `rate: baseline=${b} hub=${h} ratio=${b > 0 ? (h / b).toFixed(2) : '—'}`;
}
