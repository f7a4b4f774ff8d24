import { describe, expect, it } from 'vitest';
import type { PriorityKind, PriorityRule, Service } from './building';
import { headOf, projectedOrder, pickNext } from './ordering';
import { makeBuilding, makeCounter, makeService } from './testing/test-building';
import { TestQueue } from './testing/test-queue';

/** One service 'ktp' (prefix A) with the given priority rule, served by loket2 alone. */
function singleService(priorityRule: PriorityRule): TestQueue {
  const building = makeBuilding({
    services: [makeService('ktp', { prefix: 'A', priorityRule })],
    counters: [makeCounter('loket2', ['ktp'])],
  });
  return new TestQueue(building).open('loket2');
}

/** Issues tickets from a pattern like "RRPR", one minute apart: P is priority (elderly). */
function issuePattern(queue: TestQueue, pattern: string, kind: PriorityKind = 'elderly'): void {
  for (const c of pattern) {
    queue.issue('ktp', c === 'P' ? kind : null);
    queue.advance(1);
  }
}

const classes = (tickets: { priority: PriorityKind | null }[]): string =>
  tickets.map((t) => (t.priority ? 'P' : 'R')).join('');

/** Serves every waiting ticket at the counter, one a minute, in the order called. */
function callAll(queue: TestQueue, counterId = 'loket2') {
  const called = [];
  for (let t = queue.serveNext(counterId); t; t = queue.serveNext(counterId)) {
    called.push(t);
    queue.advance(1);
  }
  return called;
}

describe('priority rule over a short queue', () => {
  const strict: PriorityRule = { kind: 'strict' };
  const every = (n: number): PriorityRule => ({ kind: 'interleave', regularPerPriority: n });
  it.each([
    ['strict with priorities last in line', strict, 'RRRPP', 'PPRRR'],
    ['strict with no priority', strict, 'RRR', 'RRR'],
    ['strict with only priorities', strict, 'PPP', 'PPP'],
    ['one per 3 from the start of the day', every(3), 'RRRRRRPP', 'PRRRPRRR'],
    ['one per 3 with priorities first in line', every(3), 'PPPRRRRRR', 'PRRRPRRRP'],
    ['one per 1 (alternating)', every(1), 'RRRRPPPP', 'PRPRPRPR'],
    ['one per 2 when regulars run out', every(2), 'RRPPPP', 'PRRPPP'],
    ['one per 5 with few regulars', every(5), 'RRPP', 'PRRP'],
    ['one per 0 (behaves as strict)', every(0), 'RRPRP', 'PPRRR'],
  ])('when %s, then %s queued %s is called %s', (_case, rule, arrivals, calls) => {
    const queue = singleService(rule);
    issuePattern(queue, arrivals);
    const service = queue.index.services.get('ktp') as Service;
    expect(classes(projectedOrder(queue.state, service))).toBe(calls);
    expect(classes(callAll(queue))).toBe(calls);
  });
});

describe('priority interleaving over a long run of 200 tickets', () => {
  // All 200 queue before the first call; priorities are spread evenly through the arrivals.
  it.each([
    [1, 100, 'PR'.repeat(100)],
    [3, 50, 'PRRR'.repeat(50)],
    [3, 20, 'PRRR'.repeat(20) + 'R'.repeat(120)],
    [4, 60, 'PRRRR'.repeat(35) + 'P'.repeat(25)],
    [9, 20, 'PRRRRRRRRR'.repeat(20)],
  ])(
    'when one priority per %i regular and %i of 200 are priority, then the calls follow the exact pattern',
    (n, priorities, pattern) => {
      const queue = singleService({ kind: 'interleave', regularPerPriority: n });
      const arrivals = Array.from({ length: 200 }, (_, i) =>
        (i * priorities) % 200 < priorities ? 'P' : 'R',
      ).join('');
      expect(arrivals.replaceAll('R', '')).toHaveLength(priorities);
      issuePattern(queue, arrivals);
      const called = callAll(queue);
      expect(classes(called)).toBe(pattern);
      // Within each class, strictly by arrival: numbers only rise.
      for (const isPriority of [true, false]) {
        const numbers = called
          .filter((t) => (t.priority !== null) === isPriority)
          .map((t) => t.number);
        expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
      }
    },
  );

  it('when tickets keep arriving while the counter calls, then no priority waits past 3 regular calls', () => {
    const queue = singleService({ kind: 'interleave', regularPerPriority: 3 });
    // 200 arrivals a minute apart with elderly visitors in pairs (two in every 20). The
    // counter calls once per two arrivals: regulars pile up, priorities never should.
    for (let i = 0; i < 200; i++) {
      queue.issue('ktp', i % 20 >= 18 ? 'elderly' : null);
      queue.advance(1);
      if (i % 2 === 1) expect(queue.serveNext('loket2')).not.toBeNull();
    }
    callAll(queue);
    const called = [...queue.state.tickets.values()].sort((x, y) => x.calledAt! - y.calledAt!);
    expect(called.map((t) => t.status)).toEqual(Array(200).fill('done'));
    const waits = called
      .filter((p) => p.priority)
      .map(
        (p) =>
          called.filter((r) => !r.priority && r.calledAt! > p.issuedAt && r.calledAt! < p.calledAt!)
            .length,
      );
    expect(waits).toHaveLength(20);
    // The second of each pair waits for exactly the 3 regular calls the rule allows.
    expect(Math.max(...waits)).toBe(3);
  });
});

describe('headOf, the head of the line without ordering the rest', () => {
  it.each([
    ['strict', { kind: 'strict' } as PriorityRule],
    ['one per 1', { kind: 'interleave', regularPerPriority: 1 } as PriorityRule],
    ['one per 3', { kind: 'interleave', regularPerPriority: 3 } as PriorityRule],
  ])('when arrivals and calls mix under %s, then it is always projectedOrder[0]', (_, rule) => {
    const queue = singleService(rule);
    const service = queue.index.services.get('ktp') as Service;
    // A fixed pseudo-random day: ~1 in 4 arrivals a priority, ~2 calls per 3 arrivals.
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      if (random() < 0.6) queue.issue('ktp', random() < 0.25 ? 'elderly' : null);
      else queue.serveNext('loket2');
      queue.advance(1);
      expect(headOf(queue.state, service)).toBe(projectedOrder(queue.state, service)[0] ?? null);
      if (headOf(queue.state, service)?.priority) checked += 1;
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe('pickNext across the services of a counter', () => {
  function twoServices(selection: 'order' | 'weight', weights: [number, number]) {
    const building = makeBuilding({
      services: [makeService('ktp', { prefix: 'A' }), makeService('kk', { prefix: 'B' })],
      counters: [
        makeCounter('loket1', ['ktp', 'kk'], {
          selection,
          services: [
            { serviceId: 'ktp', weight: weights[0] },
            { serviceId: 'kk', weight: weights[1] },
          ],
        }),
      ],
    });
    return new TestQueue(building).open('loket1');
  }

  it.each([
    ['order', [1, 1], 'AAAAAABBB'],
    ['weight', [1, 1], 'ABABABAAA'],
    ['weight', [2, 1], 'AABAABAAB'],
    ['weight', [1, 2], 'BABBAAAAA'],
    ['weight', [0, 1], 'ABABABAAA'],
  ] as const)(
    'when selection is %s with weights %j and A is older, then calls go %s',
    (selection, weights, expected) => {
      const queue = twoServices(selection, [...weights]);
      for (const id of ['ktp', 'ktp', 'ktp', 'ktp', 'ktp', 'ktp', 'kk', 'kk', 'kk']) {
        queue.issue(id);
        queue.advance(1);
      }
      expect(
        callAll(queue, 'loket1')
          .map((t) => t.label.slice(0, 1))
          .join(''),
      ).toBe(expected);
    },
  );

  it('when weights are 3:1 over 200 calls, then the services get 150 and 50', () => {
    const queue = twoServices('weight', [3, 1]);
    for (let i = 0; i < 400; i++) {
      queue.issue(i % 2 ? 'kk' : 'ktp');
      queue.advance(1);
    }
    const called = Array.from({ length: 200 }, () => queue.serveNext('loket1')!);
    const byService = (id: string) => called.filter((t) => t.serviceId === id).length;
    expect([byService('ktp'), byService('kk')]).toEqual([150, 50]);
  });

  it.each([
    ['the first service has nobody waiting', [], ['kk'], 'B-001'],
    ['both have someone waiting', ['ktp'], ['kk'], 'A-001'],
    ['nobody waits anywhere', [], [], null],
  ])('when in order and %s, then pickNext gives %s', (_case, ktp, kk, label) => {
    const queue = twoServices('order', [1, 1]);
    for (const id of [...kk, ...ktp]) queue.issue(id);
    const counter = queue.index.counters.get('loket1')!;
    expect(pickNext(queue.state, counter, queue.index.services)?.label ?? null).toBe(label);
  });

  it('when the first service of the counter is inactive, then its waiting tickets are skipped', () => {
    const queue = twoServices('order', [1, 1]);
    queue.issue('ktp');
    queue.issue('kk');
    const services = new Map(queue.index.services);
    services.set('ktp', { ...services.get('ktp')!, active: false });
    const counter = queue.index.counters.get('loket1')!;
    expect(pickNext(queue.state, counter, services)?.label).toBe('B-001');
  });

  it('when two tickets share a sort key, then the earlier arrival and then the lower number go first', () => {
    const queue = singleService({ kind: 'strict' });
    const a = queue.issue('ktp');
    const b = queue.issue('ktp');
    const c = queue.issue('ktp');
    queue.put(
      { ...a, sortKey: 5, issuedAt: 9 },
      { ...b, sortKey: 5, issuedAt: 3 },
      { ...c, sortKey: 5, issuedAt: 3 },
    );
    const order = projectedOrder(queue.state, queue.index.services.get('ktp')!);
    expect(order.map((t) => t.label)).toEqual(['A-002', 'A-003', 'A-001']);
  });
});
