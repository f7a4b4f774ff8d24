import { describe, expect, it } from 'vitest';
import { callNext } from './call-commands';
import { finish, markNoShow, park, recall, startServing } from './serving-commands';
import { makeBuilding } from './testing/test-building';
import { TestQueue, codeOf } from './testing/test-queue';

const autoServe = () => new TestQueue(makeBuilding({ site: { autoServeOnCall: true } }));

describe('startServing and finish', () => {
  it('when a called visitor is started and finished, then times are kept and the counter is free', () => {
    const q = new TestQueue().open('loket2');
    const t = q.issue('ktp');
    const calledAt = q.advance(5).now;
    q.must((ctx) => callNext(ctx, 'loket2'));
    const servingAt = q.advance(1).now;
    q.must((ctx) => startServing(ctx, 'loket2'));
    const finishedAt = q.advance(12).now;
    const done = q.must((ctx) => finish(ctx, 'loket2'));
    expect(q.ticket(t.id)).toMatchObject({ status: 'done', calledAt, servingAt, finishedAt });
    expect(q.holding('loket2')).toBeNull();
    expect(done.events.map((e) => e.type)).toEqual(['ticket:done']);
  });

  it.each([
    ['finish a called ticket not yet started', 'called', 'finish', 'illegal_transition'],
    ['start a ticket already being served', 'serving', 'start', 'illegal_transition'],
    ['start with nothing held', 'idle', 'start', 'counter_idle'],
    ['finish with nothing held', 'idle', 'finish', 'counter_idle'],
  ] as const)('when the officer tries to %s, then %s', (_case, held, act, code) => {
    const q = new TestQueue().open('loket2');
    q.issue('ktp');
    if (held !== 'idle') q.must((ctx) => callNext(ctx, 'loket2'));
    if (held === 'serving') q.must((ctx) => startServing(ctx, 'loket2'));
    const before = q.state;
    const result = q.run((ctx) =>
      act === 'start' ? startServing(ctx, 'loket2') : finish(ctx, 'loket2'),
    );
    expect(codeOf(result)).toBe(code);
    expect(q.state).toBe(before);
  });

  it.each([
    ['serving', 'ok', ['ticket:done', 'ticket:called']],
    ['called', 'counter_busy', []],
  ] as const)(
    'when call-next is pressed while holding a %s ticket, then %s',
    (held, code, events) => {
      const q = new TestQueue().open('loket2');
      const first = q.issue('ktp');
      q.issue('ktp');
      q.must((ctx) => callNext(ctx, 'loket2'));
      if (held === 'serving') q.must((ctx) => startServing(ctx, 'loket2'));
      q.advance(8);
      const result = q.run((ctx) => callNext(ctx, 'loket2'));
      expect(codeOf(result)).toBe(code);
      expect(result.ok ? result.value.events.map((e) => e.type) : []).toEqual(events);
      const expectedFirst = held === 'serving' ? 'done' : 'called';
      expect(q.ticket(first.id).status).toBe(expectedFirst);
      if (held === 'serving') expect(q.ticket(first.id).finishedAt).toBe(q.now);
    },
  );

  it('when call-next finds nobody while one is served, then the one served stays served', () => {
    const q = new TestQueue().open('loket2');
    const t = q.issue('ktp');
    q.must((ctx) => callNext(ctx, 'loket2'));
    q.must((ctx) => startServing(ctx, 'loket2'));
    expect(codeOf(q.run((ctx) => callNext(ctx, 'loket2')))).toBe('queue_empty');
    expect([q.ticket(t.id).status, q.holding('loket2')]).toEqual(['serving', t.id]);
  });
});

describe('auto-serve on call', () => {
  it('when a site serves on call, then calling starts service at once with both events', () => {
    const q = autoServe().open('loket2');
    const t = q.issue('ktp');
    const change = q.must((ctx) => callNext(ctx, 'loket2'));
    expect(change.events.map((e) => e.type)).toEqual(['ticket:called', 'ticket:serving']);
    expect(q.ticket(t.id)).toMatchObject({ status: 'serving', calledAt: q.now, servingAt: q.now });
  });

  it('when the next is called under auto-serve, then the one served is finished first', () => {
    const q = autoServe().open('loket2');
    const first = q.issue('ktp');
    q.issue('ktp');
    q.must((ctx) => callNext(ctx, 'loket2'));
    q.advance(7);
    const change = q.must((ctx) => callNext(ctx, 'loket2'));
    expect(change.events.map((e) => e.type)).toEqual([
      'ticket:done',
      'ticket:called',
      'ticket:serving',
    ]);
    expect(q.ticket(first.id)).toMatchObject({ status: 'done', finishedAt: q.now });
  });

  // Serving began on the call, before anyone came: the officer can still recall, and mark the
  // visitor absent after the recalls the site asks for (one by default).
  it.each([
    ['recall', 'ok'],
    ['markNoShow', 'recall_required'],
    ['park', 'ok'],
    ['finish', 'ok'],
  ] as const)('when an auto-served ticket gets %s, then %s', (act, code) => {
    const q = autoServe().open('loket2');
    q.issue('ktp');
    q.must((ctx) => callNext(ctx, 'loket2'));
    const result = q.run((ctx) =>
      act === 'recall'
        ? recall(ctx, 'loket2')
        : act === 'markNoShow'
          ? markNoShow(ctx, 'loket2')
          : act === 'park'
            ? park(ctx, 'loket2', 'Ambil berkas')
            : finish(ctx, 'loket2'),
    );
    expect(codeOf(result)).toBe(code);
  });

  it('when a client still sends start after an auto-served call, then nothing changes and it is not an error', () => {
    const q = autoServe().open('loket2');
    const t = q.issue('ktp');
    q.must((ctx) => callNext(ctx, 'loket2'));
    const before = q.ticket(t.id);
    q.advance(2);
    const change = q.must((ctx) => startServing(ctx, 'loket2'));
    expect(change.events).toEqual([]);
    expect(q.ticket(t.id)).toEqual(before);
  });
});

describe('no-show where serving starts on call', () => {
  it('when nobody comes after a recall, then the officer marks the ticket absent and the counter is free', () => {
    const q = autoServe().open('loket2');
    const t = q.issue('ktp');
    q.must((ctx) => callNext(ctx, 'loket2'));
    q.must((ctx) => recall(ctx, 'loket2'));
    q.must((ctx) => markNoShow(ctx, 'loket2'));
    expect([q.ticket(t.id).status, q.holding('loket2')]).toEqual(['no_show', null]);
  });

  it('when serving was started by hand, then the visitor is there and cannot be marked absent', () => {
    const q = new TestQueue(makeBuilding()).open('loket2');
    q.issue('ktp');
    q.must((ctx) => callNext(ctx, 'loket2'));
    q.must((ctx) => recall(ctx, 'loket2'));
    q.must((ctx) => startServing(ctx, 'loket2'));
    expect(codeOf(q.run((ctx) => markNoShow(ctx, 'loket2')))).toBe('illegal_transition');
  });
});
