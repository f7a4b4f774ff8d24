import type { Delta, Snapshot } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { applyDelta, fromSnapshot } from './synced-state';

const snapshot: Snapshot = {
  hubEpoch: 'e1',
  serviceDay: '2026-11-23',
  seqs: { 'zone:a': 4 },
  tickets: [],
  counters: [],
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
  counters: [],
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
