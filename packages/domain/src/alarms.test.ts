import { describe, expect, it } from 'vitest';
import type { Booking } from './booking';
import type { Alarm, AlarmInput, AlarmThresholds } from './alarms';
import { DEFAULT_ALARM_THRESHOLDS, evaluateAlarms } from './alarms';
import { checkInTicket, decideCheckIn } from './booking-check-in';
import { callNext } from './call-commands';
import { closeCounter, pauseCounter } from './counter-commands';
import { applyChange } from './queue-state';
import { SETTINGS } from './testing/test-booking';
import { DAY, FRIDAY, at, makeBuilding, makeService } from './testing/test-building';
import { TestQueue } from './testing/test-queue';

// The test building: ktp and kk (Disdukcapil, target 30 minutes) at loket1 (both) and
// loket2 (ktp), pajak (Samsat) at loket7, bpjs served by no counter. Open 08:00-16:00.

const SECOND = 1000;

type Overrides = Omit<Partial<AlarmInput>, 'thresholdsFor'> & {
  thresholds?: Record<string, Partial<AlarmThresholds>>;
};

function evaluate(q: TestQueue, over: Overrides = {}): Alarm[] {
  const { thresholds = {}, ...rest } = over;
  return evaluateAlarms({
    index: q.index,
    state: q.state,
    now: q.now,
    thresholdsFor: (serviceId) => ({ ...DEFAULT_ALARM_THRESHOLDS, ...thresholds[serviceId] }),
    pauseLimitMinutes: 30,
    printerAlerts: [],
    ...rest,
  });
}

const keys = (alarms: Alarm[]) => alarms.map((a) => a.key);

function issueMany(q: TestQueue, serviceId: string, count: number): void {
  for (let i = 0; i < count; i++) q.issue(serviceId);
}

const pause = (q: TestQueue, counterId: string) =>
  q.must((ctx) => pauseCounter(ctx, counterId, 'Istirahat'));

/** Both KTP counters open at 09:00, so only the case's own cause can raise an alarm. */
const staffed = (q: TestQueue) => q.open('loket1', 'loket2');

type Case = [string, string[], (q: TestQueue) => void, Overrides?];

const cases: Case[] = [
  ['no one waits, BPJS has no counter and no counter has opened', [], () => {}],
  [
    'a KTP visitor has waited 39 minutes (target 30 + 10)',
    [],
    (q) => {
      staffed(q).issue('ktp');
      q.now = at('09:39');
    },
  ],
  [
    'a KTP visitor has waited exactly 40 minutes',
    [],
    (q) => {
      staffed(q).issue('ktp');
      q.now = at('09:40');
    },
  ],
  [
    'a KTP visitor has waited 40 minutes and a second',
    ['wait_over_target:ktp'],
    (q) => {
      staffed(q).issue('ktp');
      q.now = at('09:40') + SECOND;
    },
  ],
  [
    'KTP allows no minutes past its target and a visitor waited 31',
    ['wait_over_target:ktp'],
    (q) => {
      staffed(q).issue('ktp');
      q.now = at('09:31');
    },
    { thresholds: { ktp: { waitOverTargetMinutes: 0 } } },
  ],
  [
    'the visitor who waited longest has been called',
    [],
    (q) => {
      staffed(q).issue('ktp');
      q.advance(5).issue('ktp');
      q.must((ctx) => callNext(ctx, 'loket2'));
      q.now = at('09:41');
    },
  ],
  [
    'a priority visitor has waited 41 minutes',
    ['wait_over_target:ktp'],
    (q) => {
      staffed(q).issue('ktp', 'elderly');
      q.now = at('09:41');
    },
  ],
  ['30 wait for KTP', [], (q) => issueMany(staffed(q), 'ktp', 30)],
  ['31 wait for KTP', ['too_many_waiting:ktp'], (q) => issueMany(staffed(q), 'ktp', 31)],
  [
    'KK allows 2 waiting and 3 wait for KK and 3 for KTP',
    ['too_many_waiting:kk'],
    (q) => {
      issueMany(staffed(q), 'kk', 3);
      issueMany(q, 'ktp', 3);
    },
    { thresholds: { kk: { maxWaiting: 2 } } },
  ],
  [
    'loket2 has been paused exactly 30 minutes',
    [],
    (q) => {
      pause(staffed(q), 'loket2');
      q.now = at('09:30');
    },
  ],
  [
    'loket2 has been paused 30 minutes and a second',
    ['counter_paused_long:loket2'],
    (q) => {
      pause(staffed(q), 'loket2');
      q.now = at('09:30') + SECOND;
    },
  ],
  [
    'loket2 has been closed for three hours',
    [],
    (q) => {
      staffed(q).must((ctx) => closeCounter(ctx, 'loket2'));
      q.now = at('12:00');
    },
  ],
  [
    'loket2 was paused at 15:50 and the building closed at 16:00',
    [],
    (q) => {
      q.now = at('15:50');
      pause(staffed(q), 'loket2');
      q.now = at('16:30');
    },
  ],
  ['a KTP visitor waits and no counter has opened', ['no_open_counter:ktp'], (q) => q.issue('ktp')],
  ['a KTP visitor waits and one of its counters is open', [], (q) => q.open('loket1').issue('ktp')],
  [
    'a KTP visitor waits and both its counters are paused',
    ['no_open_counter:ktp'],
    (q) => {
      pause(staffed(q), 'loket1');
      pause(q, 'loket2');
      q.issue('ktp');
    },
  ],
  [
    'a KTP visitor waits, loket1 is paused and loket2 open',
    [],
    (q) => {
      pause(staffed(q), 'loket1');
      q.issue('ktp');
    },
  ],
  [
    'a KTP visitor waits and only Samsat’s loket7 is open',
    ['no_open_counter:ktp'],
    (q) => q.open('loket7').issue('ktp'),
  ],
  [
    'a BPJS visitor waits and no counter serves BPJS',
    ['no_open_counter:bpjs'],
    (q) => staffed(q).issue('bpjs'),
  ],
  [
    '31 wait for KTP since 15:00, no counter is open, loket7 is paused, and it is 16:30',
    [],
    (q) => {
      q.now = at('15:00');
      q.open('loket7');
      pause(q, 'loket7');
      issueMany(q, 'ktp', 31);
      q.now = at('16:30');
    },
  ],
];

describe('evaluateAlarms', () => {
  it.each(cases)('when %s, then %j', (_name, expected, arrange, over) => {
    const q = new TestQueue(makeBuilding(), at('09:00'));
    arrange(q);
    expect(keys(evaluate(q, over))).toEqual(expected);
  });
});

describe('a service that serves no one now', () => {
  it('when KK closes at 12:00 with visitors still waiting, then it raises nothing', () => {
    const kkMorning = { open: '08:00', close: '12:00' };
    const services = [
      makeService('ktp', { prefix: 'A' }),
      makeService('kk', { prefix: 'B', hours: { mon: kkMorning } }),
    ];
    const q = new TestQueue(makeBuilding({ services }), at('11:00'));
    issueMany(q, 'kk', 31);
    q.now = at('12:00');
    expect(evaluate(q)).toEqual([]);
    q.now = at('11:59');
    expect(keys(evaluate(q))).toEqual([
      'wait_over_target:kk',
      'too_many_waiting:kk',
      'no_open_counter:kk',
    ]);
  });

  it('when its quota of new numbers is used up, then those waiting still raise alarms', () => {
    const services = [makeService('ktp', { prefix: 'A', dailyQuota: 1 })];
    const q = new TestQueue(makeBuilding({ services }), at('09:00'));
    q.issue('ktp');
    q.now = at('09:41');
    expect(keys(evaluate(q))).toEqual(['wait_over_target:ktp', 'no_open_counter:ktp']);
  });
});

describe('the Friday prayer break', () => {
  it('when no counter is open during the break, then no one is told', () => {
    const q = new TestQueue(makeBuilding(), at('11:40', FRIDAY));
    q.issue('ktp');
    q.now = at('12:00', FRIDAY);
    expect(evaluate(q)).toEqual([]);
    q.now = at('13:00', FRIDAY);
    expect(keys(evaluate(q))).toEqual(['wait_over_target:ktp', 'no_open_counter:ktp']);
  });

  it.each([
    ['13:15', 'paused 10 minutes before and 15 after', []],
    ['13:20', 'paused exactly 30 minutes outside it', []],
    ['13:21', 'paused 31 minutes outside it', ['counter_paused_long:loket2']],
  ])('when it is %s, %s, then %j', (time, _name, expected) => {
    const q = new TestQueue(makeBuilding(), at('11:20', FRIDAY)).open('loket1', 'loket2');
    pause(q, 'loket2');
    q.now = at(time, FRIDAY);
    expect(keys(evaluate(q))).toEqual(expected);
  });
});

/** A visitor booked KTP's 09:00 session and checks in at `checkIn`. */
function bookedQueue(checkIn: string): TestQueue {
  const services = [makeService('ktp', { prefix: 'A', booking: SETTINGS })];
  const q = new TestQueue(makeBuilding({ services }), at(checkIn)).open('loket2');
  const booking: Booking = {
    id: 'b1',
    code: 'BK1',
    serviceId: 'ktp',
    date: DAY,
    sessionId: 'pagi',
    sessionStart: at('09:00'),
    sessionEnd: at('10:00'),
    nikHash: 'hash',
    nikLast4: '0001',
    status: 'booked',
    createdAt: 1,
    ticketId: null,
    cancelReason: null,
  };
  const place = decideCheckIn(q.index.site, SETTINGS, booking, q.now);
  if (!place.ok) throw new Error(place.error.code);
  const ticket = { booking, place: place.value, ticketId: 'online', code: 'c-online' };
  const change = checkInTicket(q.ctx(), { ...ticket, needsPrint: false });
  if (!change) throw new Error('no ticket');
  q.state = applyChange(q.state, change);
  return q;
}

describe('a booked visitor', () => {
  it.each([
    ['checks in at 08:40 and it is 09:40', [], '08:40', '09:40'],
    ['checks in at 08:40 and it is 09:40:01', ['wait_over_target:ktp'], '08:40', '09:40:01'],
    ['checks in late at 09:10 and it is 09:50', [], '09:10', '09:50'],
    ['checks in late at 09:10 and it is 09:51', ['wait_over_target:ktp'], '09:10', '09:51'],
  ])('when the visitor %s, then %j', (_name, expected, checkIn, time) => {
    const q = bookedQueue(checkIn);
    q.now = at(time.slice(0, 5)) + Number(time.slice(6) || 0) * SECOND;
    expect(keys(evaluate(q))).toEqual(expected);
  });

  it('when the wait is over, then it counts from the session start', () => {
    const q = bookedQueue('08:40');
    q.now = at('09:45');
    expect(evaluate(q)[0]).toMatchObject({
      since: at('09:30'),
      detail: { minutes: 45, target: 30, ticketLabel: 'A-B001' },
    });
  });
});

describe('what an alarm tells', () => {
  it('when a priority visitor has waited longest, then the wait is theirs', () => {
    const q = new TestQueue(makeBuilding(), at('09:00')).open('loket1', 'loket2');
    const elderly = q.issue('ktp', 'elderly');
    q.advance(10).issue('ktp');
    q.now = at('09:45');
    expect(evaluate(q)).toEqual([
      {
        key: 'wait_over_target:ktp',
        kind: 'wait_over_target',
        agencyId: 'disdukcapil',
        subjectId: 'ktp',
        since: at('09:30'),
        detail: {
          serviceName: 'Layanan ktp',
          waiting: 2,
          minutes: 45,
          target: 30,
          ticketLabel: elderly.label,
        },
      },
    ]);
  });

  it('when a regular visitor came before a priority one, then the wait is the regular one’s', () => {
    const q = new TestQueue(makeBuilding(), at('09:00')).open('loket1', 'loket2');
    const first = q.issue('ktp');
    q.advance(20).issue('ktp', 'pregnant');
    q.now = at('09:41');
    expect(evaluate(q)[0]?.detail).toMatchObject({ minutes: 41, ticketLabel: first.label });
  });

  it('when Samsat’s counter is paused too long, then Samsat’s supervisor is told why', () => {
    const q = new TestQueue(makeBuilding(), at('09:00')).open('loket7');
    q.must((ctx) => pauseCounter(ctx, 'loket7', 'Salat'));
    q.now = at('09:45');
    expect(evaluate(q)).toEqual([
      {
        key: 'counter_paused_long:loket7',
        kind: 'counter_paused_long',
        agencyId: 'samsat',
        subjectId: 'loket7',
        since: at('09:00'),
        detail: { counterName: 'Loket loket7', reason: 'Salat', minutes: 45, limit: 30 },
      },
    ]);
  });

  it('when too many wait and no counter is open, then both say how many', () => {
    const q = new TestQueue(makeBuilding(), at('09:00')).open('loket7');
    q.must((ctx) => pauseCounter(ctx, 'loket7', 'Rapat'));
    issueMany(q, 'pajak', 3);
    const alarms = evaluate(q, { thresholds: { pajak: { maxWaiting: 2 } } });
    expect(alarms.map((a) => [a.kind, a.agencyId, a.since, a.detail])).toEqual([
      ['too_many_waiting', 'samsat', q.now, { serviceName: 'Layanan pajak', waiting: 3, max: 2 }],
      [
        'no_open_counter',
        'samsat',
        q.now,
        { serviceName: 'Layanan pajak', waiting: 3, pausedCounters: 1 },
      ],
    ]);
  });

  it('when a printer reports two alerts, then each is an alarm of its own', () => {
    const q = new TestQueue(makeBuilding(), at('09:00'));
    const kiosk = { deviceId: 'kiosk-1', deviceName: 'Kiosk lobi', agencyId: null };
    const printerAlerts = [
      { ...kiosk, alert: 'paper_out', since: at('08:50') },
      { ...kiosk, alert: 'cover_open', since: at('08:55') },
    ];
    expect(evaluate(q, { printerAlerts })).toEqual([
      {
        key: 'printer:kiosk-1:cover_open',
        kind: 'printer',
        agencyId: null,
        subjectId: 'kiosk-1',
        since: at('08:55'),
        detail: { deviceName: 'Kiosk lobi', alert: 'cover_open' },
      },
      {
        key: 'printer:kiosk-1:paper_out',
        kind: 'printer',
        agencyId: null,
        subjectId: 'kiosk-1',
        since: at('08:50'),
        detail: { deviceName: 'Kiosk lobi', alert: 'paper_out' },
      },
    ]);
  });
});

describe('one evaluation after another', () => {
  /** At 09:45: everything at once, in the order the services and counters were made. */
  function busyMorning(): TestQueue {
    const q = new TestQueue(makeBuilding(), at('09:00')).open('loket1', 'loket7');
    pause(q, 'loket7');
    q.issue('pajak');
    issueMany(q, 'kk', 31);
    q.issue('ktp');
    q.issue('bpjs');
    q.now = at('09:45');
    return q;
  }
  const printerAlerts = [
    { deviceId: 'kiosk-2', deviceName: 'Kiosk 2', agencyId: null, alert: 'offline', since: 0 },
  ];

  it('when many causes meet, then alarms come by kind, then key', () => {
    expect(keys(evaluate(busyMorning(), { printerAlerts }))).toEqual([
      'wait_over_target:bpjs',
      'wait_over_target:kk',
      'wait_over_target:ktp',
      'wait_over_target:pajak',
      'too_many_waiting:kk',
      'counter_paused_long:loket7',
      'no_open_counter:bpjs',
      'no_open_counter:pajak',
      'printer:kiosk-2:offline',
    ]);
  });

  it('when a minute passes and nothing changes, then the same keys come with the same since', () => {
    const q = busyMorning();
    const first = evaluate(q, { printerAlerts });
    q.advance(1);
    const second = evaluate(q, { printerAlerts });
    expect(keys(second)).toEqual(keys(first));
    const since = (alarms: Alarm[], kind: Alarm['kind']) =>
      alarms.filter((a) => a.kind === kind).map((a) => a.since);
    for (const kind of ['wait_over_target', 'counter_paused_long', 'printer'] as const)
      expect(since(second, kind)).toEqual(since(first, kind));
    expect(second[0]?.detail.minutes).toBe(Number(first[0]?.detail.minutes) + 1);
  });
});
