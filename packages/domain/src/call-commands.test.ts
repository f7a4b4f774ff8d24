import { describe, expect, it } from 'vitest';
import { callNext, callTicket } from './call-commands';
import { pauseCounter } from './counter-commands';
import { requeueLate } from './requeue-commands';
import { finish, markNoShow, park, recall, startServing } from './serving-commands';
import { makeBuilding, makeCounter } from './testing/test-building';
import { TestQueue, codeOf } from './testing/test-queue';
import type { TicketStatus } from './ticket';

describe('callNext refusals', () => {
  it.each([
    ['the counter does not exist', 'loket99', 'counter_not_found'],
    ['the counter was never opened', 'loket1', 'counter_closed'],
    ['the counter is paused', 'loket2', 'counter_paused'],
    ['nobody waits for the counter', 'loket7', 'queue_empty'],
    ['the counter still holds a called ticket', 'loket1', 'counter_busy'],
  ])('when %s, then %s and nothing changes', (_case, counterId, code) => {
    const q = new TestQueue().open('loket2', 'loket7');
    q.issue('ktp');
    q.issue('ktp');
    q.must((ctx) => pauseCounter(ctx, 'loket2', 'istirahat'));
    if (code === 'counter_busy') q.open('loket1').must((ctx) => callNext(ctx, 'loket1'));
    const before = q.state;
    expect(codeOf(q.run((ctx) => callNext(ctx, counterId)))).toBe(code);
    expect(q.state).toBe(before);
  });
});

describe('two counters racing for one queue', () => {
  it.each([
    [1, 2, ['A-001', 'queue_empty']],
    [2, 2, ['A-001', 'A-002']],
    [3, 2, ['A-001', 'A-002']],
  ])(
    'when %i tickets wait and %i counters press call-next at the same moment, then they get %j',
    (tickets, counters, expected) => {
      const q = new TestQueue().open('loket1', 'loket2');
      for (let i = 0; i < tickets; i++) q.issue('ktp');
      const results = ['loket1', 'loket2'].slice(0, counters).map((id) => {
        const r = q.run((ctx) => callNext(ctx, id));
        return r.ok ? r.value.tickets[0]!.label : r.error.code;
      });
      expect(results).toEqual(expected);
      const holders = [q.holding('loket1'), q.holding('loket2')].filter(Boolean);
      expect(new Set(holders).size).toBe(holders.length);
    },
  );

  it('when five counters call in turns over 40 tickets, then no ticket is ever called twice', () => {
    const counters = ['k1', 'k2', 'k3', 'k4', 'k5'].map((id) => makeCounter(id, ['ktp']));
    const q = new TestQueue(makeBuilding({ counters })).open('k1', 'k2', 'k3', 'k4', 'k5');
    for (let i = 0; i < 40; i++) q.issue('ktp');
    const seen: string[] = [];
    for (let round = 0; round < 8; round++) {
      for (const c of counters) seen.push(q.serveNext(c.id)!.label);
    }
    expect(new Set(seen).size).toBe(40);
    expect(seen[0]).toBe('A-001');
    expect(seen[39]).toBe('A-040');
    expect(codeOf(q.run((ctx) => callNext(ctx, 'k3')))).toBe('queue_empty');
  });
});

describe('callTicket', () => {
  /** A-001 called at loket1, A-002 waiting, S-001 waiting at Samsat. */
  function scene() {
    const q = new TestQueue().open('loket1', 'loket2', 'loket7');
    const a1 = q.issue('ktp');
    const a2 = q.issue('ktp');
    const s1 = q.issue('pajak');
    q.must((ctx) => callNext(ctx, 'loket1'));
    return { q, a1, a2, s1 };
  }

  it.each([
    ['a waiting ticket out of turn', 'loket2', 'a2', 'ok'],
    ['a ticket called at another counter', 'loket2', 'a1', 'illegal_transition'],
    ['a ticket of another agency', 'loket2', 's1', 'not_served_here'],
    ['an unknown ticket', 'loket2', 'zz', 'ticket_not_found'],
    ['from a counter that already holds a called ticket', 'loket1', 'a2', 'counter_busy'],
  ] as const)('when a counter calls %s, then %s', (_case, counterId, which, code) => {
    const { q, ...tickets } = scene();
    const id = which === 'zz' ? 'zz' : tickets[which].id;
    const before = q.state;
    const result = q.run((ctx) => callTicket(ctx, counterId, id));
    expect(codeOf(result)).toBe(code);
    if (code !== 'ok') expect(q.state).toBe(before);
    expect(q.holding('loket1')).toBe(tickets.a1.id);
  });

  it('when a ticket is being served at another counter, then it cannot be called away', () => {
    const { q, a1 } = scene();
    q.must((ctx) => startServing(ctx, 'loket1'));
    expect(codeOf(q.run((ctx) => callTicket(ctx, 'loket2', a1.id)))).toBe('illegal_transition');
    expect(q.ticket(a1.id)).toMatchObject({ status: 'serving', counterId: 'loket1' });
  });
});

describe('a call moves a ticket only along the ticket table', () => {
  /** A ticket brought to `status` at loket1, the way officers get it there. */
  function ticketThatIs(status: TicketStatus, autoServeOnCall: boolean) {
    const q = new TestQueue(makeBuilding({ site: { autoServeOnCall } })).open('loket1', 'loket2');
    const ticket = q.issue('ktp');
    const steps: Record<string, (() => unknown)[]> = {
      waiting: [],
      called: [() => q.must((ctx) => callNext(ctx, 'loket1'))],
      serving: [
        () => q.must((ctx) => callNext(ctx, 'loket1')),
        () => autoServeOnCall || q.must((ctx) => startServing(ctx, 'loket1')),
      ],
      parked: [
        () => q.must((ctx) => callNext(ctx, 'loket1')),
        () => q.must((ctx) => park(ctx, 'loket1', 'Ambil berkas')),
      ],
      no_show: [
        () => q.must((ctx) => callNext(ctx, 'loket1')),
        () => q.must((ctx) => recall(ctx, 'loket1')),
        () => q.must((ctx) => markNoShow(ctx, 'loket1')),
      ],
    };
    for (const step of steps[status] ?? []) step();
    q.advance(3);
    return { q, ticket };
  }

  it.each([
    ['waiting', false, 'called', ['ticket:called']],
    ['waiting', true, 'serving', ['ticket:called', 'ticket:serving']],
    ['parked', false, 'called', ['ticket:called']],
    ['parked', true, 'serving', ['ticket:called', 'ticket:serving']],
    ['called', false, 'illegal_transition', []],
    ['serving', false, 'illegal_transition', []],
    ['serving', true, 'illegal_transition', []],
    ['no_show', false, 'illegal_transition', []],
    ['no_show', true, 'illegal_transition', []],
  ] as const)(
    'when loket2 calls a %s ticket and serving on call is %s, then it becomes %s with events %j',
    (from, autoServeOnCall, outcome, events) => {
      const { q, ticket } = ticketThatIs(from, autoServeOnCall);
      expect(q.ticket(ticket.id).status).toBe(from);
      const before = q.state;
      const result = q.run((ctx) => callTicket(ctx, 'loket2', ticket.id));
      if (!result.ok) {
        expect(result.error.code).toBe(outcome);
        return expect(q.state).toBe(before);
      }
      expect(result.value.events.map((e) => e.type)).toEqual(events);
      expect(q.ticket(ticket.id)).toMatchObject({
        status: outcome,
        counterId: 'loket2',
        calledAt: q.now,
        servingAt: outcome === 'serving' ? q.now : null,
        parkReason: null,
      });
      expect(q.holding('loket2')).toBe(ticket.id);
    },
  );
});

describe('recall and no-show', () => {
  it('when recalled three times, then the count rises and each recall is an event', () => {
    const q = new TestQueue().open('loket2');
    const t = q.issue('ktp');
    q.must((ctx) => callNext(ctx, 'loket2'));
    const counts = [1, 2, 3].map((n) => {
      const change = q.must((ctx) => recall(ctx, 'loket2'));
      expect(change.events[0]).toMatchObject({
        type: 'ticket:recalled',
        data: { label: 'A-001', counterNumber: 2, recallCount: n },
      });
      return q.ticket(t.id).recallCount;
    });
    expect(counts).toEqual([1, 2, 3]);
  });

  it.each([
    ['nothing is held', 'idle', 'counter_idle'],
    ['the ticket is already being served', 'serving', 'illegal_transition'],
  ])('when recalling and %s, then %s', (_case, setup, code) => {
    const q = new TestQueue().open('loket2');
    q.issue('ktp');
    if (setup === 'serving') {
      q.must((ctx) => callNext(ctx, 'loket2'));
      q.must((ctx) => startServing(ctx, 'loket2'));
    }
    expect(codeOf(q.run((ctx) => recall(ctx, 'loket2')))).toBe(code);
  });

  it.each([
    [0, 0, 'ok'],
    [1, 0, 'recall_required'],
    [1, 1, 'ok'],
    [2, 1, 'recall_required'],
    [2, 2, 'ok'],
    [2, 3, 'ok'],
  ])(
    'when %i recalls are required and %i were made, then marking absent gives %s',
    (needed, made, code) => {
      const q = new TestQueue(makeBuilding({ site: { recallsBeforeNoShow: needed } })).open(
        'loket2',
      );
      const t = q.issue('ktp');
      q.must((ctx) => callNext(ctx, 'loket2'));
      for (let i = 0; i < made; i++) q.must((ctx) => recall(ctx, 'loket2'));
      expect(codeOf(q.run((ctx) => markNoShow(ctx, 'loket2')))).toBe(code);
      const expected = code === 'ok' ? ['no_show', null] : ['called', t.id];
      expect([q.ticket(t.id).status, q.holding('loket2')]).toEqual(expected);
      if (code === 'ok') expect(q.ticket(t.id).noShowAt).toBe(q.now);
    },
  );

  it('when the visitor is being served, then they cannot be marked absent', () => {
    const q = new TestQueue().open('loket2');
    q.issue('ktp');
    q.must((ctx) => callNext(ctx, 'loket2'));
    q.must((ctx) => startServing(ctx, 'loket2'));
    expect(codeOf(q.run((ctx) => markNoShow(ctx, 'loket2')))).toBe('illegal_transition');
  });
});

describe('requeueLate', () => {
  /** waiting since 09:00; A-001 marked absent at 09:01 (window 30 min). */
  function absent() {
    const q = new TestQueue().open('loket2');
    const late = q.issue('ktp');
    q.issue('ktp');
    q.issue('ktp');
    q.advance(1);
    q.must((ctx) => callNext(ctx, 'loket2'));
    q.must((ctx) => recall(ctx, 'loket2'));
    q.must((ctx) => markNoShow(ctx, 'loket2'));
    return { q, late };
  }

  it.each([
    ['right away', 0, 'ok'],
    ['after 29 minutes', 29 * 60_000, 'ok'],
    ['after exactly 30 minutes', 30 * 60_000, 'ok'],
    ['30 minutes and 1 ms later', 30 * 60_000 + 1, 'requeue_window_passed'],
    ['two hours later', 120 * 60_000, 'requeue_window_passed'],
  ])('when the visitor comes back %s (%i ms), then requeue gives %s', (_case, later, code) => {
    const { q, late } = absent();
    q.now += later;
    const result = q.run((ctx) => requeueLate(ctx, late.id));
    expect(codeOf(result)).toBe(code);
    if (code !== 'ok') return expect(q.ticket(late.id).status).toBe('no_show');
    expect(q.ticket(late.id)).toMatchObject({
      status: 'waiting',
      sortKey: q.now,
      issuedAt: late.issuedAt,
      label: 'A-001',
      counterId: null,
      recallCount: 0,
    });
    // Back of the queue: after, who were already waiting.
    const order = [q.serveNext('loket2'), q.serveNext('loket2'), q.serveNext('loket2')];
    expect(order.map((t) => t?.label)).toEqual(['A-002', 'A-003', 'A-001']);
  });

  it.each([
    ['waiting', 'illegal_transition'],
    ['called', 'illegal_transition'],
    ['serving', 'illegal_transition'],
    ['done', 'illegal_transition'],
  ])(
    'when the ticket is %s, then requeue gives %s and the counter keeps what it holds',
    (status, code) => {
      const q = new TestQueue().open('loket2');
      const t = q.issue('ktp');
      if (status !== 'waiting') q.must((ctx) => callNext(ctx, 'loket2'));
      if (status === 'serving' || status === 'done') q.must((ctx) => startServing(ctx, 'loket2'));
      if (status === 'done') q.must((ctx) => finish(ctx, 'loket2'));
      const holding = q.holding('loket2');
      expect(codeOf(q.run((ctx) => requeueLate(ctx, t.id)))).toBe(code);
      expect([q.ticket(t.id).status, q.holding('loket2')]).toEqual([status, holding]);
    },
  );
});
