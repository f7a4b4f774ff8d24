import { describe, expect, it } from 'vitest';
import { callNext } from './call-commands';
import { closeCounter } from './counter-commands';
import {
  cancelTicket,
  confirmPrint,
  expireTickets,
  issueTicket,
  voidPrint,
} from './issue-commands';
import type { QueueState } from './queue-state';
import {
  applyChange,
  mergeChanges,
  queueOf,
  SERVICE_TIME_HISTORY,
  ticketsOfService,
} from './queue-state';
import { requeueLate, transfer } from './requeue-commands';
import { ok } from './result';
import { finish, markNoShow, park, recall, startServing } from './serving-commands';
import type { Command } from './testing/test-queue';
import { KIOSK, TestQueue } from './testing/test-queue';
import type { Ticket } from './ticket';

/** What each service's index must say, counted the slow way over every ticket of the day. */
function recount(state: QueueState, serviceId: string) {
  const all = [...state.tickets.values()];
  const calledAt = new Map<string, number>();
  for (const t of all)
    if (t.serviceId === serviceId && t.calledAt !== null && t.counterId !== null)
      calledAt.set(t.counterId, (calledAt.get(t.counterId) ?? 0) + 1);
  const origin = all.filter((t) => t.originServiceId === serviceId && t.status !== 'void');
  return {
    waiting: all
      .filter((t) => t.serviceId === serviceId && t.status === 'waiting')
      .map((t) => t.id)
      .sort(),
    issued: origin.length,
    walkIns: origin.filter((t) => t.channel !== 'online').length,
    recentDone: all
      .filter(
        (t) =>
          t.serviceId === serviceId &&
          t.status === 'done' &&
          t.servingAt !== null &&
          t.finishedAt !== null,
      )
      .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0))
      .slice(0, SERVICE_TIME_HISTORY)
      .map((t) => t.finishedAt),
    calledAt: Object.fromEntries([...calledAt].filter(([, n]) => n > 0).sort()),
  };
}

function indexed(state: QueueState, serviceId: string) {
  const kept = ticketsOfService(state, serviceId);
  return {
    waiting: [...kept.waiting.keys()].sort(),
    issued: kept.issued,
    walkIns: kept.walkIns,
    recentDone: kept.recentDone.map((t) => t.finishedAt),
    calledAt: Object.fromEntries([...kept.calledAt].filter(([, n]) => n > 0).sort()),
  };
}

/** A small deterministic random source, so a failing day can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const SERVICES = ['ktp', 'kk', 'pajak', 'bpjs'];
const COUNTERS = ['loket1', 'loket2', 'loket7'];

describe('the per-service index kept with each change', () => {
  it.each([1, 2, 3, 4, 5, 6])(
    'when a day of random commands runs (seed %i), then the index equals a recount of every ticket',
    (seed) => {
      const next = random(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
      const queue = new TestQueue().open(...COUNTERS);
      const ticketIds = (): string[] => [...queue.state.tickets.keys()];
      const commands: (() => Command)[] = [
        () => (ctx) =>
          issueTicket(
            ctx,
            queue.request(pick(SERVICES), {
              channel: pick(['kiosk', 'online', 'staff'] as const),
              needsPrint: next() < 0.3,
              priority: next() < 0.2 ? 'elderly' : null,
            }),
          ),
        () => (ctx) => confirmPrint(ctx, pick(ticketIds())),
        () => (ctx) => voidPrint(ctx, pick(ticketIds()), 'paper_out'),
        () => (ctx) => cancelTicket(ctx, pick(ticketIds())),
        () => (ctx) => callNext(ctx, pick(COUNTERS)),
        () => (ctx) => callNext(ctx, pick(COUNTERS)),
        () => (ctx) => recall(ctx, pick(COUNTERS)),
        () => (ctx) => startServing(ctx, pick(COUNTERS)),
        () => (ctx) => finish(ctx, pick(COUNTERS)),
        () => (ctx) => markNoShow(ctx, pick(COUNTERS)),
        () => (ctx) => park(ctx, pick(COUNTERS), 'berkas'),
        () => (ctx) => requeueLate(ctx, pick(ticketIds())),
        () => (ctx) =>
          transfer(ctx, pick(COUNTERS), {
            toServiceId: pick(SERVICES),
            note: '',
            position: pick(['arrival', 'first'] as const),
          }),
        () => (ctx) => closeCounter(ctx, pick(COUNTERS)),
      ];
      let applied = 0;
      for (let step = 0; step < 600; step += 1) {
        if (step % 97 === 0)
          queue.open(
            ...COUNTERS.filter(
              (id) =>
                !queue.state.counters.get(id) || queue.state.counters.get(id)?.status === 'closed',
            ),
          );
        const result = queue.run(pick(commands)(), next() < 0.5 ? KIOSK : queue.actor);
        if (result.ok) applied += 1;
        queue.advance(next() * 3);
        for (const serviceId of SERVICES)
          expect(indexed(queue.state, serviceId), `step ${step}, ${serviceId}`).toEqual(
            recount(queue.state, serviceId),
          );
      }
      // The day's end expires what is left; the index follows.
      queue.run((ctx) => ok(expireTickets(ctx, 'all')));
      for (const serviceId of SERVICES)
        expect(indexed(queue.state, serviceId)).toEqual(recount(queue.state, serviceId));
      // A day loaded from its saved rows indexes the same.
      const reloaded = queueOf(queue.state.serviceDay, {
        tickets: [...queue.state.tickets.values()],
        counters: [...queue.state.counters.values()],
        services: [...queue.state.services.values()],
      });
      for (const serviceId of SERVICES)
        expect(indexed(reloaded, serviceId)).toEqual(indexed(queue.state, serviceId));
      expect(applied).toBeGreaterThan(150);
    },
  );

  it('when a change is applied, then the queue before it keeps its own tickets and index', () => {
    const queue = new TestQueue().open('loket1');
    queue.issue('ktp');
    const before = queue.state;
    const waitingBefore = ticketsOfService(before, 'ktp').waiting.size;
    queue.issue('ktp');
    queue.serveNext('loket1');
    expect(before.tickets.size).toBe(1);
    expect(ticketsOfService(before, 'ktp').waiting.size).toBe(waitingBefore);
    expect(ticketsOfService(queue.state, 'ktp').waiting.size).toBe(1);
    expect([...before.tickets.values()].map((t: Ticket) => t.status)).toEqual(['waiting']);
  });
});

describe('mergeChanges', () => {
  it('when changes follow one another, then the merge holds each item in its last version and every event in order', () => {
    const queue = new TestQueue().open('loket1');
    const changes = [
      queue.must((ctx) => issueTicket(ctx, queue.request('ktp'))),
      queue.must((ctx) => callNext(ctx, 'loket1')),
      queue.must((ctx) => startServing(ctx, 'loket1')),
    ];
    const merged = mergeChanges(changes);
    expect(merged.tickets.map((t) => t.status)).toEqual(['serving']);
    expect(merged.counters.map((c) => c.ticketId)).toEqual([merged.tickets[0]?.id]);
    expect(merged.events.map((e) => e.type)).toEqual([
      'ticket:issued',
      'ticket:called',
      'ticket:serving',
    ]);
    // Applied at once, the merge leaves the queue each change led to.
    expect(
      applyChange(new TestQueue().open('loket1').state, merged).tickets.get(merged.tickets[0]!.id),
    ).toEqual(queue.state.tickets.get(merged.tickets[0]!.id));
  });
});
