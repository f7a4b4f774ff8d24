import type { Service, Site } from './building';
import type { Booking, BookingResult, BookingSettings } from './booking';
import { dayClosure, refuse, sessionsOn } from './booking';
import type { CommandContext } from './command-context';
import type { QueueChange } from './queue-state';
import { newTicketChange } from './new-ticket';
import { clockMinutes, formatClock, localMoment } from './service-day';

export interface CheckInWindow {
  opensAt: number;
  closesAt: number;
}

export function checkInWindow(
  settings: BookingSettings,
  booking: Pick<Booking, 'sessionStart'>,
): CheckInWindow {
  return {
    opensAt: booking.sessionStart - settings.checkInEarlyMinutes * 60_000,
    closesAt: booking.sessionStart + settings.checkInLateMinutes * 60_000,
  };
}

/** Where a checked-in visitor goes in the queue: at the session's start, or at the back when late. */
export interface CheckInPlace {
  sortKey: number;
  late: boolean;
}

export function decideCheckIn(
  site: Site,
  settings: BookingSettings,
  booking: Booking,
  now: number,
): BookingResult<CheckInPlace> {
  if (booking.status === 'cancelled') return refuse('booking_cancelled', booking.cancelReason);
  if (booking.status === 'checked_in') return refuse('already_checked_in');
  if (booking.date !== localMoment(now, site.timezone).date)
    return refuse('not_today', booking.date);
  const window = checkInWindow(settings, booking);
  if (now < window.opensAt)
    return refuse('too_early', formatClock(localMoment(window.opensAt, site.timezone).minutes));
  if (now <= window.closesAt && booking.status === 'booked')
    return { ok: true, value: { sortKey: booking.sessionStart, late: false } };
  // Past the window (or already marked no-show): the site decides whether a walk-in place is given.
  if (settings.lateArrival === 'walk_in') return { ok: true, value: { sortKey: now, late: true } };
  return refuse('too_late', formatClock(localMoment(window.closesAt, site.timezone).minutes));
}

/** "A-B007": the service's prefix, the online mark, the number of the service's one sequence. */
export const onlineLabel = (prefix: string, mark: string, number: number): string =>
  `${prefix}-${mark}${String(number).padStart(3, '0')}`;

export interface CheckInTicketRequest {
  booking: Booking;
  place: CheckInPlace;
  ticketId: string;
  code: string;
  /** A kiosk prints the ticket; staff checking someone in need not. */
  needsPrint: boolean;
}

/**
 * The checked-in visitor's ticket: a number of the service's own sequence (so numbers stay
 * unique and gapless), marked as online, placed at the session's start. Quota and opening
 * hours were decided when the place was booked, so they are not asked again.
 */
export function checkInTicket(ctx: CommandContext, r: CheckInTicketRequest): QueueChange | null {
  const service = ctx.index.services.get(r.booking.serviceId);
  if (!service?.booking) return null;
  const { ticketMark } = service.booking;
  return newTicketChange(
    ctx,
    service,
    {
      ticketId: r.ticketId,
      code: r.code,
      priority: null,
      channel: 'online',
      needsPrint: r.needsPrint,
      sortKey: r.place.sortKey,
      label: (number) => onlineLabel(service.prefix, ticketMark, number),
    },
    { bookingCode: r.booking.code, late: r.place.late },
  );
}

/** Booked places whose check-in window has closed: they become no-shows. */
export function dueNoShows(
  bookings: readonly Booking[],
  settingsOf: (serviceId: string) => BookingSettings | null,
  now: number,
): Booking[] {
  return bookings.filter((b) => {
    const settings = settingsOf(b.serviceId);
    return b.status === 'booked' && settings !== null && now > checkInWindow(settings, b).closesAt;
  });
}

export type StrandReason =
  | 'holiday'
  | 'service_closed'
  | 'closed_day'
  | 'session_removed'
  | 'places_reduced'
  | 'booking_off';

/**
 * Bookings a change of the building leaves without a place: a holiday or closure on their
 * day, their session gone, or fewer places than booked (the latest bookings go first).
 */
export function strandedBookings(
  site: Site,
  service: Service,
  bookings: readonly Booking[],
): { booking: Booking; reason: StrandReason; detail: string | null }[] {
  const open = bookings.filter((b) => b.serviceId === service.id && b.status === 'booked');
  const out: { booking: Booking; reason: StrandReason; detail: string | null }[] = [];
  const bySession = new Map<string, Booking[]>();
  for (const b of open) {
    if (!service.booking || !service.active) {
      out.push({ booking: b, reason: 'booking_off', detail: null });
      continue;
    }
    const closure = dayClosure(site, service, b.date);
    if (closure) {
      out.push({
        booking: b,
        reason: closure.reason,
        detail: 'name' in closure ? closure.name : null,
      });
      continue;
    }
    const session = sessionsOn(site, service, b.date).find((s) => s.id === b.sessionId);
    if (!session) {
      out.push({ booking: b, reason: 'session_removed', detail: null });
      continue;
    }
    const key = `${b.date}|${b.sessionId}`;
    bySession.set(key, [...(bySession.get(key) ?? []), b]);
  }
  for (const [key, list] of bySession) {
    const sessionId = key.split('|')[1];
    const places = service.booking?.sessions.find((s) => s.id === sessionId)?.places ?? 0;
    const latestFirst = [...list].sort((a, b) => b.createdAt - a.createdAt);
    for (const b of latestFirst.slice(0, Math.max(0, list.length - places)))
      out.push({ booking: b, reason: 'places_reduced', detail: String(places) });
  }
  return out;
}

/** Online-only hours: the time walk-ins may take a number again, or null when they may now. */
export function walkInRefusedUntil(site: Site, service: Service, now: number): string | null {
  const local = localMoment(now, site.timezone);
  const hours = service.booking?.onlineOnly.find(
    (h) => local.minutes >= clockMinutes(h.open) && local.minutes < clockMinutes(h.close),
  );
  return hours ? hours.close : null;
}
