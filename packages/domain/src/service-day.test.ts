import { describe, expect, it } from 'vitest';
import type { TimezoneCode } from './building';
import { clockMinutes, epochOf, formatClock, localMoment, serviceDay } from './service-day';

const utc = (iso: string): number => Date.parse(iso);

describe('localMoment', () => {
  const read = (now: number, zone: TimezoneCode): string => {
    const m = localMoment(now, zone);
    return `${m.date} ${m.weekday} ${formatClock(m.minutes)}`;
  };

  it.each([
    ['00:30:00 UTC', 'WIB', '2026-03-02T00:30:00Z', '2026-03-02 mon 07:30'],
    ['00:30:00 UTC', 'WITA', '2026-03-02T00:30:00Z', '2026-03-02 mon 08:30'],
    ['00:30:00 UTC', 'WIT', '2026-03-02T00:30:00Z', '2026-03-02 mon 09:30'],
    ['16:59:59 UTC', 'WIB', '2026-03-01T16:59:59Z', '2026-03-01 sun 23:59'],
    ['17:00:00 UTC', 'WIB', '2026-03-01T17:00:00Z', '2026-03-02 mon 00:00'],
    ['15:59:59 UTC', 'WITA', '2026-03-01T15:59:59Z', '2026-03-01 sun 23:59'],
    ['16:00:00 UTC', 'WITA', '2026-03-01T16:00:00Z', '2026-03-02 mon 00:00'],
    ['14:59:59 UTC', 'WIT', '2026-03-01T14:59:59Z', '2026-03-01 sun 23:59'],
    ['15:00:00 UTC', 'WIT', '2026-03-01T15:00:00Z', '2026-03-02 mon 00:00'],
    ['a Thursday 20:00 UTC', 'WITA', '2026-03-05T20:00:00Z', '2026-03-06 fri 04:00'],
    ["New Year's Eve 16:00 UTC", 'WITA', '2026-12-31T16:00:00Z', '2027-01-01 fri 00:00'],
    ['28 Feb 2028 15:00 UTC', 'WIT', '2028-02-28T15:00:00Z', '2028-02-29 tue 00:00'],
    ['00:59:59.999 UTC', 'WIB', '2026-03-02T00:59:59.999Z', '2026-03-02 mon 07:59'],
    ['00:59:59.999 UTC', 'WITA', '2026-03-02T00:59:59.999Z', '2026-03-02 mon 08:59'],
    ['00:59:59.999 UTC', 'WIT', '2026-03-02T00:59:59.999Z', '2026-03-02 mon 09:59'],
  ] as const)('when it is %s in %s (%s), then local is %s', (_label, zone, iso, local) => {
    expect(read(utc(iso), zone)).toBe(local);
  });
});

describe('serviceDay at the day boundary in WITA', () => {
  const cases: [string, string, string][] = [
    [
      'when it is 23:59:59 local, then the service day is still Monday',
      '2026-03-02T15:59:59Z',
      '2026-03-02',
    ],
    [
      'when it is 23:59:59.999 local, then the service day is still Monday',
      '2026-03-02T15:59:59.999Z',
      '2026-03-02',
    ],
    [
      'when it is exactly 00:00:00 local, then the service day is Tuesday',
      '2026-03-02T16:00:00Z',
      '2026-03-03',
    ],
    [
      'when it is 00:00:01 local, then the service day is Tuesday',
      '2026-03-02T16:00:01Z',
      '2026-03-03',
    ],
    [
      'when it is 07:59 local (23:59 UTC the day before), then the service day is local',
      '2026-03-02T23:59:00Z',
      '2026-03-03',
    ],
  ];
  it.each(cases)('%s', (_case, iso, day) => {
    expect(serviceDay(utc(iso), 'WITA')).toBe(day);
  });

  it('when the same instant is read in each zone, then only the zones past midnight change day', () => {
    const instant = utc('2026-03-02T16:30:00Z');
    expect(serviceDay(instant, 'WIB')).toBe('2026-03-02');
    expect(serviceDay(instant, 'WITA')).toBe('2026-03-03');
    expect(serviceDay(instant, 'WIT')).toBe('2026-03-03');
  });
});

describe('epochOf', () => {
  it.each([
    ['WIB', '2026-03-02', '07:30', '2026-03-02T00:30:00Z'],
    ['WITA', '2026-03-02', '07:30', '2026-03-01T23:30:00Z'],
    ['WIT', '2026-03-02', '07:30', '2026-03-01T22:30:00Z'],
    ['WITA', '2026-03-02', '00:00', '2026-03-01T16:00:00Z'],
    ['WITA', '2026-03-02', '23:59', '2026-03-02T15:59:00Z'],
  ] as const)('when %s %s %s is asked, then it is %s', (zone, date, time, iso) => {
    expect(epochOf(date, time, zone)).toBe(utc(iso));
  });

  const zones: TimezoneCode[] = ['WIB', 'WITA', 'WIT'];
  const times = ['00:00', '00:01', '07:30', '12:00', '16:00', '23:59'];
  it.each(zones.flatMap((zone) => times.map((time) => [zone, time] as const)))(
    'when %s %s goes to epoch and back, then the same day and minute come out',
    (zone, time) => {
      const moment = localMoment(epochOf('2026-03-06', time, zone), zone);
      expect(moment.date).toBe('2026-03-06');
      expect(moment.weekday).toBe('fri');
      expect(formatClock(moment.minutes)).toBe(time);
    },
  );
});

describe('clock times', () => {
  it.each([
    ['00:00', 0],
    ['07:30', 450],
    ['11:30', 690],
    ['16:00', 960],
    ['23:59', 1439],
  ])('when %s is read, then it is %i minutes after midnight, and back', (time, minutes) => {
    expect(clockMinutes(time)).toBe(minutes);
    expect(formatClock(minutes)).toBe(time);
  });
});
