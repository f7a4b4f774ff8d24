import type { Ticket } from '@antre/domain';
import type { Delta, Snapshot } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { applyDelta, fromSnapshot } from './synced-state';

const snapshot: Snapshot = {
  hubEpoch: 'e1',
  serviceDay: '2026-11-23',
  serverTime: 1_000_500,
  seqs: { 'zone:a': 4 },
  tickets: [],
  counters: [],
  services: [],
  calls: [],
};
const call = (eventId: string) => ({
  eventId,
  ticketId: 't1',
  label: 'A-001',
  counterId: 'loket-1',
  counterName: 'Loket 1',
  counterNumber: 1,
  agencyId: 'x',
  agencyName: 'X',
  serviceName: 'S',
  zoneId: 'a',
  at: 1,
  recall: false,
});
const delta = (patch: Partial<Delta>): Delta => ({
  hubEpoch: 'e1',
  feed: 'zone:a',
  seq: 5,
  serviceDay: '2026-11-23',
  events: [],
  tickets: [],
  ticketsGone: [],
  counters: [],
  services: [],
  calls: [call('c1')],
  ...patch,
});

describe('applying deltas to a snapshot', () => {
  it.each([
    ['the next seq', {}, 'applied'],
    ['a seq already seen', { seq: 4 }, 'stale'],
    ['a skipped seq', { seq: 6 }, 'gap'],
    ['another hub epoch (restart)', { hubEpoch: 'e2' }, 'gap'],
    ['another service day', { serviceDay: '2026-11-24' }, 'gap'],
    ['a feed the snapshot did not have', { feed: 'zone:b' as const }, 'gap'],
  ] as const)('when a delta has %s, then it is %s', (_case, patch, kind) => {
    expect(applyDelta(fromSnapshot(snapshot), delta(patch)).kind).toBe(kind);
  });

  it('when a delta applies, then its seq is kept and a call seen twice is listed once', () => {
    const first = applyDelta(fromSnapshot(snapshot), delta({}));
    if (first.kind !== 'applied') throw new Error(first.kind);
    expect(first.state.seqs['zone:a']).toBe(5);
    const second = applyDelta(first.state, delta({ seq: 6, calls: [call('c1'), call('c2')] }));
    if (second.kind !== 'applied') throw new Error(second.kind);
    expect(second.state.calls.map((c) => c.eventId)).toEqual(['c1', 'c2']);
  });
});

describe('what a snapshot and deltas leave', () => {
  it('when a snapshot arrives, then the hub clock is read as its time against this device’s', () => {
    expect(fromSnapshot(snapshot, 1_000_000).clockOffsetMs).toBe(500);
  });

  it('when a delta says a ticket is gone from the feed, then the client forgets it', () => {
    const ticket = { id: 't1' } as Ticket;
    const held = fromSnapshot({ ...snapshot, tickets: [ticket] });
    const outcome = applyDelta(held, delta({ calls: [], ticketsGone: ['t1'] }));
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    expect([...outcome.state.tickets.keys()]).toEqual([]);
  });

  it('when a delta carries a service’s day, then it replaces the one held', () => {
    const day = { serviceId: 's1', lastNumber: 3, regularStreak: 2 };
    const held = fromSnapshot({ ...snapshot, services: [{ ...day, regularStreak: 1 }] });
    const outcome = applyDelta(held, delta({ calls: [], services: [day] }));
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    expect(outcome.state.services.get('s1')).toEqual(day);
  });
});
