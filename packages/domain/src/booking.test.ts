import { describe, expect, it } from 'vitest';
import type { Service, Site } from './building';
import type { Booking, BookingErrorCode, BookingSettings, TakenPlaces } from './booking';
import {
  addDays,
  bookingCalendar,
  decideBooking,
  DEFAULT_BOOKING_POLICY,
  walkInQuota,
} from './booking';
import { epochOf } from './service-day';
import { SETTINGS } from './testing/test-booking';
import { DAY, NYEPI, makeService, makeSite } from './testing/test-building';

const TUESDAY = addDays(DAY, 1);
const none: TakenPlaces = () => 0;

interface Case {
  name: string;
  /** Local time of the request, in the site's zone, on DAY unless `on` says otherwise. */
  at: string;
  on?: string;
  date: string;
  session?: string;
  site?: Partial<Site>;
  settings?: Partial<BookingSettings>;
  service?: Partial<Service>;
  taken?: TakenPlaces;
  sameNik?: Pick<Booking, 'serviceId' | 'date' | 'status' | 'sessionEnd'>[];
  expect: BookingErrorCode | 'ok';
}

const mine = (date: string, serviceId = 'ktp', status: Booking['status'] = 'booked') => ({
  serviceId,
  date,
  status,
  sessionEnd: epochOf(date, '12:00', 'WITA'),
});

const cases: Case[] = [
  { name: 'tomorrow morning, booked today', at: '09:00', date: TUESDAY, expect: 'ok' },
  {
    name: 'tomorrow, at the cutoff minute 16:00 the day before',
    at: '16:00',
    date: TUESDAY,
    expect: 'window_closed',
  },
  { name: 'tomorrow, one minute before the cutoff', at: '15:59', date: TUESDAY, expect: 'ok' },
  { name: 'today with a day-before cutoff', at: '07:00', date: DAY, expect: 'window_closed' },
  { name: 'yesterday', at: '09:00', date: addDays(DAY, -1), expect: 'window_closed' },
  {
    name: 'the last day of the window',
    at: '09:00',
    date: addDays(DAY, 14),
    session: 'sore',
    expect: 'ok',
  },
  { name: 'one day past the window', at: '09:00', date: addDays(DAY, 15), expect: 'window_closed' },
  {
    name: 'today, 60 minutes before the session, cutoff 60 minutes before',
    at: '12:00',
    date: DAY,
    session: 'sore',
    settings: { cutoff: { kind: 'before_session', minutes: 60 } },
    expect: 'window_closed',
  },
  {
    name: 'today, 61 minutes before the session, cutoff 60 minutes before',
    at: '11:59',
    date: DAY,
    session: 'sore',
    settings: { cutoff: { kind: 'before_session', minutes: 60 } },
    expect: 'ok',
  },
  {
    name: 'a holiday',
    at: '09:00',
    date: NYEPI,
    settings: { daysAhead: 30 },
    expect: 'date_not_bookable',
  },
  { name: 'a Sunday (closed)', at: '09:00', date: addDays(DAY, 6), expect: 'date_not_bookable' },
  {
    name: 'a Saturday afternoon session outside the half day',
    at: '09:00',
    date: addDays(DAY, 5),
    session: 'sore',
    expect: 'unknown_session',
  },
  {
    name: 'a date the service closed',
    at: '09:00',
    date: TUESDAY,
    settings: { closedDates: [{ date: TUESDAY, name: 'Pemeliharaan sistem' }] },
    expect: 'date_not_bookable',
  },
  { name: 'the last place', at: '09:00', date: TUESDAY, taken: () => 9, expect: 'ok' },
  { name: 'no place left', at: '09:00', date: TUESDAY, taken: () => 10, expect: 'full' },
  {
    name: 'an unknown session',
    at: '09:00',
    date: TUESDAY,
    session: 'malam',
    expect: 'unknown_session',
  },
  {
    name: 'the same NIK, same service, same day',
    at: '09:00',
    date: TUESDAY,
    sameNik: [mine(TUESDAY)],
    expect: 'duplicate_booking',
  },
  {
    name: 'the same NIK, checked in the same day already',
    at: '09:00',
    date: TUESDAY,
    sameNik: [mine(TUESDAY, 'ktp', 'checked_in')],
    expect: 'duplicate_booking',
  },
  {
    name: 'the same NIK cancelled that day before',
    at: '09:00',
    date: TUESDAY,
    sameNik: [mine(TUESDAY, 'ktp', 'cancelled')],
    expect: 'ok',
  },
  {
    name: 'the same NIK, another service that day',
    at: '09:00',
    date: TUESDAY,
    sameNik: [mine(TUESDAY, 'kk')],
    expect: 'ok',
  },
  {
    name: 'the same NIK with three upcoming bookings',
    at: '09:00',
    date: TUESDAY,
    sameNik: [
      mine(addDays(DAY, 2), 'kk'),
      mine(addDays(DAY, 3), 'kk'),
      mine(addDays(DAY, 7), 'kk'),
    ],
    expect: 'too_many_bookings',
  },
  {
    name: 'a service that takes no bookings',
    at: '09:00',
    date: TUESDAY,
    service: { booking: null },
    expect: 'booking_not_offered',
  },
  {
    name: 'an inactive service',
    at: '09:00',
    date: TUESDAY,
    service: { active: false },
    expect: 'booking_not_offered',
  },
  // WIT (Jayapura, UTC+9) and WITA: the cutoff is the site's 16:00, not the server's.
  {
    name: 'WIT, 15:59 local the day before',
    at: '15:59',
    date: TUESDAY,
    site: { timezone: 'WIT' },
    expect: 'ok',
  },
  {
    name: 'WIT, 16:00 local the day before',
    at: '16:00',
    date: TUESDAY,
    site: { timezone: 'WIT' },
    expect: 'window_closed',
  },
];

describe('decideBooking', () => {
  it.each(cases)('When $name, then $expect', (c) => {
    const site = makeSite(c.site);
    const service = makeService('ktp', { booking: { ...SETTINGS, ...c.settings }, ...c.service });
    const result = decideBooking({
      site,
      service,
      policy: DEFAULT_BOOKING_POLICY,
      date: c.date,
      sessionId: c.session ?? 'pagi',
      now: epochOf(c.on ?? DAY, c.at, site.timezone),
      taken: c.taken ?? none,
      sameNik: c.sameNik ?? [],
    });
    expect(result.ok ? 'ok' : result.error.code).toBe(c.expect);
  });

  it('When accepted, then the session runs in site time', () => {
    const site = makeSite({ timezone: 'WIT' });
    const result = decideBooking({
      site,
      service: makeService('ktp', { booking: SETTINGS }),
      policy: DEFAULT_BOOKING_POLICY,
      date: TUESDAY,
      sessionId: 'siang',
      now: epochOf(DAY, '09:00', 'WIT'),
      taken: none,
      sameNik: [],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        sessionStart: Date.parse(`${TUESDAY}T01:00:00Z`),
        sessionEnd: Date.parse(`${TUESDAY}T03:00:00Z`),
      },
    });
  });
});

describe('bookingCalendar', () => {
  const site = makeSite();
  const service = makeService('ktp', { booking: { ...SETTINGS, daysAhead: 6 } });

  it('When a week is shown, then closed days say why, full and past days say so', () => {
    const taken: TakenPlaces = (date, session) =>
      date === addDays(DAY, 2) ? 10 : session === 'sore' ? 5 : 0;
    const days = bookingCalendar(site, service, epochOf(DAY, '09:00', 'WITA'), taken);
    expect(days.map((d) => [d.date, d.state])).toEqual([
      [DAY, 'past_cutoff'],
      [TUESDAY, 'open'],
      [addDays(DAY, 2), 'full'],
      [addDays(DAY, 3), 'open'],
      [addDays(DAY, 4), 'open'],
      [addDays(DAY, 5), 'open'], // Saturday: only the morning sessions fit
      [addDays(DAY, 6), 'closed'],
    ]);
    const tuesday = days[1];
    expect(tuesday?.sessions.map((s) => [s.id, s.left, s.state])).toEqual([
      ['pagi', 10, 'open'],
      ['siang', 10, 'open'],
      ['sore', 0, 'full'],
    ]);
    expect(days[5]?.sessions.map((s) => s.id)).toEqual(['pagi', 'siang']);
    expect(days[6]).toMatchObject({ closure: { reason: 'closed_day' } });
  });

  it('When a holiday falls in the window, then it is closed with its name', () => {
    const days = bookingCalendar(
      site,
      makeService('ktp', { booking: SETTINGS }),
      epochOf(addDays(NYEPI, -3), '09:00', 'WITA'),
      none,
    );
    expect(days.find((d) => d.date === NYEPI)).toMatchObject({
      state: 'closed',
      closure: { reason: 'holiday', name: 'Hari Suci Nyepi' },
    });
  });

  it('When the quota is 60 and 25 places are online, then 35 remain for walk-ins', () => {
    const s = makeService('ktp', { dailyQuota: 60, booking: SETTINGS });
    expect(walkInQuota(s, site, TUESDAY)).toBe(35);
    expect(walkInQuota(s, site, addDays(DAY, 5))).toBe(40); // Saturday: no afternoon session
    expect(walkInQuota(makeService('kk'), site, TUESDAY)).toBeNull();
  });
});
