import { describe, expect, it } from 'vitest';
import { callNext } from './call-commands';
import { holdDisagreements, repairHolds, scopeOfChange } from './hold-agreement';
import type { QueueChange } from './queue-state';
import { applyChange, emptyChange } from './queue-state';
import { park, startServing } from './serving-commands';
import { TestQueue } from './testing/test-queue';

/** loket1 has called t2, loket2 is serving t3, t1 is parked from loket2, t4 waits. */
function busyQueue(): TestQueue {
  const queue = new TestQueue().open('loket1', 'loket2');
  for (let i = 0; i < 4; i += 1) queue.issue('ktp');
  queue.must((ctx) => callNext(ctx, 'loket2'));
  queue.must((ctx) => park(ctx, 'loket2', 'fotokopi'));
  queue.must((ctx) => callNext(ctx, 'loket1'));
  queue.must((ctx) => callNext(ctx, 'loket2'));
  queue.must((ctx) => startServing(ctx, 'loket2'));
  return queue;
}

describe('holdDisagreements', () => {
  it('when every change went through the rules, then tickets and counters agree', () => {
    const queue = busyQueue();
    expect(queue.holding('loket1')).toBe('t2');
    expect(queue.holding('loket2')).toBe('t3');
    expect(queue.ticket('t1').status).toBe('parked');
    expect(holdDisagreements(queue.state)).toEqual([]);
  });

  const counter = (q: TestQueue, id: string) => q.state.counters.get(id)!;
  // Each corruption is written by hand, as a bug or a hand-edited database would leave it.
  const corruptions: Record<string, [(q: TestQueue) => QueueChange, string[]]> = {
    'a counter holds a waiting ticket (a late print result)': [
      (q) => ({ ...emptyChange(), tickets: [{ ...q.ticket('t2'), status: 'waiting' }] }),
      ['held_ticket_elsewhere loket1 t2'],
    ],
    'a counter holds a ticket that is not today’s': [
      (q) => ({ ...emptyChange(), counters: [{ ...counter(q, 'loket1'), ticketId: 'yesterday' }] }),
      ['held_ticket_missing loket1 yesterday', 'active_ticket_unheld loket1 t2'],
    ],
    'a counter still holds a parked ticket': [
      (q) => ({
        ...emptyChange(),
        tickets: [{ ...q.ticket('t2'), status: 'parked' }],
      }),
      ['held_ticket_elsewhere loket1 t2'],
    ],
    'a called ticket’s counter holds nothing': [
      (q) => ({ ...emptyChange(), counters: [{ ...counter(q, 'loket1'), ticketId: null }] }),
      ['active_ticket_unheld loket1 t2'],
    ],
    'a serving ticket’s counter holds the waiting one': [
      (q) => ({ ...emptyChange(), counters: [{ ...counter(q, 'loket2'), ticketId: 't4' }] }),
      ['held_ticket_elsewhere loket2 t4', 'active_ticket_unheld loket2 t3'],
    ],
    'a counter holds a ticket called at another counter': [
      (q) => ({
        ...emptyChange(),
        tickets: [{ ...q.ticket('t2'), counterId: 'loket2' }],
        counters: [{ ...counter(q, 'loket2'), ticketId: null }],
      }),
      [
        'held_ticket_elsewhere loket1 t2',
        'active_ticket_unheld loket2 t2',
        'active_ticket_unheld loket2 t3',
      ],
    ],
  };

  it.each(Object.entries(corruptions))(
    'when %s, then the full check and the check of that change both find it, and the repair makes them agree',
    (_case, [corrupt, expected]) => {
      const queue = busyQueue();
      const before = queue.state;
      const change = corrupt(queue);
      queue.state = applyChange(before, change);
      const described = (found: ReturnType<typeof holdDisagreements>) =>
        found.map((d) => `${d.problem} ${d.counterId} ${d.ticketId}`).sort();
      expect(described(holdDisagreements(queue.state))).toEqual([...expected].sort());
      expect(described(holdDisagreements(queue.state, scopeOfChange(before, change)))).toEqual(
        [...expected].sort(),
      );

      const repair = repairHolds(queue.ctx(), holdDisagreements(queue.state));
      queue.state = applyChange(queue.state, repair);
      expect(holdDisagreements(queue.state)).toEqual([]);
      // Nothing is lost: a ticket the repair touched is waiting again, to be called.
      for (const ticket of repair.tickets) expect(ticket.status).toBe('waiting');
      expect(repair.events.every((e) => e.type === 'ticket:requeued' && e.data.repair)).toBe(true);
    },
  );

  it('when a change touches nothing held, then its scope is empty of counters', () => {
    const queue = busyQueue();
    const waiting = queue.ticket('t4');
    const scope = scopeOfChange(queue.state, { ...emptyChange(), tickets: [waiting] });
    expect(scope).toEqual({ ticketIds: new Set(['t4']), counterIds: new Set() });
  });
});
