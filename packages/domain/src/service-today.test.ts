import { describe, expect, it } from 'vitest';
import type { DayHours } from './building';
import { callNext } from './call-commands';
import { pauseCounter } from './counter-commands';
import type { TransferRequest } from './requeue-commands';
import { transfer } from './requeue-commands';
import { checkTransferTarget, serviceToday } from './service-today';
import { FRIDAY, at, makeBuilding, makeCounter, makeService } from './testing/test-building';
import { TestQueue, codeOf } from './testing/test-queue';

const toPajak: TransferRequest = { toServiceId: 'pajak', note: '', position: 'arrival' };
const weekdays = (hours: DayHours | null) => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
});

interface Case {
  pajak?: Parameters<typeof makeService>[1];
  /** Local time of the transfer; Monday unless `friday`. */
  time?: string;
  friday?: boolean;
  pausePajak?: boolean;
  openPajak?: boolean;
}

/** A-001 called at loket1 (KTP), then sent to Samsat's pajak at `time`. */
function transferAt(c: Case) {
  const services = [
    makeService('ktp', { prefix: 'A' }),
    makeService('pajak', { agencyId: 'samsat', prefix: 'S', ...c.pajak }),
  ];
  const counters = [
    makeCounter('loket1', ['ktp']),
    makeCounter('loket7', ['pajak'], { agencyId: 'samsat', zoneId: 'lantai-2' }),
  ];
  const start = c.friday ? at('08:30', FRIDAY) : at('08:30');
  const q = new TestQueue(makeBuilding({ services, counters }), start).open('loket1');
  if (c.openPajak !== false) q.open('loket7');
  if (c.pausePajak) q.must((ctx) => pauseCounter(ctx, 'loket7', 'Salat'));
  const t = q.issue('ktp');
  q.must((ctx) => callNext(ctx, 'loket1'));
  q.now = c.friday ? at(c.time ?? '09:00', FRIDAY) : at(c.time ?? '09:00');
  return { q, t, today: serviceToday(q.index, q.state, 'pajak', q.now)! };
}

describe('transfer to a service that serves no one else today', () => {
  it.each<[string, string, string | null, Case]>([
    ['it is open with a counter open', 'ok', null, {}],
    ['the building has closed for the day', 'service_closed', 'closed_for_day', { time: '16:10' }],
    [
      'its own hours ended at 12:00',
      'service_closed',
      'closed_for_day',
      { time: '13:00', pajak: { hours: weekdays({ open: '08:00', close: '12:00' }) } },
    ],
    [
      'it has no hours on Mondays',
      'service_closed',
      'closed_today',
      { pajak: { hours: { ...weekdays({ open: '08:00', close: '12:00' }), mon: null } } },
    ],
  ])('when %s, then the answer is %s (%s) and loket1 keeps the ticket', (_c, code, reason, c) => {
    const { q, t, today } = transferAt(c);
    const check = checkTransferTarget(today);
    expect(check.allowed ? null : check.reason).toBe(reason);
    const result = q.run((ctx) => transfer(ctx, 'loket1', toPajak));
    expect(codeOf(result)).toBe(code);
    if (code === 'ok') return expect(q.ticket(t.id).serviceId).toBe('pajak');
    expect(result.ok ? '' : result.error.message).toContain(reason);
    expect([q.ticket(t.id).status, q.holding('loket1')]).toEqual(['called', t.id]);
  });
});

describe('transfer to a service that serves later today', () => {
  it.each<[string, string, Case]>([
    ['the Friday prayer break is on', 'on_break', { friday: true, time: '12:00' }],
    ['its only counter is paused', 'counters_paused', { pausePajak: true }],
    [
      'it opens at 10:00',
      'opens_later',
      { pajak: { hours: weekdays({ open: '10:00', close: '14:00' }) } },
    ],
    ['no counter of it is open yet', 'no_counter_open', { openPajak: false }],
    ['its quota of new numbers is used up', 'none', { pajak: { dailyQuota: 0 } }],
  ])('when %s, then it is allowed with the warning %s', (_c, warning, c) => {
    const { q, t, today } = transferAt(c);
    expect(checkTransferTarget(today)).toEqual({
      allowed: true,
      warning: warning === 'none' ? null : warning,
    });
    q.must((ctx) => transfer(ctx, 'loket1', toPajak));
    expect(q.ticket(t.id)).toMatchObject({ status: 'waiting', serviceId: 'pajak' });
  });

  it('when a service opens later today, then its opening time and counters are told', () => {
    const { today } = transferAt({
      pajak: { hours: weekdays({ open: '10:00', close: '14:00' }) },
      pausePajak: true,
    });
    expect(today).toEqual({
      hours: 'later_today',
      closedReason: null,
      opensAt: '10:00',
      onBreakUntil: null,
      openCounters: 0,
      pausedCounters: 1,
    });
  });
});
