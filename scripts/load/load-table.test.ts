import { describe, expect, it } from 'vitest';
import type { Phase, PhaseResult } from './load-table';
import { percentile, poolRounds, ratiosLine } from './load-table';

const phase = (name: Phase, steady: number, issue: number, burst: number): PhaseResult => ({
  phase: name,
  steady: [1, steady],
  issue: [1, issue],
  burst: [1, burst],
  burstDelivered: '2/2',
  failedCalls: '0',
  rssMb: 100,
  lag: { lagP50: 1, lagP99: 2 },
  lagMax: 3,
  optIns: null,
  outbox: null,
  gatewayRequests: null,
});

describe("the benchmark's machine-readable line", () => {
  it('when the baseline and the hub ran, then it gives each p99 as hub ÷ baseline', () => {
    expect(ratiosLine([phase('baseline', 10, 10, 200), phase('off', 11, 15, 100)])).toBe(
      'ratios: steady_p99=1.10 issue_p99=1.50 burst_p99=0.50',
    );
  });

  it('when the baseline did not run, then there is no line', () => {
    expect(ratiosLine([phase('off', 11, 15, 100)])).toBeNull();
  });

  it("when a phase ran in rounds, then its p99 is taken over every round's samples", () => {
    const round = (steady: number[], delivered: string, rss: number): PhaseResult => ({
      ...phase('off', 0, 0, 0),
      steady,
      burstDelivered: delivered,
      rssMb: rss,
    });
    const pooled = poolRounds([
      round(
        Array.from({ length: 100 }, () => 5),
        '10/10',
        100,
      ),
      round([...Array.from({ length: 98 }, () => 5), 50, 50], '9/10', 120),
    ]);
    expect(pooled.steady).toHaveLength(200);
    // Two slow calls are the p99 of their round of 100, not of the 200 pooled.
    expect(percentile(pooled.steady.slice(100), 99)).toBe(50);
    expect(percentile(pooled.steady, 99)).toBe(5);
    expect(pooled.burstDelivered).toBe('19/20');
    expect(pooled.rssMb).toBe(120);
  });
});
