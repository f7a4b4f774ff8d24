import type { RegionLive, RegionLiveBuilding } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { regionToday } from './region-today';

const open = (key: string, serviceDay: string): RegionLiveBuilding => ({
  key,
  hub: { state: 'active', holder: 'h', epoch: 1 },
  available: true,
  name: key,
  timezone: 'WIB',
  serviceDay,
  dayOpen: true,
  waitingNow: 0,
  longestWaitMinutes: null,
  servedToday: 0,
  noShowToday: 0,
  issuedToday: 0,
  countersOpen: 0,
  countersPaused: 0,
});
const unreadable = (key: string): RegionLiveBuilding => ({
  key,
  hub: { state: 'none', since: 0, lastHolder: 'h' },
  available: false,
  reason: 'unreadable',
});
// 23 November 2026, 23:30 WIB (16:30 UTC): already the 24th in WITA.
const AT = Date.parse('2026-11-23T16:30:00Z');
const live = (...buildings: RegionLiveBuilding[]): RegionLive => ({ at: AT, buildings });

describe('the region’s today', () => {
  it.each([
    ['one building', live(open('a', '2026-11-23')), '2026-11-23'],
    [
      'a WIB and a WITA building near midnight: the later day',
      live(open('a', '2026-11-23'), open('b', '2026-11-24')),
      '2026-11-24',
    ],
    [
      'an unreadable building is skipped',
      live(unreadable('x'), open('a', '2026-11-23')),
      '2026-11-23',
    ],
    ['no building read: the reading’s day in WIB', live(unreadable('x')), '2026-11-23'],
    ['no building at all', live(), '2026-11-23'],
  ])('when %s, then today is the day asked of reports', (_case, reading, today) => {
    expect(regionToday(reading)).toBe(today);
  });
});
