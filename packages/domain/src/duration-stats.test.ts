import { describe, expect, it } from 'vitest';
import {
  addDuration,
  decodeCounts,
  emptyStats,
  encodeCounts,
  HISTOGRAM_BUCKETS,
  mergeStats,
  percentileMinutes,
  summarize,
} from './duration-stats';

const MIN = 60_000;

function statsOf(minutes: number[]) {
  const stats = emptyStats();
  for (const m of minutes) addDuration(stats, m * MIN);
  return stats;
}

describe('duration statistics', () => {
  it.each([
    { case: 'no durations', minutes: [], mean: null, median: null, p90: null },
    { case: 'one of 7 minutes', minutes: [7], mean: 7, median: 7, p90: 7 },
    {
      case: '1..10 minutes',
      minutes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      mean: 5.5,
      median: 5,
      p90: 9,
    },
    {
      case: 'a long tail',
      minutes: [2, 2, 2, 2, 2, 2, 2, 2, 2, 90],
      mean: 10.8,
      median: 2,
      p90: 2,
    },
    { case: 'over four hours', minutes: [300, 500], mean: 400, median: 240, p90: 240 },
  ])('when $case, then mean $mean, median $median, p90 $p90', (c) => {
    expect(summarize(statsOf(c.minutes))).toEqual({
      count: c.minutes.length,
      meanMinutes: c.mean,
      medianMinutes: c.median,
      p90Minutes: c.p90,
    });
  });

  it('when seconds are added, then they fall in their whole minute and the mean keeps them', () => {
    const stats = emptyStats();
    addDuration(stats, 59_999);
    addDuration(stats, 60_000);
    addDuration(stats, 90_000);
    expect(stats.counts.slice(0, 3)).toEqual([1, 2, 0]);
    expect(summarize(stats).meanMinutes).toBe(1.2);
  });

  it('when days are merged, then the result equals the stats of all durations at once', () => {
    const day1 = [1, 5, 9, 14, 30];
    const day2 = [3, 3, 8, 60, 61, 200];
    const merged = statsOf(day1);
    mergeStats(merged, statsOf(day2));
    expect(merged).toEqual(statsOf([...day1, ...day2]));
    expect(percentileMinutes(merged, 0.9)).toBe(61);
  });

  it('when counts are stored and read back, then nothing changes', () => {
    const stats = statsOf([0, 0, 4, 17, 240, 999]);
    const text = encodeCounts(stats.counts);
    expect(text.split(',')).toHaveLength(HISTOGRAM_BUCKETS);
    expect(decodeCounts(text)).toEqual(stats.counts);
    expect(encodeCounts(statsOf([2]).counts)).toBe('0,0,1');
    expect(decodeCounts('')).toEqual(emptyStats().counts);
  });
});
