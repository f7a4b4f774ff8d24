import { describe, expect, it } from 'vitest';
import { callNext, callTicket } from './call-commands';
import { estimateTicket } from './estimate';
import type { TransferRequest } from './requeue-commands';
import { requeueLate, transfer } from './requeue-commands';
import { markNoShow, park, recall, startServing } from './serving-commands';
import { makeBuilding, makeCounter, makeService } from './testing/test-building';
import { TestQueue, codeOf } from './testing/test-queue';

const toSamsat = (position: TransferRequest['position'] = 'arrival'): TransferRequest => ({
  toServiceId: 'pajak',
  note: 'Sudah cek KTP, lanjut balik nama',
  position,
});

/** A-001 issued at 09:00, called and served at loket1 (Dukcapil) at 09:20. */
function servedAtDukcapil() {
  const q = new TestQueue().open('loket1', 'loket2', 'loket7');
  const ticket = q.issue('ktp');
  q.advance(20);
  q.must((ctx) => callNext(ctx, 'loket1'));
  q.must((ctx) => startServing(ctx, 'loket1'));
  return { q, ticket };
}

describe('park and call back', () => {
  it.each([
    ['called', false],
    ['serving', true],
  ])(
    'when a %s ticket is parked with a reason, then the counter is free and the ticket waits aside',
    (_s, serving) => {
      const q = new TestQueue().open('loket2');
      const t = q.issue('ktp');
      q.issue('ktp');
      q.must((ctx) => callNext(ctx, 'loket2'));
      if (serving) q.must((ctx) => startServing(ctx, 'loket2'));
      const change = q.must((ctx) => park(ctx, 'loket2', 'Fotokopi KK'));
      expect(change.events[0]).toMatchObject({
        type: 'ticket:parked',
        data: { reason: 'Fotokopi KK' },
      });
      expect(q.ticket(t.id)).toMatchObject({
        status: 'parked',
        parkReason: 'Fotokopi KK',
        counterId: 'loket2',
      });
      expect(q.holding('loket2')).toBeNull();
      // A parked ticket is not in the queue: the next call takes A-002.
      expect(q.serveNext('loket2')?.label).toBe('A-002');
    },
  );

  it.each([
    ['the counter that parked it', 'loket2', 'ok'],
    ['another counter of the same agency not serving the service', 'loket3', 'ok'],
    ['a counter of another agency', 'loket7', 'not_served_here'],
  ])('when %s calls the parked ticket back, then %s', (_case, counterId, code) => {
    const counters = [
      makeCounter('loket2', ['ktp']),
      makeCounter('loket3', ['kk']),
      makeCounter('loket7', ['pajak'], { agencyId: 'samsat' }),
    ];
    const q = new TestQueue(makeBuilding({ counters })).open('loket2', 'loket3', 'loket7');
    const t = q.issue('ktp');
    q.must((ctx) => callNext(ctx, 'loket2'));
    q.must((ctx) => park(ctx, 'loket2', 'Ambil berkas'));
    q.advance(15);
    const result = q.run((ctx) => callTicket(ctx, counterId, t.id));
    expect(codeOf(result)).toBe(code);
    if (code !== 'ok') return expect(q.ticket(t.id).status).toBe('parked');
    expect(q.ticket(t.id)).toMatchObject({
      status: 'called',
      parkReason: null,
      counterId,
      calledAt: q.now,
    });
    expect(result.ok && result.value.events[0]?.data.from).toBe('parked');
    // A call back is not a new call from the queue: the priority streak stays as it was.
    expect(result.ok && result.value.services).toEqual([]);
  });
});

describe('transfer across agencies', () => {
  it.each([
    ['the target does not exist', { toServiceId: 'nope' }, 'service_not_found'],
    ['the target is its own service', { toServiceId: 'ktp' }, 'same_service'],
    ['the target is inactive', { toServiceId: 'tutup' }, 'service_inactive'],
  ])('when %s, then %s and loket1 keeps serving it', (_case, patch, code) => {
    const services = [
      makeService('ktp', { prefix: 'A' }),
      makeService('pajak', { agencyId: 'samsat', prefix: 'S' }),
      makeService('tutup', { prefix: 'T', active: false }),
    ];
    const q = new TestQueue(makeBuilding({ services })).open('loket1');
    const t = q.issue('ktp');
    q.must((ctx) => callNext(ctx, 'loket1'));
    expect(codeOf(q.run((ctx) => transfer(ctx, 'loket1', { ...toSamsat(), ...patch })))).toBe(code);
    expect([q.ticket(t.id).status, q.holding('loket1')]).toEqual(['called', t.id]);
  });

  it('when Dukcapil transfers to Samsat, then number, arrival and note travel, and the counter is free', () => {
    const { q, ticket } = servedAtDukcapil();
    const change = q.must((ctx) => transfer(ctx, 'loket1', toSamsat()));
    expect(q.ticket(ticket.id)).toMatchObject({
      status: 'waiting',
      label: 'A-001',
      number: 1,
      originServiceId: 'ktp',
      serviceId: 'pajak',
      issuedAt: ticket.issuedAt,
      sortKey: ticket.issuedAt,
      transferNote: 'Sudah cek KTP, lanjut balik nama',
      transferredFromServiceId: 'ktp',
      counterId: null,
      calledAt: null,
      recallCount: 0,
    });
    expect(q.holding('loket1')).toBeNull();
    expect(change.events[0]).toMatchObject({
      type: 'ticket:transferred',
      counterId: 'loket1',
      serviceId: 'pajak',
      data: { fromServiceId: 'ktp', toServiceId: 'pajak', position: 'arrival' },
    });
  });

  it('when the transferred ticket is then a no-show at Samsat, then it ends absent there and can come back late', () => {
    const { q, ticket } = servedAtDukcapil();
    q.must((ctx) => transfer(ctx, 'loket1', toSamsat()));
    q.advance(5);
    const called = q.must((ctx) => callNext(ctx, 'loket7'));
    expect(called.tickets[0]).toMatchObject({
      id: ticket.id,
      counterId: 'loket7',
      status: 'called',
    });
    expect(codeOf(q.run((ctx) => markNoShow(ctx, 'loket7')))).toBe('recall_required');
    q.must((ctx) => recall(ctx, 'loket7'));
    const absent = q.must((ctx) => markNoShow(ctx, 'loket7'));
    expect(absent.events[0]).toMatchObject({
      type: 'ticket:no-show',
      counterId: 'loket7',
      serviceId: 'pajak',
    });
    expect(q.ticket(ticket.id)).toMatchObject({
      status: 'no_show',
      serviceId: 'pajak',
      label: 'A-001',
      transferNote: 'Sudah cek KTP, lanjut balik nama',
      noShowAt: q.now,
    });
    expect(q.holding('loket7')).toBeNull();
    // Dukcapil's queue does not get it back; a late return queues it at Samsat.
    expect(codeOf(q.run((ctx) => callNext(ctx, 'loket1')))).toBe('queue_empty');
    q.advance(10);
    q.must((ctx) => requeueLate(ctx, ticket.id));
    expect(q.ticket(ticket.id)).toMatchObject({
      status: 'waiting',
      serviceId: 'pajak',
      label: 'A-001',
    });
  });

  it.each([
    ['arrival', ['S-001', 'A-001', 'S-002']],
    ['first', ['A-001', 'S-001', 'S-002']],
  ] as const)(
    'when transferred with position %s, then Samsat calls in order %j',
    (position, order) => {
      // S-001 came before A-001 (08:50 vs 09:00), S-002 after (09:10).
      const q = new TestQueue().open('loket1', 'loket7');
      q.now -= 10 * 60_000;
      q.issue('pajak');
      q.advance(10);
      const a = q.issue('ktp');
      q.advance(10);
      q.issue('pajak');
      q.advance(10);
      q.must((ctx) => callNext(ctx, 'loket1'));
      q.must((ctx) => transfer(ctx, 'loket1', toSamsat(position)));
      const ahead = estimateTicket(q.index, q.state, q.ticket(a.id)).ahead;
      expect(ahead).toBe(order.indexOf('A-001'));
      expect([1, 2, 3].map(() => q.serveNext('loket7')?.label)).toEqual(order);
    },
  );

  it('when a priority ticket is transferred, then it keeps its priority in the new queue', () => {
    const q = new TestQueue().open('loket1', 'loket7');
    q.issue('pajak');
    const t = q.issue('ktp', 'pregnant');
    q.must((ctx) => callNext(ctx, 'loket1'));
    q.must((ctx) => transfer(ctx, 'loket1', toSamsat()));
    expect(q.serveNext('loket7')?.id).toBe(t.id);
  });
});
