import { describe, expect, it } from 'vitest';
import { cancelTicket, issueTicket, issuedToday, voidPrint } from './issue-commands';
import { makeBuilding, makeService, at } from './testing/test-building';
import { TestQueue, codeOf } from './testing/test-queue';

describe('ticket numbers', () => {
  it.each([
    [1, ['A-001']],
    [3, ['A-001', 'A-002', 'A-003']],
    [
      12,
      [
        'A-001',
        'A-002',
        'A-003',
        'A-004',
        'A-005',
        'A-006',
        'A-007',
        'A-008',
        'A-009',
        'A-010',
        'A-011',
        'A-012',
      ],
    ],
  ])('when %i tickets are issued for one service, then they are numbered %j', (count, labels) => {
    const queue = new TestQueue();
    const issued = Array.from({ length: count }, () => queue.issue('ktp'));
    expect(issued.map((t) => t.label)).toEqual(labels);
    expect(issued.map((t) => t.number)).toEqual(labels.map((_, i) => i + 1));
    expect(queue.state.services.get('ktp')?.lastNumber).toBe(count);
  });

  it('when three services issue in turns, then each counts on its own with its own prefix', () => {
    const queue = new TestQueue();
    const order = ['ktp', 'kk', 'ktp', 'pajak', 'kk', 'ktp', 'bpjs'];
    const labels = order.map((serviceId) => queue.issue(serviceId).label);
    expect(labels).toEqual(['A-001', 'B-001', 'A-002', 'S-001', 'B-002', 'A-003', 'J-001']);
  });

  it('when the 999th ticket is passed, then the number keeps growing', () => {
    const queue = new TestQueue();
    queue.state = {
      ...queue.state,
      services: queue.state.services.with('ktp', {
        serviceId: 'ktp',
        lastNumber: 999,
        regularStreak: null,
      }),
    };
    expect(queue.issue('ktp').label).toBe('A-1000');
  });

  it.each([
    ['a print fails', 'void' as const],
    ['a visitor cancels', 'cancelled' as const],
  ])('when %s, then that number is never issued again', (_case, end) => {
    const queue = new TestQueue();
    const needsPrint = end === 'void';
    const first = queue.must((ctx) => issueTicket(ctx, queue.request('ktp', { needsPrint })))
      .tickets[0]!;
    queue.must((ctx) =>
      end === 'void' ? voidPrint(ctx, first.id, 'paper_out') : cancelTicket(ctx, first.id),
    );
    const next = [queue.issue('ktp'), queue.issue('ktp')];
    expect(queue.ticket(first.id).status).toBe(end);
    expect(next.map((t) => t.label)).toEqual(['A-002', 'A-003']);
  });

  it('when a ticket is transferred to another service, then the origin keeps the number and the target does not count it', () => {
    const queue = new TestQueue().open('loket1');
    const moved = queue.issue('ktp');
    const ticket = { ...moved, serviceId: 'kk', transferredFromServiceId: 'ktp' };
    queue.put(ticket);
    expect(queue.issue('kk').label).toBe('B-001');
    expect(queue.issue('ktp').label).toBe('A-002');
  });

  it('when a new service day starts, then numbering starts again at 001 on that day', () => {
    const monday = new TestQueue(makeBuilding(), at('15:00'));
    monday.issue('ktp');
    monday.issue('ktp');
    const tuesday = new TestQueue(makeBuilding(), at('08:00', '2026-03-03'));
    const first = tuesday.issue('ktp');
    expect(first.label).toBe('A-001');
    expect(first.serviceDay).toBe('2026-03-03');
    expect(monday.state.serviceDay).toBe('2026-03-02');
  });
});

describe('quota', () => {
  const withQuota = (dailyQuota: number) =>
    new TestQueue(makeBuilding({ services: [makeService('ktp', { prefix: 'A', dailyQuota })] }));

  it.each([
    [1, 1],
    [3, 3],
    [10, 10],
  ])(
    'when the quota is %i, then exactly %i tickets are issued and the next is refused',
    (quota, count) => {
      const queue = withQuota(quota);
      for (let i = 0; i < count; i++) queue.issue('ktp');
      const refused = queue.run((ctx) => issueTicket(ctx, queue.request('ktp')));
      expect(codeOf(refused)).toBe('quota_reached');
      expect(issuedToday(queue.ctx(), 'ktp')).toBe(count);
      expect(queue.state.services.get('ktp')?.lastNumber).toBe(count);
    },
  );

  it.each([
    ['voided prints do not count', 'void', 'ok'],
    ['cancelled tickets still count', 'cancelled', 'quota_reached'],
  ] as const)('when the quota is full and %s, then the next issue is %s', (_case, end, code) => {
    const queue = withQuota(2);
    const needsPrint = end === 'void';
    const first = queue.must((ctx) => issueTicket(ctx, queue.request('ktp', { needsPrint })))
      .tickets[0]!;
    queue.issue('ktp');
    queue.must((ctx) =>
      end === 'void' ? voidPrint(ctx, first.id, 'paper_out') : cancelTicket(ctx, first.id),
    );
    const next = queue.run((ctx) => issueTicket(ctx, queue.request('ktp')));
    expect(codeOf(next)).toBe(code);
    if (next.ok) expect(next.value.tickets[0]?.label).toBe('A-003');
  });
});
