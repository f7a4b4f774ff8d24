import type { SyncedState } from '@antre/client';
import type { Building, Ticket } from '@antre/domain';
import { callNext, markNoShow, park, recall } from '@antre/domain';
import { describe, expect, it } from 'vitest';
// The domain's own test kit: a queue that runs the real commands, one at a time.
import { at, makeBuilding, makeCounter, TestQueue } from '@antre/domain/testing';
import { counterView, findServices, officerStats } from './counter-view';

/** What the counter app holds after its snapshot and deltas: the hub's queue, as the feed carries it. */
const synced = (queue: TestQueue): SyncedState => ({
  hubEpoch: 'epoch',
  serviceDay: queue.state.serviceDay,
  seqs: {},
  tickets: queue.state.tickets,
  counters: queue.state.counters,
  services: queue.state.services,
  calls: [],
  clockOffsetMs: 0,
});

const labels = (tickets: readonly Ticket[]): string[] => tickets.map((t) => t.label);

function viewAt(queue: TestQueue, building: Building, counterId: string) {
  return counterView(
    building,
    synced(queue),
    building.counters.find((c) => c.id === counterId)!,
  );
}

/** Presses F1 until nobody is left, serving each visitor through; the labels in call order. */
function pressF1UntilEmpty(queue: TestQueue, counterId: string): string[] {
  const called: string[] = [];
  for (let ticket = queue.serveNext(counterId); ticket; ticket = queue.serveNext(counterId))
    called.push(ticket.label);
  return called;
}

describe('the waiting list is the order F1 calls', () => {
  it('when a priority visitor was just called, then the next call and the top of the list are regular ones, the waiting priority after three', () => {
    const building = makeBuilding();
    const queue = new TestQueue(building).open('loket2');
    queue.issue('ktp', 'elderly');
    queue.serveNext('loket2'); // the priority streak starts again at 0
    queue.advance(1);
    queue.issue('ktp', 'disability'); // A-002, first in line by arrival
    for (let i = 0; i < 4; i++) queue.advance(1).issue('ktp'); // A-003 … A-006

    const waiting = labels(viewAt(queue, building, 'loket2').waiting);
    expect(waiting).toEqual(['A-003', 'A-004', 'A-005', 'A-002', 'A-006']);
    expect(pressF1UntilEmpty(queue, 'loket2')).toEqual(waiting);
  });

  it('when three regular visitors were called since the last priority one, then a priority visitor tops the list', () => {
    const building = makeBuilding();
    const queue = new TestQueue(building).open('loket2');
    queue.issue('ktp', 'elderly');
    queue.serveNext('loket2');
    for (let i = 0; i < 3; i++) queue.issue('ktp');
    for (let i = 0; i < 3; i++) queue.serveNext('loket2');
    queue.issue('ktp');
    queue.issue('ktp', 'pregnant');

    const waiting = labels(viewAt(queue, building, 'loket2').waiting);
    expect(waiting).toEqual(['A-006', 'A-005']);
    expect(pressF1UntilEmpty(queue, 'loket2')).toEqual(waiting);
  });

  it('when a counter serves its services in a stated order, then each service’s line follows the one before', () => {
    const building = makeBuilding();
    const queue = new TestQueue(building).open('loket1');
    queue.issue('kk');
    queue.advance(1).issue('ktp');
    queue.advance(1).issue('kk');

    const waiting = labels(viewAt(queue, building, 'loket1').waiting);
    expect(waiting).toEqual(['A-001', 'B-001', 'B-002']);
    expect(pressF1UntilEmpty(queue, 'loket1')).toEqual(waiting);
  });

  it('when a counter weighs its services, then the list takes each by its share as F1 does', () => {
    const building = makeBuilding({
      counters: [
        makeCounter('loket3', ['ktp', 'kk'], {
          selection: 'weight',
          services: [
            { serviceId: 'ktp', weight: 2 },
            { serviceId: 'kk', weight: 1 },
          ],
        }),
      ],
    });
    const queue = new TestQueue(building).open('loket3');
    for (let i = 0; i < 4; i++) {
      queue.advance(1).issue('kk');
      queue.advance(1).issue('ktp');
    }
    queue.serveNext('loket3');

    const waiting = labels(viewAt(queue, building, 'loket3').waiting);
    expect(waiting).toHaveLength(7);
    expect(pressF1UntilEmpty(queue, 'loket3')).toEqual(waiting);
  });

  it('when a served service is switched off, then its visitors stay on the list after those F1 calls', () => {
    const building = makeBuilding({ counters: [makeCounter('loket1', ['kk', 'ktp'])] });
    const queue = new TestQueue(building);
    queue.issue('kk');
    queue.advance(1).issue('ktp');
    const kkOff = {
      ...building,
      services: building.services.map((s) => (s.id === 'kk' ? { ...s, active: false } : s)),
    };

    expect(labels(viewAt(queue, kkOff, 'loket1').waiting)).toEqual(['A-001', 'B-001']);
  });
});

describe('the other lines behind the desk', () => {
  it('when tickets are held, parked and absent, then the view sorts each as the officer needs it', () => {
    const building = makeBuilding();
    const queue = new TestQueue(building, at('09:00')).open('loket1', 'loket2', 'loket7');
    for (const serviceId of ['ktp', 'ktp', 'ktp', 'kk', 'pajak']) queue.issue(serviceId);
    const [parkedElsewhere] = queue.must((ctx) => callNext(ctx, 'loket2')).tickets;
    queue.must((ctx) => park(ctx, 'loket2', 'Fotokopi'));
    const [parkedHere] = queue.must((ctx) => callNext(ctx, 'loket1')).tickets;
    queue.must((ctx) => park(ctx, 'loket1', 'Foto'));
    const [parkedAtSamsat] = queue.must((ctx) => callNext(ctx, 'loket7')).tickets;
    queue.must((ctx) => park(ctx, 'loket7', 'STNK'));
    const [absent] = queue.must((ctx) => callNext(ctx, 'loket1')).tickets;
    queue.must((ctx) => recall(ctx, 'loket1'));
    queue.advance(1).must((ctx) => markNoShow(ctx, 'loket1'));
    const [held] = queue.must((ctx) => callNext(ctx, 'loket1')).tickets;

    const view = viewAt(queue, building, 'loket1');
    expect(view.held?.label).toBe(held!.label);
    expect(view.status.ticketId).toBe(held!.id);
    expect(labels(view.parked)).toEqual([parkedHere!.label, parkedElsewhere!.label]);
    expect(labels(view.parked)).not.toContain(parkedAtSamsat!.label);
    expect(labels(view.noShows)).toEqual([absent!.label]);
    expect(view.waiting).toEqual([]);
  });

  it('when the counter has no state yet today, then it is closed and holds nothing', () => {
    const building = makeBuilding();
    const view = viewAt(new TestQueue(building), building, 'loket1');
    expect(view.status.status).toBe('closed');
    expect(view.held).toBeNull();
  });
});

describe('an officer’s day and the transfer search', () => {
  it('when an officer has finished visitors, then the count and mean service time are theirs only', () => {
    const building = makeBuilding();
    const queue = new TestQueue(building).open('loket1');
    queue.issue('ktp');
    queue.issue('ktp');
    queue.serveNext('loket1');
    queue.serveNext('loket1');
    const stats = officerStats(queue.state.tickets.values(), 'petugas-1');
    expect(stats).toEqual({ served: 2, averageMinutes: 0 });
    expect(officerStats(queue.state.tickets.values(), 'petugas-2')).toEqual({
      served: 0,
      averageMinutes: null,
    });
  });

  it.each([
    ['an exact prefix first', 's', 'ktp', ['pajak', 'kk', 'bpjs']],
    ['every word typed', 'layanan kk', 'ktp', ['kk']],
    ['the agency’s name', 'samsat', 'ktp', ['pajak']],
    ['not the service it is at', 'dinas', 'ktp', ['kk']],
  ])(
    'when the officer types to transfer, then the search matches %s',
    (_case, query, except, ids) => {
      expect(findServices(makeBuilding(), query, except).map((s) => s.id)).toEqual(ids);
    },
  );
});
