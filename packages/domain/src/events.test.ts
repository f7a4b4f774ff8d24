import { describe, expect, it } from 'vitest';
import { callNext, callTicket } from './call-commands';
import { closeCounter, openCounter, pauseCounter, resumeCounter } from './counter-commands';
import {
  cancelTicket,
  confirmPrint,
  expireTickets,
  issueTicket,
  voidPrint,
} from './issue-commands';
import type { Actor, QueueEvent, QueueEventType } from './queue-state';
import { QUEUE_EVENT_TYPES } from './queue-state';
import { requeueLate, transfer } from './requeue-commands';
import { ok } from './result';
import { finish, markNoShow, park, recall, startServing } from './serving-commands';
import { at } from './testing/test-building';
import type { Command } from './testing/test-queue';
import { TestQueue } from './testing/test-queue';

const kiosk: Actor = { userId: null, deviceId: 'kiosk-lobby' };
const siti: Actor = { userId: 'siti', deviceId: 'pc-loket-2' };
const budi: Actor = { userId: 'budi', deviceId: 'pc-loket-7' };
const system: Actor = { userId: null, deviceId: null };

// One day played step by step on one queue: each step runs on the state the last one left.
// [step, who, command, events it must yield, counter where it happened, service of the ticket]
type Step = [string, Actor, Command, QueueEventType[], string | null, string | null];

const q = new TestQueue();
const req = (id: string, serviceId = 'ktp', needsPrint = false) =>
  q.request(serviceId, { ticketId: id, code: `code-${id}`, needsPrint });

// prettier-ignore
const day: Step[] = [
  ['siti opens loket2', siti, (c) => openCounter(c, 'loket2'), ['counter:opened'], 'loket2', null],
  ['budi opens loket7', budi, (c) => openCounter(c, 'loket7'), ['counter:opened'], 'loket7', null],
  ['the kiosk issues a', kiosk, (c) => issueTicket(c, req('a', 'ktp', true)), ['ticket:issued'], null, 'ktp'],
  ['the printer confirms a', kiosk, (c) => confirmPrint(c, 'a'), ['ticket:printed'], null, 'ktp'],
  ['the kiosk issues b', kiosk, (c) => issueTicket(c, req('b', 'ktp', true)), ['ticket:issued'], null, 'ktp'],
  ['the print of b fails', kiosk, (c) => voidPrint(c, 'b', 'paper_out'), ['ticket:voided'], null, 'ktp'],
  ['staff issue c', siti, (c) => issueTicket(c, req('c')), ['ticket:issued'], null, 'ktp'],
  ['the visitor cancels c', kiosk, (c) => cancelTicket(c, 'c'), ['ticket:cancelled'], null, 'ktp'],
  ['staff issue d', siti, (c) => issueTicket(c, req('d')), ['ticket:issued'], null, 'ktp'],
  ['siti calls a', siti, (c) => callNext(c, 'loket2'), ['ticket:called'], 'loket2', 'ktp'],
  ['siti recalls a', siti, (c) => recall(c, 'loket2'), ['ticket:recalled'], 'loket2', 'ktp'],
  ['siti marks a absent', siti, (c) => markNoShow(c, 'loket2'), ['ticket:no-show'], 'loket2', 'ktp'],
  ['a comes back late', kiosk, (c) => requeueLate(c, 'a'), ['ticket:requeued'], null, 'ktp'],
  ['siti calls d', siti, (c) => callNext(c, 'loket2'), ['ticket:called'], 'loket2', 'ktp'],
  ['siti starts d', siti, (c) => startServing(c, 'loket2'), ['ticket:serving'], 'loket2', 'ktp'],
  ['siti parks d', siti, (c) => park(c, 'loket2', 'Fotokopi'), ['ticket:parked'], 'loket2', 'ktp'],
  ['siti calls d back', siti, (c) => callTicket(c, 'loket2', 'd'), ['ticket:called'], 'loket2', 'ktp'],
  ['siti starts d again', siti, (c) => startServing(c, 'loket2'), ['ticket:serving'], 'loket2', 'ktp'],
  ['siti calls a, ending d', siti, (c) => callNext(c, 'loket2'), ['ticket:done', 'ticket:called'], 'loket2', 'ktp'],
  ['siti transfers a to Samsat', siti, (c) => transfer(c, 'loket2', { toServiceId: 'pajak', note: 'BBN', position: 'first' }), ['ticket:transferred'], 'loket2', 'pajak'],
  ['budi calls a', budi, (c) => callNext(c, 'loket7'), ['ticket:called'], 'loket7', 'pajak'],
  ['budi starts a', budi, (c) => startServing(c, 'loket7'), ['ticket:serving'], 'loket7', 'pajak'],
  ['budi finishes a', budi, (c) => finish(c, 'loket7'), ['ticket:done'], 'loket7', 'pajak'],
  ['siti pauses', siti, (c) => pauseCounter(c, 'loket2', 'Sholat'), ['counter:paused'], 'loket2', null],
  ['siti resumes', siti, (c) => resumeCounter(c, 'loket2'), ['counter:resumed'], 'loket2', null],
  ['siti closes', siti, (c) => closeCounter(c, 'loket2'), ['counter:closed'], 'loket2', null],
  ['staff issue e', budi, (c) => issueTicket(c, req('e')), ['ticket:issued'], null, 'ktp'],
  ['the site closes', system, (c) => ok(expireTickets(c, 'waiting')), ['ticket:expired'], null, 'ktp'],
];

describe('every transition is an event with who, when and where', () => {
  const emitted: QueueEvent[] = [];
  q.now = at('08:00');

  it.each(day)(
    'when %s, then the events say who, when and where',
    (_s, actor, command, types, counterId, serviceId) => {
      q.advance(3);
      const change = q.must(command, actor);
      emitted.push(...change.events);
      expect(change.events.map((e) => e.type)).toEqual(types);
      const last = change.events.at(-1)!;
      expect(last).toMatchObject({ at: q.now, actor, counterId, serviceId });
      for (const e of change.events) expect(e.at).toBe(q.now);
      const ticketIds = change.tickets.map((t) => t.id);
      if (serviceId) expect(ticketIds).toContain(last.ticketId);
      else expect(last.ticketId).toBeNull();
    },
  );

  it('when the day is played through, then every kind of queue event was seen', () => {
    expect(new Set(emitted.map((e) => e.type))).toEqual(new Set(QUEUE_EVENT_TYPES));
  });

  it('when the day ends with a counter still open, then it is closed by the system with a reason', () => {
    const end = new TestQueue().open('loket7');
    end.now = at('00:00', '2026-03-03');
    const change = expireTickets(end.ctx(system), 'all');
    expect(change.events).toEqual([
      {
        type: 'counter:closed',
        at: end.now,
        actor: system,
        ticketId: null,
        counterId: 'loket7',
        serviceId: null,
        data: { reason: 'day_end' },
      },
    ]);
  });
});
