// The benchmark's table: one column per phase, ratios against the baseline and against the
// hub with notifications off, both measured in the same run.
import type { OutboxCounts } from './notify-load';

export type Phase = 'baseline' | 'off' | 'postgres' | 'fast' | 'slow' | 'hang';

export const PHASE_TITLES: Record<Phase, string> = {
  baseline: 'baseline',
  off: 'antre, notifications off',
  postgres: 'antre on PostgreSQL, notifications off',
  fast: 'antre, gateway answers at once',
  slow: 'antre, gateway answers in 5 s',
  hang: 'antre, gateway never answers',
};

export interface PhaseResult {
  phase: Phase;
  steady: number[];
  burst: number[];
  burstDelivered: string;
  issue: number[];
  failedCalls: string;
  rssMb: number;
  lag: { lagP50: number; lagP99: number };
  lagMax: number;
  optIns: { accepted: number; refused: number } | null;
  outbox: OutboxCounts | null;
  gatewayRequests: number | null;
}

/**
 * One phase's rounds as one result: their samples pooled (a p99 of one 20 s round is its
 * second-slowest call; of five, it is the tail of a thousand), the worst of their memory
 * and lag, deliveries added up. Opt-ins, outbox and gateway counts are the first round's.
 */
export function poolRounds(rounds: PhaseResult[]): PhaseResult {
  const [first, ...rest] = rounds;
  if (!first) throw new Error('poolRounds: no rounds');
  if (rest.length === 0) return first;
  const delivered = rounds.map((r) => r.burstDelivered.split('/').map(Number));
  const sum = (i: number): number => delivered.reduce((n, d) => n + (d[i] ?? 0), 0);
  const worst = (pick: (r: PhaseResult) => number): number => Math.max(...rounds.map(pick));
  return {
    ...first,
    steady: rounds.flatMap((r) => r.steady),
    burst: rounds.flatMap((r) => r.burst),
    issue: rounds.flatMap((r) => r.issue),
    burstDelivered: `${sum(0)}/${sum(1)}`,
    failedCalls: rounds.map((r) => r.failedCalls).join(', '),
    rssMb: worst((r) => r.rssMb),
    lag: { lagP50: worst((r) => r.lag.lagP50), lagP99: worst((r) => r.lag.lagP99) },
    lagMax: worst((r) => r.lagMax),
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '—');
const max = (values: number[]): number => values.reduce((m, v) => Math.max(m, v), -Infinity);
const spread = (values: number[]): string =>
  `${fmt(percentile(values, 50))} / ${fmt(percentile(values, 99))} / ${fmt(max(values))}`;

function ratio(
  r: PhaseResult,
  against: PhaseResult | undefined,
  pick: (r: PhaseResult) => number[],
) {
  if (!against || against === r) return '—';
  const value = percentile(pick(r), 99) / percentile(pick(against), 99);
  return Number.isFinite(value) ? `×${value.toFixed(2)}` : '—';
}

export function printTable(results: PhaseResult[]): void {
  const byPhase = (phase: Phase) => results.find((r) => r.phase === phase);
  console.log('| figure | ' + results.map((r) => PHASE_TITLES[r.phase]).join(' | ') + ' |');
  console.log('|---|' + results.map(() => '---').join('|') + '|');
  const row = (name: string, pick: (r: PhaseResult) => string): void =>
    console.log(`| ${name} | ${results.map(pick).join(' | ')} |`);
  const notify = (pick: (r: PhaseResult) => string) => (r: PhaseResult) =>
    r.phase === 'baseline' || r.phase === 'off' || r.phase === 'postgres' ? '—' : pick(r);
  const ratios = (pick: (r: PhaseResult) => number[]) => (r: PhaseResult) =>
    r.phase === 'baseline'
      ? '—'
      : `${ratio(r, byPhase('baseline'), pick)} / ${ratio(r, byPhase('off'), pick)}`;

  row('steady call→display p50 / p99 / max (ms)', (r) => spread(r.steady));
  row(
    'issue ack p50 / p99 (ms)',
    (r) => `${fmt(percentile(r.issue, 50))} / ${fmt(percentile(r.issue, 99))}`,
  );
  row('burst call→display p50 / p99 / max (ms)', (r) => spread(r.burst));
  row('burst deliveries (seen / expected)', (r) => r.burstDelivered);
  row('refused calls', (r) => r.failedCalls);
  row('hub RSS max (MB)', (r) => fmt(r.rssMb));
  row(
    'event-loop lag p50 / p99 / max (ms)',
    (r) => `${fmt(r.lag.lagP50)} / ${fmt(r.lag.lagP99)} / ${fmt(r.lagMax)}`,
  );
  row(
    'phone opt-ins accepted / refused',
    notify((r) => `${r.optIns?.accepted ?? 0} / ${r.optIns?.refused ?? 0}`),
  );
  row(
    'messages enqueued / sent / pending / failed at the end',
    notify((r) =>
      r.outbox
        ? `${r.outbox.enqueued} / ${r.outbox.sent} / ${r.outbox.pending} / ${r.outbox.failed}`
        : '—',
    ),
  );
  row(
    'gateway requests / messages cut at the attempt limit',
    notify((r) => `${r.gatewayRequests ?? 0} / ${r.outbox?.cut ?? 0}`),
  );
  row(
    'steady call→display p99 × baseline / × notifications off',
    ratios((r) => r.steady),
  );
  row(
    'issue ack p99 × baseline / × notifications off',
    ratios((r) => r.issue),
  );
  row(
    'burst call→display p99 × baseline / × notifications off',
    ratios((r) => r.burst),
  );
}

/**
 * One machine-readable line: the hub's p99s divided by the baseline's from the same run
 * (the hub with notifications off, else the first hub phase). Null without both phases.
 */
export function ratiosLine(results: PhaseResult[]): string | null {
  const baseline = results.find((r) => r.phase === 'baseline');
  const hub = results.find((r) => r.phase === 'off') ?? results.find((r) => r.phase !== 'baseline');
  if (!baseline || !hub) return null;
  const p99 = (pick: (r: PhaseResult) => number[]) =>
    (percentile(pick(hub), 99) / percentile(pick(baseline), 99)).toFixed(2);
  const line = `ratios: steady_p99=${p99((r) => r.steady)} issue_p99=${p99((r) => r.issue)} burst_p99=${p99((r) => r.burst)}`;
  // The hub on PostgreSQL, against the same baseline, when that phase ran too.
  const pg = results.find((r) => r.phase === 'postgres');
  if (!pg || pg === hub) return line;
  const pgP99 = (pick: (r: PhaseResult) => number[]) =>
    (percentile(pick(pg), 99) / percentile(pick(baseline), 99)).toFixed(2);
  return `${line} postgres_steady_p99=${pgP99((r) => r.steady)} postgres_issue_p99=${pgP99((r) => r.issue)} postgres_burst_p99=${pgP99((r) => r.burst)}`;
}
