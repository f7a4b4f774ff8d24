import type { ClockTime, Service, Site, Weekday } from './building';
import { issuingHours } from './schedule';
import { clockMinutes, epochOf, localMoment } from './service-day';

/** When tickets can next be taken: a service day, its weekday and the opening time. */
export interface Opening {
  /** YYYY-MM-DD in the site's timezone. */
  date: string;
  weekday: Weekday;
  time: ClockTime;
  /** Epoch ms of that moment. */
  at: number;
}

// Long enough for Lebaran's joint leave (cuti bersama) and a weekend around it.
const LOOK_AHEAD_DAYS = 21;
const DAY_MS = 86_400_000;

/**
 * The next moment after `now` at which a service (or, with `null`, the building) opens for
 * tickets, skipping holidays and closed weekdays; null for an inactive service or when
 * nothing opens within three weeks.
 */
export function nextOpening(site: Site, service: Service | null, now: number): Opening | null {
  if (service && !service.active) return null;
  const today = localMoment(now, site.timezone);
  for (let day = 0; day <= LOOK_AHEAD_DAYS; day += 1) {
    // Noon of the local day: stepping whole days from it never slips across midnight.
    const noon = epochOf(today.date, '12:00', site.timezone) + day * DAY_MS;
    const { date, weekday } = localMoment(noon, site.timezone);
    if (site.holidays.some((h) => h.date === date)) continue;
    const hours = issuingHours(site, service, weekday);
    if (!hours) continue;
    if (day === 0 && today.minutes >= clockMinutes(hours.open)) continue;
    return { date, weekday, time: hours.open, at: epochOf(date, hours.open, site.timezone) };
  }
  return null;
}
