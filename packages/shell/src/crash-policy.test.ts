import { describe, expect, it } from 'vitest';
import { createCrashPolicy } from './crash-policy';

const options = { reloadDelayMs: 1_000, maxCrashes: 3, windowMs: 60_000 };

describe('crash policy', () => {
  it('reloads after a delay that grows with each recent crash, then gives up', () => {
    const policy = createCrashPolicy(options);
    expect(policy.onCrash(0)).toEqual({ action: 'reload', delayMs: 1_000 });
    expect(policy.onCrash(5_000)).toEqual({ action: 'reload', delayMs: 2_000 });
    expect(policy.onCrash(10_000)).toEqual({ action: 'reload', delayMs: 3_000 });
    expect(policy.onCrash(15_000)).toEqual({ action: 'give_up', crashes: 4 });
  });

  it('When crashes are far apart, then each one is forgiven and the kiosk keeps reloading', () => {
    const policy = createCrashPolicy(options);
    for (let hour = 0; hour < 10; hour++) {
      expect(policy.onCrash(hour * 3_600_000)).toEqual({ action: 'reload', delayMs: 1_000 });
    }
  });
});
