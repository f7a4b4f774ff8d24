import { describe, expect, it } from 'vitest';
import type { RateResult, RateStep, ScaleCheckpoint } from './scale-table';
import { heldRate, rateLine, scaleLine, sentRate, stepShortfall } from './scale-table';

const checkpoint = (target: number, ack: number[]): ScaleCheckpoint => ({
  target,
  tickets: target,
  waiting: 300,
  ack,
  display: [1],
  issue: [1],
  failedCalls: 0,
  errors: {},
  rssMb: 400,
  fillSeconds: 10,
});

/** A step of 3 s at `rate`, every call seen 10 times, each delivery `p99` ms or less. */
const step = (rate: number, p99: number, more: Partial<RateStep> = {}): RateStep => ({
  rate,
  attempt: 1,
  sent: rate * 3,
  spanMs: ((rate * 3 - 1) * 1000) / rate,
  failed: 0,
  errors: {},
  delivered: rate * 30,
  expected: rate * 30,
  latencies: [1, 2, p99],
  lagP99: 10,
  ...more,
});
const ramp = (side: RateResult['side'], steps: RateStep[]): RateResult => ({ side, steps });

describe("the scale phase's machine-readable line", () => {
  it('when three checkpoints ran, then it gives each call-next p50 and the last ÷ the first', () => {
    expect(
      scaleLine([
        checkpoint(1_000, [4, 5, 6]),
        checkpoint(5_000, [5, 6, 7]),
        checkpoint(20_000, [9, 9, 20]),
      ]),
    ).toBe('scale: p50_1k=5.0 p50_5k=6.0 p50_20k=9.0 growth=1.80');
  });

  it('when only one checkpoint ran, then there is no line', () => {
    expect(scaleLine([checkpoint(1_000, [5])])).toBeNull();
  });
});

describe('a step of the rate ramp', () => {
  it('when every call was answered and seen within 100 ms, then it held', () => {
    expect(stepShortfall(step(100, 100))).toBeNull();
  });

  it('when its p99 passed 100 ms, a call was refused or a delivery went missing, then it did not hold', () => {
    expect(stepShortfall(step(100, 101))).toBe('p99 101.0 ms > 100 ms');
    expect(stepShortfall(step(100, 5, { failed: 2, errors: { rate_limited: 2 } }))).toBe(
      '2 calls refused',
    );
    expect(stepShortfall(step(100, 5, { delivered: 2990 }))).toBe('10 deliveries missing');
  });

  it('when the workers sent slower than asked, then it did not test the rate', () => {
    const slow = step(100, 5, { spanMs: 4000 });
    expect(sentRate(slow)).toBeCloseTo(74.75);
    expect(stepShortfall(slow)).toBe('the workers could not send that fast');
  });
});

describe("the rate phases' result", () => {
  it('when a rate did not hold, then the one before it is the highest held, even if a later one held', () => {
    expect(heldRate(ramp('hub', [step(25, 10), step(35, 10), step(50, 200), step(70, 10)]))).toBe(
      35,
    );
  });

  it('when a rate held at its second attempt, then it counts as held', () => {
    const again = { ...step(35, 10), attempt: 2 };
    expect(heldRate(ramp('hub', [step(25, 10), step(35, 300), again, step(50, 300)]))).toBe(35);
  });

  it('when both sides ran, then the line gives each highest rate and hub ÷ baseline', () => {
    expect(
      rateLine([
        ramp('baseline', [step(25, 10), step(50, 10), step(100, 150)]),
        ramp('hub', [step(25, 10), step(50, 10), step(100, 10), step(200, 10), step(400, 101)]),
      ]),
    ).toBe('rate: baseline=50 hub=200 ratio=4.00');
  });

  it('when the baseline held no rate, then the ratio is not given', () => {
    expect(rateLine([ramp('baseline', [step(25, 500)]), ramp('hub', [step(25, 10)])])).toBe(
      'rate: baseline=0 hub=25 ratio=—',
    );
  });

  it('when only one side ran, then there is no line', () => {
    expect(rateLine([ramp('hub', [step(25, 10)])])).toBeNull();
  });
});
