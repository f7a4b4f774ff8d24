import { describe, expect, it } from 'vitest';
import { isPeriod, periodRange, weekStart } from './period';

describe('report periods', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // Monday
    ['2026-11-29', '2026-11-23'], // Sunday belongs to the week that began on Monday
    ['2026-12-02', '2026-11-30'], // across a month
    ['2027-01-01', '2026-12-28'], // across a year
  ])('when the day is %s, then the week starts on %s', (day, monday) => {
    expect(weekStart(day)).toBe(monday);
  });

  it('when this month is asked on the 23rd, then it runs from the 1st to today', () => {
    expect(periodRange('month', '2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(periodRange('today', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-23' });
  });

  it.each([
    [{ from: '2026-11-20', to: '2026-11-23' }, true],
    [{ from: '2026-11-23', to: '2026-11-23' }, true],
    [{ from: '2026-11-24', to: '2026-11-23' }, false],
    [{ from: '2026-12-01', to: '2026-11-30' }, false],
  ])('when a custom period is %o, then it is a period: %s', (range, ok) => {
    expect(isPeriod(range)).toBe(ok);
  });
});
