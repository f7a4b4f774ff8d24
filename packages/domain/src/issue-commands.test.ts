import { describe, expect, it } from 'vitest';
import { PRIORITY_KINDS } from './building';
import { callNext } from './call-commands';
import {
  cancelTicket,
  confirmPrint,
  expireTickets,
  issueTicket,
  voidPrint,
} from './issue-commands';
import { projectedOrder } from './ordering';
import { emptyChange } from './queue-state';
import { markNoShow, park, recall, startServing } from './serving-commands';
import { FRIDAY, NYEPI, at, makeBuilding, makeService } from './testing/test-building';
import { KIOSK, TestQueue, codeOf } from './testing/test-queue';

describe('issueTicket refusals', () => {
  const building = makeBuilding({
    services: [
      makeService('ktp', { prefix: 'A' }),
      makeService('lama', { prefix: 'L', active: false }),
      makeService('pagi', { prefix: 'P', hours: { mon: { open: '08:00', close: '10:00' } } }),
      makeService('kuota', { prefix: 'Q', dailyQuota: 0 }),
    ],
  });
  it.each([
    ['the service does not exist', 'nope', at('09:00'), 'service_not_found'],
    ['the service is inactive', 'lama', at('09:00'), 'service_inactive'],
    ['it is a holiday', 'ktp', at('09:00', NYEPI), 'service_closed'],
    ['it is Sunday', 'ktp', at('09:00', '2026-03-08'), 'service_closed'],
    ['the site is not yet open', 'ktp', at('07:59'), 'service_closed'],
    ['the site has closed', 'ktp', at('16:00'), 'service_closed'],
    ['the service has closed before the site', 'pagi', at('10:00'), 'service_closed'],
    ['the quota is reached', 'kuota', at('09:00'), 'quota_reached'],
    ['everything is open', 'ktp', at('09:00'), 'ok'],
    ['it is the Friday prayer break (visitors may still queue)', 'ktp', at('12:00', FRIDAY), 'ok'],
  ])('when %s, then issuing gives %s', (_case, serviceId, now, code) => {
    const queue = new TestQueue(building, now);
    const before = queue.state;
    const result = queue.run((ctx) => issueTicket(ctx, queue.request(serviceId)));
    expect(codeOf(result)).toBe(code);
    if (code !== 'ok') expect(queue.state).toBe(before);
  });
});

describe('issueTicket', () => {
  it.each([...PRIORITY_KINDS, null])(
    'when priority %s is chosen, then the ticket and its event carry it',
    (priority) => {
      const queue = new TestQueue();
      const change = queue.must((ctx) => issueTicket(ctx, queue.request('ktp', { priority })));
      expect(change.tickets[0]?.priority).toBe(priority);
      expect(change.events).toEqual([
        expect.objectContaining({ type: 'ticket:issued', data: { label: 'A-001', priority } }),
      ]);
    },
  );

  it.each([
    ['a kiosk that prints', 'kiosk', true, 'printing'],
    ['an integration', 'api', false, 'waiting'],
    ['staff at the desk', 'staff', false, 'waiting'],
  ] as const)('when %s issues, then the ticket starts %s', (_case, channel, needsPrint, status) => {
    const queue = new TestQueue();
    const now = queue.now;
    const ticket = queue.must((ctx) =>
      issueTicket(ctx, queue.request('ktp', { channel, needsPrint })),
    ).tickets[0]!;
    expect(ticket).toMatchObject({
      id: 't1',
      code: 'code-1',
      serviceDay: '2026-03-02',
      originServiceId: 'ktp',
      serviceId: 'ktp',
      status,
      channel,
      issuedAt: now,
      sortKey: now,
      counterId: null,
      recallCount: 0,
    });
  });
});

describe('printing', () => {
  it.each([
    ['confirmPrint on a printing ticket', 'confirm', 'waiting'],
    ['voidPrint on a printing ticket', 'void', 'void'],
  ] as const)('when %s, then it becomes %s', (_case, act, status) => {
    const queue = new TestQueue();
    const id = queue.must((ctx) => issueTicket(ctx, queue.request('ktp', { needsPrint: true })))
      .tickets[0]!.id;
    const result = queue.run((ctx) =>
      act === 'confirm' ? confirmPrint(ctx, id) : voidPrint(ctx, id, 'cover_open'),
    );
    expect(codeOf(result)).toBe('ok');
    expect(queue.ticket(id).status).toBe(status);
  });

  // A print result can arrive late: after a restart queued the ticket, after a counter called
  // it, after a retry. Only a ticket still printing is settled by it; any other is left alone.
  const settled: Record<string, (queue: TestQueue, id: string) => void> = {
    'confirmed already': (q, id) => q.must((ctx) => confirmPrint(ctx, id)),
    'voided already': (q, id) => q.must((ctx) => voidPrint(ctx, id, 'paper_out')),
    'queued at a restart and called': (q, id) => {
      q.must((ctx) => confirmPrint(ctx, id));
      q.must((ctx) => callNext(ctx, 'loket2'));
    },
    'called and being served': (q, id) => {
      q.must((ctx) => confirmPrint(ctx, id));
      q.must((ctx) => callNext(ctx, 'loket2'));
      q.must((ctx) => startServing(ctx, 'loket2'));
    },
    parked: (q, id) => {
      q.must((ctx) => confirmPrint(ctx, id));
      q.must((ctx) => callNext(ctx, 'loket2'));
      q.must((ctx) => park(ctx, 'loket2', 'fotokopi'));
    },
    'marked absent': (q, id) => {
      q.must((ctx) => confirmPrint(ctx, id));
      q.must((ctx) => callNext(ctx, 'loket2'));
      q.must((ctx) => recall(ctx, 'loket2'));
      q.must((ctx) => markNoShow(ctx, 'loket2'));
    },
    done: (q, id) => {
      q.must((ctx) => confirmPrint(ctx, id));
      q.serveNext('loket2');
    },
    cancelled: (q, id) => {
      q.must((ctx) => confirmPrint(ctx, id));
      q.must((ctx) => cancelTicket(ctx, id));
    },
  };
  it.each(
    Object.keys(settled).flatMap((state) => [
      [state, 'confirm'],
      [state, 'void'],
    ]),
  )(
    'when the ticket is %s and a print result (%s) arrives, then it succeeds and changes nothing',
    (state, act) => {
      const queue = new TestQueue().open('loket2');
      const id = queue.must((ctx) => issueTicket(ctx, queue.request('ktp', { needsPrint: true })))
        .tickets[0]!.id;
      settled[state]!(queue, id);
      const before = queue.state;
      const result = queue.run((ctx) =>
        act === 'confirm' ? confirmPrint(ctx, id) : voidPrint(ctx, id, 'cover_open'),
      );
      expect(result).toEqual({ ok: true, value: emptyChange() });
      expect(queue.state.tickets).toBe(before.tickets);
      expect(queue.state.counters).toBe(before.counters);
    },
  );

  it.each([
    ['confirmPrint', 'confirm'],
    ['voidPrint', 'void'],
    ['cancelTicket', 'cancel'],
  ] as const)('when %s names an unknown ticket, then ticket_not_found', (_name, act) => {
    const queue = new TestQueue();
    const result = queue.run((ctx) =>
      act === 'confirm'
        ? confirmPrint(ctx, 'x')
        : act === 'void'
          ? voidPrint(ctx, 'x', 'r')
          : cancelTicket(ctx, 'x'),
    );
    expect(codeOf(result)).toBe('ticket_not_found');
  });

  it('when a print fails, then the void ticket never reaches the queue or a counter', () => {
    const queue = new TestQueue().open('loket2');
    const id = queue.must((ctx) => issueTicket(ctx, queue.request('ktp', { needsPrint: true })))
      .tickets[0]!.id;
    const voided = queue.must((ctx) => voidPrint(ctx, id, 'paper_out'));
    expect(voided.tickets[0]).toMatchObject({ status: 'void', voidReason: 'paper_out' });
    expect(voided.events[0]).toMatchObject({
      type: 'ticket:voided',
      data: { reason: 'paper_out' },
    });
    expect(projectedOrder(queue.state, queue.index.services.get('ktp')!)).toEqual([]);
    expect(codeOf(queue.run((ctx) => callNext(ctx, 'loket2')))).toBe('queue_empty');
  });

  it('when a ticket is still printing, then no counter can call it', () => {
    const queue = new TestQueue().open('loket2');
    queue.must((ctx) => issueTicket(ctx, queue.request('ktp', { needsPrint: true })));
    expect(codeOf(queue.run((ctx) => callNext(ctx, 'loket2')))).toBe('queue_empty');
  });
});

describe('cancelTicket', () => {
  it.each([
    ['waiting', 'ok'],
    ['printing', 'illegal_transition'],
    ['called', 'illegal_transition'],
    ['cancelled', 'illegal_transition'],
  ] as const)('when the ticket is %s, then cancelling gives %s', (from, code) => {
    const queue = new TestQueue().open('loket2');
    const id = queue.must((ctx) =>
      issueTicket(ctx, queue.request('ktp', { needsPrint: from === 'printing' })),
    ).tickets[0]!.id;
    if (from === 'called') queue.must((ctx) => callNext(ctx, 'loket2'));
    if (from === 'cancelled') queue.must((ctx) => cancelTicket(ctx, id));
    const result = queue.run((ctx) => cancelTicket(ctx, id));
    expect(codeOf(result)).toBe(code);
    if (result.ok)
      expect(queue.ticket(id)).toMatchObject({ status: 'cancelled', finishedAt: queue.now });
  });
});

describe('expireTickets', () => {
  /** One ticket in each open status: loket1 serves one, loket2 has called one. */
  function dayWithEveryStatus() {
    const q = new TestQueue().open('loket1', 'loket2');
    const printing = q.must((ctx) => issueTicket(ctx, q.request('ktp', { needsPrint: true })))
      .tickets[0]!.id;
    const ids: Record<string, string> = { printing };
    for (const name of ['noShow', 'parked', 'serving', 'called', 'waiting']) {
      ids[name] = q.issue('ktp').id;
    }
    ids.otherWaiting = q.issue('kk').id;
    q.must((ctx) => callNext(ctx, 'loket2'));
    q.must((ctx) => recall(ctx, 'loket2'));
    q.must((ctx) => markNoShow(ctx, 'loket2'));
    q.must((ctx) => callNext(ctx, 'loket2'));
    q.must((ctx) => park(ctx, 'loket2', 'fotokopi KK'));
    q.must((ctx) => callNext(ctx, 'loket1'));
    q.must((ctx) => startServing(ctx, 'loket1'));
    q.must((ctx) => callNext(ctx, 'loket2'));
    const statuses = Object.fromEntries(
      Object.entries(ids).map(([name, id]) => [name, q.ticket(id).status]),
    );
    expect(statuses).toEqual({
      printing: 'printing',
      noShow: 'no_show',
      parked: 'parked',
      serving: 'serving',
      called: 'called',
      waiting: 'waiting',
      otherWaiting: 'waiting',
    });
    q.actor = KIOSK;
    return { q, ids };
  }

  it('when the site closes, then only waiting tickets expire, in the services asked', () => {
    const { q, ids } = dayWithEveryStatus();
    q.now = at('16:30');
    const all = expireTickets(q.ctx(), 'waiting');
    expect(all.tickets.map((t) => t.id)).toEqual([ids.waiting, ids.otherWaiting]);
    expect(all.tickets.every((t) => t.status === 'expired' && t.finishedAt === q.now)).toBe(true);
    expect(all.counters).toEqual([]);
    const onlyKk = expireTickets(q.ctx(), 'waiting', new Set(['kk']));
    expect(onlyKk.tickets.map((t) => t.id)).toEqual([ids.otherWaiting]);
    expect(onlyKk.events).toEqual([
      expect.objectContaining({ type: 'ticket:expired', at: q.now, data: { from: 'waiting' } }),
    ]);
  });

  it('when the day ends, then every open ticket ends, unprinted ones void, and counters close', () => {
    const { q, ids } = dayWithEveryStatus();
    q.now = at('00:00', '2026-03-03');
    const change = expireTickets(q.ctx(), 'all');
    const statusOf = (id: string) => change.tickets.find((t) => t.id === id)?.status;
    expect(statusOf(ids.printing!)).toBe('void');
    expect(change.tickets.find((t) => t.id === ids.printing)?.voidReason).toBe('not_printed');
    for (const id of Object.values(ids).filter((i) => i !== ids.printing)) {
      expect(statusOf(id)).toBe('expired');
    }
    expect(change.tickets).toHaveLength(Object.keys(ids).length);
    expect(change.counters.map((c) => [c.counterId, c.status, c.ticketId])).toEqual([
      ['loket1', 'closed', null],
      ['loket2', 'closed', null],
    ]);
    expect(change.events.filter((e) => e.type === 'counter:closed')).toHaveLength(2);
  });

  it('when nothing is open, then expiring changes nothing', () => {
    const q = new TestQueue();
    expect(expireTickets(q.ctx(), 'all')).toEqual({
      tickets: [],
      counters: [],
      services: [],
      events: [],
    });
  });
});
