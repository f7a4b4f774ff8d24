import { describe, expect, it } from 'vitest';
import type { Service, Site } from './building';
import type { Availability, ClosedReason } from './schedule';
import { serviceAvailability } from './schedule';
import { DAY, FRIDAY, NYEPI, at, makeService, makeSite } from './testing/test-building';

const SATURDAY = '2026-03-07';
const SUNDAY = '2026-03-08';

/** [case, now, expected, site and service overrides, tickets already issued today]. */
type Case = [string, number, Availability, Setup?];
interface Setup {
  site?: Partial<Site>;
  service?: Partial<Service>;
  issued?: number;
}

const openUntil = (closesAt: string, onBreakUntil: string | null = null): Availability => ({
  open: true,
  closesAt,
  onBreakUntil,
});
const closed = (
  reason: ClosedReason,
  opensAt: string | null = null,
  detail: string | null = null,
): Availability => ({ open: false, reason, detail, opensAt });

const inactive = { service: { active: false } };
const quota = (dailyQuota: number, issued: number): Setup => ({ service: { dailyQuota }, issued });
const nineToNoon = { service: { hours: { mon: { open: '09:00', close: '12:00' } } } };
const wideHours = { service: { hours: { mon: { open: '06:00', close: '20:00' } } } };
const serviceOn = (day: 'mon' | 'tue' | 'sun', open: string, close: string): Setup => ({
  service: { hours: { [day]: { open, close } } },
});
const noMonday = { site: { hours: { mon: null } } };
const noPrayerBreak = { site: { fridayPrayerBreak: null } };

const cases: Case[] = [
  ['when a weekday morning, then open until 16:00', at('09:00'), openUntil('16:00')],
  [
    'when the service is inactive, then inactive in hours',
    at('09:00'),
    closed('inactive'),
    inactive,
  ],
  [
    'when inactive on a holiday, then inactive wins',
    at('09:00', NYEPI),
    closed('inactive'),
    inactive,
  ],
  [
    'when a holiday, then holiday with its name',
    at('09:00', NYEPI),
    closed('holiday', null, 'Hari Suci Nyepi'),
  ],
  ['when a Sunday, then closed today', at('09:00', SUNDAY), closed('closed_today')],
  ['when a day is null, then closed today', at('09:00'), closed('closed_today'), noMonday],
  ['when a Saturday morning, then open until 12:00', at('10:00', SATURDAY), openUntil('12:00')],
  ['when 07:59, then not yet open, opening 08:00', at('07:59'), closed('not_yet_open', '08:00')],
  [
    'when 07:59:59.999, then still not yet open',
    at('07:59') + 59_999,
    closed('not_yet_open', '08:00'),
  ],
  ['when exactly 08:00, then open', at('08:00'), openUntil('16:00')],
  ['when 15:59:59.999, then still open', at('15:59') + 59_999, openUntil('16:00')],
  ['when exactly 16:00, then closed for the day', at('16:00'), closed('closed_for_day')],
  ['when late evening, then closed for the day', at('22:00'), closed('closed_for_day')],
  [
    'when 00:00 the next day, then not yet open',
    at('00:00', '2026-03-03'),
    closed('not_yet_open', '08:00'),
  ],
  ['when a Friday, then open until 16:30', at('09:00', FRIDAY), openUntil('16:30')],
  ['when 11:29 on Friday, then not yet on break', at('11:29', FRIDAY), openUntil('16:30')],
  [
    'when 11:30 on Friday, then on break until 13:00',
    at('11:30', FRIDAY),
    openUntil('16:30', '13:00'),
  ],
  [
    'when 12:59 on Friday, then on break until 13:00',
    at('12:59', FRIDAY),
    openUntil('16:30', '13:00'),
  ],
  ['when 13:00 on Friday, then the break is over', at('13:00', FRIDAY), openUntil('16:30')],
  ['when 11:30 on Monday, then no prayer break', at('11:30'), openUntil('16:00')],
  [
    'when no prayer break is set, then Friday noon is open',
    at('12:00', FRIDAY),
    openUntil('16:30'),
    noPrayerBreak,
  ],
  ['when 99 of 100 issued, then open', at('09:00'), openUntil('16:00'), quota(100, 99)],
  [
    'when 100 of 100 issued, then quota reached',
    at('09:00'),
    closed('quota_reached', null, '100'),
    quota(100, 100),
  ],
  [
    'when 7 of 3 issued, then quota reached',
    at('09:00'),
    closed('quota_reached', null, '3'),
    quota(3, 7),
  ],
  [
    'when the quota is 0, then quota reached at once',
    at('09:00'),
    closed('quota_reached', null, '0'),
    quota(0, 0),
  ],
  ['when no quota and 5000 issued, then open', at('09:00'), openUntil('16:00'), { issued: 5000 }],
  [
    'when quota reached after closing, then closed for the day',
    at('17:00'),
    closed('closed_for_day'),
    quota(1, 1),
  ],
  [
    'when quota reached before opening, then not yet open',
    at('07:00'),
    closed('not_yet_open', '08:00'),
    quota(1, 1),
  ],
  // A service's own hours are narrowed to the building's.
  [
    'when the service opens at 09:00, then 08:30 is not yet open',
    at('08:30'),
    closed('not_yet_open', '09:00'),
    nineToNoon,
  ],
  [
    'when the service closes at 12:00, then it closes at 12:00',
    at('11:00'),
    openUntil('12:00'),
    nineToNoon,
  ],
  [
    'when 12:00 for a noon service, then closed for the day',
    at('12:00'),
    closed('closed_for_day'),
    nineToNoon,
  ],
  [
    'when the service opens before the site, then the site opening rules',
    at('07:00'),
    closed('not_yet_open', '08:00'),
    wideHours,
  ],
  [
    'when the service closes after the site, then it closes with the site',
    at('10:00'),
    openUntil('16:00'),
    wideHours,
  ],
  [
    'when the service has no hours today, then closed today',
    at('09:00'),
    closed('closed_today'),
    serviceOn('tue', '08:00', '12:00'),
  ],
  [
    'when only the service opens on Sunday, then closed today',
    at('09:00', SUNDAY),
    closed('closed_today'),
    serviceOn('sun', '08:00', '12:00'),
  ],
  [
    'when service and site hours do not overlap, then closed today',
    at('09:00'),
    closed('closed_today'),
    serviceOn('mon', '17:00', '19:00'),
  ],
];

describe('serviceAvailability', () => {
  it.each(cases)('%s', (_case, now, expected, setup = {}) => {
    const site = makeSite(setup.site);
    const service = makeService('ktp', setup.service);
    expect(serviceAvailability(site, service, setup.issued ?? 0, now)).toEqual(expected);
  });

  it('when WITA closes at 16:00, then a WIB site with the same hours is still open at that instant', () => {
    const instant = at('16:00');
    const service = makeService('ktp');
    expect(serviceAvailability(makeSite(), service, 0, instant).open).toBe(false);
    expect(serviceAvailability(makeSite({ timezone: 'WIB' }), service, 0, instant)).toEqual(
      openUntil('16:00'),
    );
  });

  it('when the holiday list names another day, then today is not a holiday', () => {
    const site = makeSite({ holidays: [{ date: '2026-03-03', name: 'Besok' }] });
    expect(serviceAvailability(site, makeService('ktp'), 0, at('09:00', DAY)).open).toBe(true);
  });
});
