import { describe, expect, it } from 'vitest';
import type { Service } from './building';
import { callNext } from './call-commands';
import { pauseCounter } from './counter-commands';
import { countersFor, estimateNewTicket, estimateTicket, rollingServiceMs } from './estimate';
import { TestQueue } from './testing/test-queue';
import { ticketIn } from './testing/test-ticket';

const MINUTE = 60_000;

/** Today's queue with finished visitors of 'ktp' that each took the given minutes. */
function withHistory(minutes: number[], serviceId = 'ktp'): TestQueue {
  const q = new TestQueue();
  return q.put(
    ...minutes.map((m, i) => {
      const finishedAt = q.now + i * 30 * MINUTE;
      return {
        ...ticketIn('done', { id: `h${i}`, serviceId }),
        servingAt: finishedAt - m * MINUTE,
        finishedAt,
      };
    }),
  );
}

const service = (q: TestQueue, id = 'ktp') => q.index.services.get(id) as Service;

describe('rollingServiceMs', () => {
  it.each([
    ['no one has been served today', [], 10],
    ['one visitor took 4 minutes', [4], 4],
    ['visitors took 4, 6 and 11 minutes', [4, 6, 11], 7],
    ['a visitor took 30 seconds', [0.5], 0.5],
    [
      '25 were served: 5 slow ones long ago, then 20 quick',
      [...Array(5).fill(60), ...Array(20).fill(3)],
      3,
    ],
    ['21 were served: one slow long ago, then 20 at 5', [45, ...Array(20).fill(5)], 5],
  ])('when %s, then the service time is %d minutes', (_case, history, minutes) => {
    const q = withHistory(history);
    expect(rollingServiceMs(q.state, service(q))).toBeCloseTo(minutes * MINUTE);
  });

  it('when only another service has history, then this one uses its default', () => {
    const q = withHistory([2, 2], 'kk');
    expect(rollingServiceMs(q.state, service(q))).toBe(10 * MINUTE);
    expect(rollingServiceMs(q.state, service(q, 'kk'))).toBe(2 * MINUTE);
  });

  it('when a done ticket has no serving time, then it is left out of the mean', () => {
    const q = withHistory([8]);
    q.put({ ...ticketIn('done', { id: 'x' }), servingAt: null, finishedAt: q.now });
    expect(rollingServiceMs(q.state, service(q))).toBe(8 * MINUTE);
  });
});

describe('countersFor', () => {
  it.each([
    ['no counter is open yet', [], [], 'ktp', 2],
    ['one of its two counters is open', ['loket2'], [], 'ktp', 1],
    ['both its counters are open', ['loket1', 'loket2'], [], 'ktp', 2],
    ['one is open and the other paused', ['loket1', 'loket2'], ['loket1'], 'ktp', 1],
    [
      'both are paused (falls back to configured)',
      ['loket1', 'loket2'],
      ['loket1', 'loket2'],
      'ktp',
      2,
    ],
    ['the only other counter open is another agency', ['loket7'], [], 'ktp', 2],
    ['no counter serves the service at all', [], [], 'bpjs', 1],
  ])('when %s, then it counts %i', (_case, open, paused, serviceId, expected) => {
    const q = new TestQueue().open(...open);
    for (const id of paused) q.must((ctx) => pauseCounter(ctx, id, 'istirahat'));
    expect(countersFor(q.index, q.state, serviceId)).toBe(expected);
  });
});

describe('estimates for a visitor', () => {
  it.each([
    // [case, waiting before, history, open counters, ahead, minutes]
    ['the queue is empty, before any history', 0, [], [], 0, 0],
    ['3 wait, default 10 min, 2 counters configured', 3, [], [], 3, 15],
    ['3 wait, default 10 min, 1 counter open', 3, [], ['loket2'], 3, 30],
    ['5 wait, 4 min average, 2 counters open', 5, [4], ['loket1', 'loket2'], 5, 10],
    ['4 wait, 7 min average, 1 counter open', 4, [4, 6, 11], ['loket2'], 4, 28],
    ['1 waits, 5 min average, 2 counters open (rounded)', 1, [5], ['loket1', 'loket2'], 1, 3],
  ])(
    'when %s, then a new ticket has %i ahead and about %i min',
    (_c, waiting, history, open, ahead, minutes) => {
      const q = withHistory(history).open(...open);
      for (let i = 0; i < waiting; i++) q.issue('ktp');
      expect(estimateNewTicket(q.index, q.state, service(q))).toEqual({ ahead, minutes });
      const mine = q.issue('ktp');
      expect(estimateTicket(q.index, q.state, mine)).toEqual({ ahead, minutes });
    },
  );

  it('when a priority visitor joins 6 regulars (one per 3), then they are next and the 4th regular is pushed back', () => {
    const q = new TestQueue().open('loket2');
    const regulars = Array.from({ length: 6 }, () => q.issue('ktp'));
    const elderly = q.issue('ktp', 'elderly');
    const ahead = (id: string) => estimateTicket(q.index, q.state, q.ticket(id)).ahead;
    expect(ahead(elderly.id)).toBe(0);
    expect(regulars.map((t) => ahead(t.id))).toEqual([1, 2, 3, 4, 5, 6]);
    // estimateNewTicket counts everyone waiting, whatever their class.
    expect(estimateNewTicket(q.index, q.state, service(q)).ahead).toBe(7);
  });

  it.each(['called', 'done', 'parked'] as const)(
    'when the ticket is %s, then nothing is ahead of it',
    (status) => {
      const q = new TestQueue().open('loket2');
      q.issue('ktp');
      const t = q.issue('ktp');
      q.must((ctx) => callNext(ctx, 'loket2'));
      expect(estimateTicket(q.index, q.state, { ...q.ticket(t.id), status })).toEqual({
        ahead: 0,
        minutes: 0,
      });
    },
  );

  it('when the ticket waits in the queue, then the ones called before it no longer count', () => {
    const q = new TestQueue().open('loket2');
    q.issue('ktp');
    q.issue('ktp');
    const t = q.issue('ktp');
    expect(estimateTicket(q.index, q.state, q.ticket(t.id)).ahead).toBe(2);
    q.serveNext('loket2');
    expect(estimateTicket(q.index, q.state, q.ticket(t.id)).ahead).toBe(1);
  });
});
