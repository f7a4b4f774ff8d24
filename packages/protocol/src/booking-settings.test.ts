import { describe, expect, it } from 'vitest';
import { BookingSettingsSchema, CreateBookingBodySchema } from './index';

const settings = {
  sessions: [
    { id: 'pagi', start: '08:00', end: '10:00', places: 10 },
    { id: 'siang', start: '10:00', end: '12:00', places: 10 },
  ],
  daysAhead: 14,
  cutoff: { kind: 'day_before', at: '16:00' },
  onlineOnly: [],
  checkInEarlyMinutes: 30,
  checkInLateMinutes: 15,
  lateArrival: 'refuse',
  ticketMark: 'B',
  closedDates: [],
};

describe('booking settings', () => {
  it('When sessions follow each other, then they are accepted', () => {
    expect(BookingSettingsSchema.safeParse(settings).success).toBe(true);
  });
  it.each([
    [
      'overlapping sessions',
      { sessions: [settings.sessions[0], { id: 'x', start: '09:30', end: '11:00', places: 5 }] },
    ],
    [
      'two sessions with one id',
      { sessions: [settings.sessions[0], { ...settings.sessions[1], id: 'pagi' }] },
    ],
    [
      'a session that ends before it starts',
      { sessions: [{ id: 'a', start: '10:00', end: '09:00', places: 1 }] },
    ],
    ['no places', { sessions: [{ id: 'a', start: '08:00', end: '09:00', places: 0 }] }],
    ['a lowercase mark', { ticketMark: 'b' }],
    [
      'a closed date named with a bidi override',
      { closedDates: [{ date: '2026-12-25', name: 'Natal\u202e' }] },
    ],
  ])('When %s, then refused', (_name, change) => {
    expect(BookingSettingsSchema.safeParse({ ...settings, ...change }).success).toBe(false);
  });
});

describe('a booking request', () => {
  const body = {
    serviceId: 'ktp',
    date: '2026-12-07',
    sessionId: 'pagi',
    nik: '7371011708850001',
    name: 'Siti Aminah',
  };
  it('When a phone is given without consent, then refused on consent', () => {
    const parsed = CreateBookingBodySchema.safeParse({ ...body, phone: '081234567890' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['consent']);
  });
  it('When a phone is given with consent, then accepted', () => {
    expect(
      CreateBookingBodySchema.safeParse({ ...body, phone: '081234567890', consent: true }).success,
    ).toBe(true);
  });
});
