import { describe, expect, it } from 'vitest';
import type { Booking, BookingErrorCode, BookingSettings } from './booking';
import { addDays } from './booking';
import { SETTINGS } from './testing/test-booking';
import type { StrandReason } from './booking-check-in';
import {
  checkInTicket,
  decideCheckIn,
  dueNoShows,
  strandedBookings,
  walkInRefusedUntil,
} from './booking-check-in';
import { applyChange } from './queue-state';
import { epochOf } from './service-day';
import { DAY, NYEPI, at, makeBuilding, makeService, makeSite } from './testing/test-building';
import { TestQueue } from './testing/test-queue';

const site = makeSite();
let made = 0;
const booking = (overrides: Partial<Booking> = {}): Booking => {
  const date = overrides.date ?? DAY;
  made += 1;
  return {
    id: `b${made}`,
    code: `BK${made}`,
    serviceId: 'ktp',
    date,
    sessionId: 'pagi',
    sessionStart: epochOf(date, '09:00', 'WITA'),
    sessionEnd: epochOf(date, '11:00', 'WITA'),
    nikHash: 'hash',
    nikLast4: '0001',
    status: 'booked',
    createdAt: made,
    ticketId: null,
    cancelReason: null,
    ...overrides,
  };
};

type Expect = { sortKey: 'session' | 'now'; late: boolean } | BookingErrorCode;
const cases: [string, string, Partial<Booking>, Partial<BookingSettings>, Expect][] = [
  ['31 minutes early', '08:29', {}, {}, 'too_early'],
  ['30 minutes early: the window opens', '08:30', {}, {}, { sortKey: 'session', late: false }],
  ['on time', '09:00', {}, {}, { sortKey: 'session', late: false }],
  ['15 minutes late: the window closes', '09:15', {}, {}, { sortKey: 'session', late: false }],
  ['16 minutes late, the site refuses', '09:16', {}, {}, 'too_late'],
  [
    '16 minutes late, the site takes walk-ins',
    '09:16',
    {},
    { lateArrival: 'walk_in' },
    { sortKey: 'now', late: true },
  ],
  [
    'already a no-show, walk-ins allowed',
    '10:00',
    { status: 'no_show' },
    { lateArrival: 'walk_in' },
    { sortKey: 'now', late: true },
  ],
  ['already a no-show, refused', '10:00', { status: 'no_show' }, {}, 'too_late'],
  ['booked for tomorrow', '09:00', { date: addDays(DAY, 1) }, {}, 'not_today'],
  [
    'cancelled by the building',
    '09:00',
    { status: 'cancelled', cancelReason: 'holiday' },
    {},
    'booking_cancelled',
  ],
  ['checked in already', '09:00', { status: 'checked_in' }, {}, 'already_checked_in'],
];

describe('decideCheckIn', () => {
  it.each(cases)('When %s, then %j', (_name, time, over, settings, expected) => {
    const b = booking(over);
    const result = decideCheckIn(site, { ...SETTINGS, ...settings }, b, at(time));
    if (typeof expected === 'string') expect(result.ok ? 'ok' : result.error.code).toBe(expected);
    else
      expect(result).toEqual({
        ok: true,
        value: {
          sortKey: expected.sortKey === 'session' ? b.sessionStart : at(time),
          late: expected.late,
        },
      });
  });

  it('When too early, then the refusal says when the window opens, in site time', () => {
    expect(decideCheckIn(site, SETTINGS, booking(), at('08:00'))).toEqual({
      ok: false,
      error: { code: 'too_early', detail: '08:30' },
    });
  });
});

describe('one queue with the walk-ins', () => {
  it('When a visitor booked 09:00 checks in at 08:40, then walk-ins of 08:50 go first and those of 09:05 after', () => {
    const building = makeBuilding({
      services: [makeService('ktp', { prefix: 'A', booking: SETTINGS })],
    });
    const q = new TestQueue(building, at('08:35'));
    const early = q.issue('ktp'); // 08:35
    q.advance(5); // 08:40: the booked visitor checks in
    const b = booking();
    const place = decideCheckIn(building.site, SETTINGS, b, q.now);
    if (!place.ok) throw new Error(place.error.code);
    const change = checkInTicket(q.ctx(), {
      booking: b,
      place: place.value,
      ticketId: 'online',
      code: 'c-online',
      needsPrint: false,
    });
    if (!change) throw new Error('no ticket');
    q.state = applyChange(q.state, change);
    q.advance(10); // 08:50
    const before = q.issue('ktp');
    q.advance(15); // 09:05
    const after = q.issue('ktp');
    q.open('loket2');
    const order = [
      q.serveNext('loket2'),
      q.serveNext('loket2'),
      q.serveNext('loket2'),
      q.serveNext('loket2'),
    ];
    expect(order.map((t) => t?.label)).toEqual([early.label, before.label, 'A-B002', after.label]);
    expect(q.ticket('online')).toMatchObject({ channel: 'online', number: 2, status: 'done' });
  });
});

describe('no-shows and stranded bookings', () => {
  it('When the window closes, then booked places become no-shows; checked-in and cancelled stay', () => {
    const list = [
      booking(),
      booking({ status: 'checked_in' }),
      booking({ status: 'cancelled' }),
      booking({ date: addDays(DAY, 1), sessionStart: epochOf(addDays(DAY, 1), '09:00', 'WITA') }),
    ];
    expect(dueNoShows(list, () => SETTINGS, at('09:15')).map((b) => b.id)).toEqual([]);
    expect(dueNoShows(list, () => SETTINGS, at('09:16')).map((b) => b.id)).toEqual([list[0]?.id]);
  });

  const tuesday = addDays(DAY, 1);
  const strand: [
    string,
    Parameters<typeof makeSite>[0],
    Partial<BookingSettings> | null,
    StrandReason[],
  ][] = [
    [
      'a holiday declared on their day',
      { holidays: [{ date: tuesday, name: 'Cuti bersama' }] },
      {},
      ['holiday', 'holiday', 'holiday'],
    ],
    [
      'the service closed that day',
      {},
      { closedDates: [{ date: tuesday, name: 'Gangguan jaringan' }] },
      ['service_closed', 'service_closed', 'service_closed'],
    ],
    [
      'their session removed',
      {},
      { sessions: SETTINGS.sessions.filter((s) => s.id !== 'pagi') },
      ['session_removed', 'session_removed', 'session_removed'],
    ],
    [
      'places cut from 10 to 1: the two latest go',
      {},
      { sessions: SETTINGS.sessions.map((s) => ({ ...s, places: 1 })) },
      ['places_reduced', 'places_reduced'],
    ],
    ['bookings turned off', {}, null, ['booking_off', 'booking_off', 'booking_off']],
    ['nothing changed', {}, {}, []],
  ];
  it.each(strand)('When %s, then %j', (_name, siteOver, settings, reasons) => {
    const list = [1, 2, 3].map((n) => booking({ date: tuesday, createdAt: n, id: `s${n}` }));
    const service = makeService('ktp', {
      booking: settings === null ? null : { ...SETTINGS, ...settings },
    });
    const stranded = strandedBookings(makeSite(siteOver), service, list);
    expect(stranded.map((s) => s.reason)).toEqual(reasons);
    if (_name.startsWith('places')) expect(stranded.map((s) => s.booking.id)).toEqual(['s3', 's2']);
  });

  it('When a holiday strands a booking, then the reason carries its name', () => {
    const service = makeService('ktp', { booking: { ...SETTINGS, daysAhead: 30 } });
    const [first] = strandedBookings(site, service, [booking({ date: NYEPI })]);
    expect(first).toMatchObject({ reason: 'holiday', detail: 'Hari Suci Nyepi' });
  });
});

describe('online-only hours', () => {
  const service = makeService('ktp', {
    booking: { ...SETTINGS, onlineOnly: [{ open: '08:00', close: '10:00' }] },
  });
  it.each([
    ['07:59', null],
    ['08:00', '10:00'],
    ['09:59', '10:00'],
    ['10:00', null],
  ])('When a walk-in comes at %s, then refused until %s', (time, until) => {
    expect(walkInRefusedUntil(site, service, at(time))).toBe(until);
  });
});
