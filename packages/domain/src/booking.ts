import type { ClockTime, DayHours, Holiday, Service, Site } from './building';
import { issuingHours } from './schedule';
import { clockMinutes, epochOf, localMoment } from './service-day';
import type { Weekday } from './building';
import { WEEKDAYS } from './building';

// Antrean online: a citizen books a place in a session of a service's day, checks in at the
// kiosk, and joins the one queue at the session's start. These rules decide; the hub stores.

export interface BookingSession {
  id: string;
  start: ClockTime;
  end: ClockTime;
  /** Places to book in this session every open day. */
  places: number;
}

/** Until when a day can be booked: the day before at a time, or minutes before the session. */
export type BookingCutoff =
  { kind: 'day_before'; at: ClockTime } | { kind: 'before_session'; minutes: number };

export interface BookingSettings {
  sessions: BookingSession[];
  /** How many days ahead a day opens for booking (today is day 0). */
  daysAhead: number;
  cutoff: BookingCutoff;
  /** Hours of an open day in which the kiosk refuses walk-in tickets for the service. */
  onlineOnly: DayHours[];
  /** The check-in window around the session's start. */
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
  /** A visitor later than the window: refused, or given a walk-in place (at the back). */
  lateArrival: 'refuse' | 'walk_in';
  /** Marks an online ticket's label: "A-B007" with mark "B". */
  ticketMark: string;
  /** Days this service takes no bookings (beyond the building's holidays), with why. */
  closedDates: Holiday[];
}

/** The building's limits on one person, and how long their data is kept. */
export interface BookingPolicy {
  maxActivePerNik: number;
  retentionDays: number;
}

export const DEFAULT_BOOKING_POLICY: BookingPolicy = { maxActivePerNik: 3, retentionDays: 30 };

export const BOOKING_STATUSES = ['booked', 'checked_in', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface Booking {
  id: string;
  /** Short code the citizen shows or scans at the kiosk. */
  code: string;
  serviceId: string;
  date: string;
  sessionId: string;
  sessionStart: number;
  sessionEnd: number;
  /** A keyed hash of the NIK (never the NIK), and its last four digits for display. */
  nikHash: string;
  nikLast4: string;
  status: BookingStatus;
  createdAt: number;
  ticketId: string | null;
  cancelReason: string | null;
}

export type BookingErrorCode =
  | 'booking_not_offered'
  | 'unknown_session'
  | 'date_not_bookable'
  | 'window_closed'
  | 'full'
  | 'duplicate_booking'
  | 'too_many_bookings'
  | 'booking_cancelled'
  | 'already_checked_in'
  | 'not_today'
  | 'too_early'
  | 'too_late';

export type BookingResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: BookingErrorCode; detail: string | null } };

export const refuse = (
  code: BookingErrorCode,
  detail: string | null = null,
): BookingResult<never> => ({
  ok: false,
  error: { code, detail },
});

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const weekdayOf = (date: string): Weekday =>
  WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] as Weekday;

export type DayClosure =
  { reason: 'holiday' | 'service_closed'; name: string } | { reason: 'closed_day' };

/** Why a date takes no bookings at all, or null when it is a working day of the service. */
export function dayClosure(site: Site, service: Service, date: string): DayClosure | null {
  const holiday = site.holidays.find((h) => h.date === date);
  if (holiday) return { reason: 'holiday', name: holiday.name };
  const closed = service.booking?.closedDates.find((h) => h.date === date);
  if (closed) return { reason: 'service_closed', name: closed.name };
  if (!service.active || !issuingHours(site, service, weekdayOf(date)))
    return { reason: 'closed_day' };
  return null;
}

/** Sessions that fit inside the service's hours on that date. */
export function sessionsOn(site: Site, service: Service, date: string): BookingSession[] {
  const hours = issuingHours(site, service, weekdayOf(date));
  if (!hours || !service.booking) return [];
  return service.booking.sessions.filter(
    (s) =>
      clockMinutes(s.start) >= clockMinutes(hours.open) &&
      clockMinutes(s.end) <= clockMinutes(hours.close),
  );
}

/** When booking for a session stops. */
export function bookingCutoffAt(
  settings: BookingSettings,
  site: Site,
  date: string,
  session: BookingSession,
): number {
  return settings.cutoff.kind === 'day_before'
    ? epochOf(addDays(date, -1), settings.cutoff.at, site.timezone)
    : epochOf(date, session.start, site.timezone) - settings.cutoff.minutes * 60_000;
}

export type SessionState = 'open' | 'full' | 'closed';
export interface SessionAvailability extends BookingSession {
  left: number;
  state: SessionState;
}
export type DayAvailability =
  | { date: string; state: 'open' | 'full' | 'past_cutoff'; sessions: SessionAvailability[] }
  | { date: string; state: 'closed'; closure: DayClosure; sessions: [] };

/** Places taken in a session of a date (booked or checked in). */
export type TakenPlaces = (date: string, sessionId: string) => number;

/** Every day of the booking window, from today, with its sessions and places left. */
export function bookingCalendar(
  site: Site,
  service: Service,
  now: number,
  taken: TakenPlaces,
): DayAvailability[] {
  const settings = service.booking;
  if (!settings) return [];
  const today = localMoment(now, site.timezone).date;
  const days: DayAvailability[] = [];
  for (let d = 0; d <= settings.daysAhead; d++) {
    const date = addDays(today, d);
    const closure = dayClosure(site, service, date);
    if (closure) {
      days.push({ date, state: 'closed', closure, sessions: [] });
      continue;
    }
    const sessions = sessionsOn(site, service, date).map((s): SessionAvailability => {
      const left = Math.max(0, s.places - taken(date, s.id));
      const state: SessionState =
        now >= bookingCutoffAt(settings, site, date, s) ? 'closed' : left === 0 ? 'full' : 'open';
      return { ...s, left, state };
    });
    const state = sessions.some((s) => s.state === 'open')
      ? 'open'
      : sessions.some((s) => s.state === 'full')
        ? 'full'
        : 'past_cutoff';
    days.push({ date, state, sessions });
  }
  return days;
}

export interface BookingRequest {
  site: Site;
  service: Service;
  policy: BookingPolicy;
  date: string;
  sessionId: string;
  now: number;
  taken: TakenPlaces;
  /** This NIK's bookings that are still booked or checked in, of any service. */
  sameNik: readonly Pick<Booking, 'serviceId' | 'date' | 'status' | 'sessionEnd'>[];
}

/** Whether this booking may be made; decided again inside the write, so a race cannot overbook. */
export function decideBooking(
  r: BookingRequest,
): BookingResult<{ sessionStart: number; sessionEnd: number }> {
  const settings = r.service.booking;
  if (!settings || !r.service.active) return refuse('booking_not_offered');
  const session = settings.sessions.find((s) => s.id === r.sessionId);
  if (!session) return refuse('unknown_session');
  const today = localMoment(r.now, r.site.timezone).date;
  if (r.date < today || r.date > addDays(today, settings.daysAhead))
    return refuse('window_closed', addDays(today, settings.daysAhead));
  const closure = dayClosure(r.site, r.service, r.date);
  if (closure)
    return refuse('date_not_bookable', 'name' in closure ? closure.name : closure.reason);
  if (!sessionsOn(r.site, r.service, r.date).some((s) => s.id === session.id))
    return refuse('unknown_session');
  if (r.now >= bookingCutoffAt(settings, r.site, r.date, session)) return refuse('window_closed');
  const active = r.sameNik.filter((b) => b.status === 'booked' || b.status === 'checked_in');
  if (active.some((b) => b.serviceId === r.service.id && b.date === r.date))
    return refuse('duplicate_booking');
  const upcoming = active.filter((b) => b.status === 'booked' && b.sessionEnd > r.now);
  if (upcoming.length >= r.policy.maxActivePerNik)
    return refuse('too_many_bookings', String(r.policy.maxActivePerNik));
  if (r.taken(r.date, session.id) >= session.places) return refuse('full');
  return {
    ok: true,
    value: {
      sessionStart: epochOf(r.date, session.start, r.site.timezone),
      sessionEnd: epochOf(r.date, session.end, r.site.timezone),
    },
  };
}

/** Places a service keeps for walk-ins: its daily quota less the places offered online. */
export function walkInQuota(service: Service, site: Site, date: string): number | null {
  if (service.dailyQuota === null) return null;
  const online = sessionsOn(site, service, date).reduce((sum, s) => sum + s.places, 0);
  return Math.max(0, service.dailyQuota - online);
}
