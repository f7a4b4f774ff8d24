import type { DayHours, Service, Site, Weekday } from './building';
import { clockMinutes, localMoment } from './service-day';

export type ClosedReason =
  'inactive' | 'holiday' | 'closed_today' | 'not_yet_open' | 'closed_for_day' | 'quota_reached';

export type Availability =
  | { open: true; closesAt: string; onBreakUntil: string | null }
  | { open: false; reason: ClosedReason; detail: string | null; opensAt: string | null };

/** Whether a service issues tickets at `now`, and why not. */
export function serviceAvailability(
  site: Site,
  service: Service,
  issuedToday: number,
  now: number,
): Availability {
  if (!service.active) return closed('inactive', null, null);
  const local = localMoment(now, site.timezone);
  const holiday = site.holidays.find((h) => h.date === local.date);
  if (holiday) return closed('holiday', holiday.name, null);
  const hours = issuingHours(site, service, local.weekday);
  if (!hours) return closed('closed_today', null, null);
  if (local.minutes < clockMinutes(hours.open)) return closed('not_yet_open', null, hours.open);
  if (local.minutes >= clockMinutes(hours.close)) return closed('closed_for_day', null, null);
  if (service.dailyQuota !== null && issuedToday >= service.dailyQuota) {
    return closed('quota_reached', String(service.dailyQuota), null);
  }
  const pause = local.weekday === 'fri' ? site.fridayPrayerBreak : null;
  const onBreak =
    pause && local.minutes >= clockMinutes(pause.open) && local.minutes < clockMinutes(pause.close);
  return { open: true, closesAt: hours.close, onBreakUntil: onBreak ? pause.close : null };
}

/** The hours a service issues tickets on a weekday (the building's with `null`), or null. */
export function issuingHours(
  site: Site,
  service: Service | null,
  weekday: Weekday,
): DayHours | null {
  const siteHours = site.hours[weekday] ?? null;
  return narrowest(siteHours, service?.hours ? (service.hours[weekday] ?? null) : siteHours);
}

/** A service's own hours never reach outside the building's. */
function narrowest(site: DayHours | null, service: DayHours | null): DayHours | null {
  if (!site || !service) return null;
  const open = clockMinutes(site.open) >= clockMinutes(service.open) ? site.open : service.open;
  const close =
    clockMinutes(site.close) <= clockMinutes(service.close) ? site.close : service.close;
  return clockMinutes(open) < clockMinutes(close) ? { open, close } : null;
}

function closed(reason: ClosedReason, detail: string | null, opensAt: string | null): Availability {
  return { open: false, reason, detail, opensAt };
}
