// Report periods as the hub's service days (YYYY-MM-DD), counted from the hub's own today so
// a browser with a wrong clock still asks for the right days.

export type PeriodKind = 'today' | 'week' | 'month' | 'custom';

const toDay = (d: Date): string => d.toISOString().slice(0, 10);
const fromDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** Monday of the week holding `day`: the Indonesian working week starts on Monday. */
export function weekStart(day: string): string {
  const d = fromDay(day);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - sinceMonday);
  return toDay(d);
}

export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

export function periodRange(
  kind: Exclude<PeriodKind, 'custom'>,
  today: string,
): { from: string; to: string } {
  if (kind === 'week') return { from: weekStart(today), to: today };
  if (kind === 'month') return { from: monthStart(today), to: today };
  return { from: today, to: today };
}

/** "23/11/2026" in Indonesian and English alike: short and unambiguous here. */
export const showDay = (day: string): string => day.split('-').reverse().join('/');

/** A custom period runs forward: "Dari" on or before "Sampai" (ISO days compare as text). */
export const isPeriod = (range: { from: string; to: string }): boolean => range.from <= range.to;
