// Waiting and service times for reports: a histogram of whole minutes per day and service,
// so a year of days merges into exact counts and sums and percentiles to the minute.

/** Minutes 0..239 each have a bucket; the last bucket holds 240 minutes and more. */
export const HISTOGRAM_BUCKETS = 241;

export interface DurationStats {
  count: number;
  sumMs: number;
  /** counts[m] = durations of m whole minutes (the last one: that many or more). */
  counts: number[];
}

export const emptyStats = (): DurationStats => ({
  count: 0,
  sumMs: 0,
  counts: new Array<number>(HISTOGRAM_BUCKETS).fill(0),
});

export function addDuration(stats: DurationStats, ms: number): void {
  const minutes = Math.min(HISTOGRAM_BUCKETS - 1, Math.max(0, Math.floor(ms / 60_000)));
  stats.count += 1;
  stats.sumMs += Math.max(0, ms);
  stats.counts[minutes] = (stats.counts[minutes] ?? 0) + 1;
}

export function mergeStats(into: DurationStats, from: DurationStats): void {
  into.count += from.count;
  into.sumMs += from.sumMs;
  for (let i = 0; i < HISTOGRAM_BUCKETS; i++) {
    into.counts[i] = (into.counts[i] ?? 0) + (from.counts[i] ?? 0);
  }
}

/**
 * The smallest whole minute m such that at least p of the durations took m minutes or less
 * (nearest-rank on the histogram); null without durations.
 */
export function percentileMinutes(stats: DurationStats, p: number): number | null {
  if (stats.count === 0) return null;
  const rank = Math.max(1, Math.ceil(p * stats.count));
  let seen = 0;
  for (let m = 0; m < HISTOGRAM_BUCKETS; m++) {
    seen += stats.counts[m] ?? 0;
    if (seen >= rank) return m;
  }
  return HISTOGRAM_BUCKETS - 1;
}

export interface DurationSummary {
  count: number;
  meanMinutes: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export function summarize(stats: DurationStats): DurationSummary {
  return {
    count: stats.count,
    meanMinutes:
      stats.count === 0 ? null : Math.round((stats.sumMs / stats.count / 60_000) * 10) / 10,
    medianMinutes: percentileMinutes(stats, 0.5),
    p90Minutes: percentileMinutes(stats, 0.9),
  };
}

/** Compact storage: trailing zero buckets are dropped. */
export function encodeCounts(counts: readonly number[]): string {
  let end = counts.length;
  while (end > 0 && !counts[end - 1]) end -= 1;
  return counts.slice(0, end).join(',');
}

export function decodeCounts(text: string): number[] {
  const counts = new Array<number>(HISTOGRAM_BUCKETS).fill(0);
  if (text === '') return counts;
  text.split(',').forEach((value, i) => {
    if (i < HISTOGRAM_BUCKETS) counts[i] = Number(value) || 0;
  });
  return counts;
}
