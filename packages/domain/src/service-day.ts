import type { ClockTime, TimezoneCode, Weekday } from './building';
import { WEEKDAYS } from './building';

// Indonesia keeps no daylight saving, so each zone is a fixed offset from UTC.
const OFFSET_MINUTES: Record<TimezoneCode, number> = { WIB: 7 * 60, WITA: 8 * 60, WIT: 9 * 60 };

export interface LocalMoment {
  /** YYYY-MM-DD: the service day. */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

export function localMoment(now: number, timezone: TimezoneCode): LocalMoment {
  const shifted = new Date(now + OFFSET_MINUTES[timezone] * 60_000);
  const date = shifted.toISOString().slice(0, 10);
  const weekday = WEEKDAYS[shifted.getUTCDay()] as Weekday;
  return { date, weekday, minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

export function serviceDay(now: number, timezone: TimezoneCode): string {
  return localMoment(now, timezone).date;
}

/** Epoch ms of a wall-clock time on a service day in the site's timezone. */
export function epochOf(date: string, time: ClockTime, timezone: TimezoneCode): number {
  return Date.parse(`${date}T${time}:00Z`) - OFFSET_MINUTES[timezone] * 60_000;
}

export function clockMinutes(time: ClockTime): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export function formatClock(minutes: number): ClockTime {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
