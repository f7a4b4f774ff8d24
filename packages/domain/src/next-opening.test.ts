import { describe, expect, it } from 'vitest';
import type { Service, Site } from './building';
import { nextOpening } from './next-opening';
import { DAY, FRIDAY, NYEPI, at, makeService, makeSite } from './testing/test-building';

// [case, now, expected "date time" or null, service overrides, site overrides]
type Case = [string, number, string | null, Partial<Service>?, Partial<Site>?];

const cases: Case[] = [
  ['when before opening, then today at the opening time', at('07:00'), `${DAY} 08:00`],
  ['when open now, then the next day', at('09:00'), '2026-03-03 08:00'],
  ['when after closing, then the next day', at('17:00'), '2026-03-03 08:00'],
  [
    'when Saturday afternoon, then Monday (Sunday is closed)',
    at('13:00', '2026-03-07'),
    '2026-03-09 08:00',
  ],
  [
    'when the next day is a holiday, then the day after it',
    at('17:00', '2026-03-18'),
    '2026-03-20 08:00',
  ],
  [
    'when the service opens later than the building, then its own time',
    at('17:00'),
    '2026-03-03 09:30',
    { hours: { tue: { open: '09:30', close: '12:00' } } },
  ],
  [
    'when the service keeps no hours on a weekday, then it skips that day',
    at('17:00'),
    '2026-03-04 08:00',
    { hours: { wed: { open: '08:00', close: '12:00' } } },
  ],
  ['when the service is inactive, then never', at('07:00'), null, { active: false }],
  ['when the building has no hours at all, then never', at('07:00'), null, {}, { hours: {} }],
];

describe('nextOpening', () => {
  it.each(cases)('%s', (_name, now, expected, service = {}, site = {}) => {
    const opening = nextOpening(makeSite(site), makeService('ktp', service), now);
    expect(opening ? `${opening.date} ${opening.time}` : null).toBe(expected);
    if (opening) expect(opening.at).toBe(at(opening.time, opening.date));
  });

  it('when asked for the building, then its own hours count', () => {
    expect(nextOpening(makeSite(), null, at('17:00', FRIDAY))?.date).toBe('2026-03-07');
    expect(nextOpening(makeSite(), null, at('17:00', '2026-03-18'))?.date).not.toBe(NYEPI);
  });
});
