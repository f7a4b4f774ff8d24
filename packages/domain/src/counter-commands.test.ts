import { describe, expect, it } from 'vitest';
import { callNext, callTicket } from './call-commands';
import { closeCounter, openCounter, pauseCounter, resumeCounter } from './counter-commands';
import type { CounterStatus } from './queue-state';
import type { Command } from './testing/test-queue';
import { TestQueue, codeOf } from './testing/test-queue';

const OTHER_OFFICER = { userId: 'petugas-2', deviceId: 'counter-pc-2' };

const commands: Record<string, Command> = {
  open: (ctx) => openCounter(ctx, 'loket2'),
  pause: (ctx) => pauseCounter(ctx, 'loket2', 'Istirahat sholat'),
  resume: (ctx) => resumeCounter(ctx, 'loket2'),
  close: (ctx) => closeCounter(ctx, 'loket2'),
};

/** loket2 in the given status, holding A-001 when `holding`. */
function counterIn(status: CounterStatus, holding = false): TestQueue {
  const q = new TestQueue();
  q.issue('ktp');
  if (status === 'closed') return q;
  q.open('loket2');
  if (holding) q.must((ctx) => callNext(ctx, 'loket2'));
  if (status === 'paused') q.must(commands.pause!);
  return q;
}

describe('counter status moves', () => {
  it.each([
    ['closed', 'open', 'ok', 'open', 'counter:opened'],
    ['closed', 'pause', 'counter_closed', 'closed', null],
    ['closed', 'resume', 'illegal_transition', 'closed', null],
    ['closed', 'close', 'ok', 'closed', null],
    ['open', 'open', 'ok', 'open', null],
    ['open', 'pause', 'ok', 'paused', 'counter:paused'],
    ['open', 'resume', 'illegal_transition', 'open', null],
    ['open', 'close', 'ok', 'closed', 'counter:closed'],
    // Re-taking a paused counter (a new login) keeps the break going.
    ['paused', 'open', 'ok', 'paused', 'counter:opened'],
    ['paused', 'pause', 'counter_paused', 'paused', null],
    ['paused', 'resume', 'ok', 'open', 'counter:resumed'],
    ['paused', 'close', 'ok', 'closed', 'counter:closed'],
  ] as const)('when a %s counter gets %s, then %s and it is %s', (from, act, code, to, event) => {
    const q = counterIn(from);
    const result = q.run(commands[act]!);
    expect(codeOf(result)).toBe(code);
    expect(q.state.counters.get('loket2')?.status ?? 'closed').toBe(to);
    expect(result.ok ? (result.value.events[0]?.type ?? null) : null).toBe(event);
  });

  it.each([
    ['pause', 'counter_busy'],
    ['close', 'counter_busy'],
    ['open', 'ok'],
  ])('when an open counter holding a ticket gets %s, then %s', (act, code) => {
    const q = counterIn('open', true);
    expect(codeOf(q.run(commands[act]!))).toBe(code);
    expect(q.holding('loket2')).not.toBeNull();
  });

  it('when a counter is paused, then the reason is kept and cleared on resume', () => {
    const q = counterIn('paused');
    expect(q.state.counters.get('loket2')).toMatchObject({
      pauseReason: 'Istirahat sholat',
      since: q.now,
    });
    q.advance(60).must(commands.resume!);
    expect(q.state.counters.get('loket2')).toMatchObject({
      status: 'open',
      pauseReason: null,
      since: q.now,
    });
  });

  it('when another officer opens a counter, then it moves to them; the same officer opening again changes nothing', () => {
    const q = counterIn('open');
    expect(q.must(commands.open!).counters).toEqual([]);
    const taken = q.must(commands.open!, OTHER_OFFICER);
    expect(taken.counters[0]).toMatchObject({ status: 'open', officerId: 'petugas-2' });
    expect(taken.events[0]).toMatchObject({ type: 'counter:opened', actor: OTHER_OFFICER });
  });

  it('when a counter closes, then its officer is cleared', () => {
    const q = counterIn('open');
    q.must(commands.close!);
    expect(q.state.counters.get('loket2')).toMatchObject({ status: 'closed', officerId: null });
  });

  it.each(['open', 'pause', 'resume', 'close'])(
    'when %s names an unknown counter, then counter_not_found',
    (act) => {
      const q = new TestQueue();
      const unknown: Record<string, Command> = {
        open: (ctx) => openCounter(ctx, 'loket99'),
        pause: (ctx) => pauseCounter(ctx, 'loket99', 'x'),
        resume: (ctx) => resumeCounter(ctx, 'loket99'),
        close: (ctx) => closeCounter(ctx, 'loket99'),
      };
      expect(codeOf(q.run(unknown[act]!))).toBe('counter_not_found');
    },
  );
});

describe('a paused counter gets no calls', () => {
  it.each([
    [
      'call-next',
      (_id: string): Command =>
        (ctx) =>
          callNext(ctx, 'loket2'),
    ],
    [
      'a chosen ticket',
      (id: string): Command =>
        (ctx) =>
          callTicket(ctx, 'loket2', id),
    ],
  ])(
    'when a paused counter calls %s, then counter_paused and the ticket still waits',
    (_c, make) => {
      const q = counterIn('paused');
      const id = [...q.state.tickets.keys()][0]!;
      expect(codeOf(q.run(make(id)))).toBe('counter_paused');
      expect(q.ticket(id).status).toBe('waiting');
      q.must(commands.resume!);
      expect(codeOf(q.run(make(id)))).toBe('ok');
    },
  );

  it('when one of two counters pauses for Friday prayer, then every call goes to the other', () => {
    const q = new TestQueue().open('loket1', 'loket2');
    for (let i = 0; i < 4; i++) q.issue('ktp');
    q.must(commands.pause!);
    const served = [1, 2, 3, 4].map(() => {
      expect(codeOf(q.run((ctx) => callNext(ctx, 'loket2')))).toBe('counter_paused');
      return q.serveNext('loket1')?.label;
    });
    expect(served).toEqual(['A-001', 'A-002', 'A-003', 'A-004']);
  });
});
