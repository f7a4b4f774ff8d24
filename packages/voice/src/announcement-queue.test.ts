import { describe, expect, it } from 'vitest';
import type { AnnounceableCall } from './announcement-queue';
import {
  createAnnouncer,
  emptyQueue,
  finishPlaying,
  MAX_SYNC_AGE_MS,
  queueLive,
  queueSynced,
  startNext,
} from './announcement-queue';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const call = (label: string, at = NOW, recall = false, counter = label): AnnounceableCall => ({
  eventId: `${label}:${at}:${recall ? 'recalled' : 'called'}`,
  label,
  counterId: `counter-of-${counter}`,
  counterNumber: 1,
  agencyId: 'x',
  at,
  recall,
});

describe('the announcement queue', () => {
  it('when calls arrive live, then they are spoken in call order, one at a time', () => {
    let queue = queueLive(emptyQueue(), [call('A-002', NOW + 1), call('A-001', NOW)]);
    const first = startNext(queue);
    expect(first.started?.label).toBe('A-001');
    queue = queueLive(first.queue, [call('A-003', NOW + 2)]);
    expect(startNext(queue).started).toBeNull(); // still speaking A-001
    queue = finishPlaying(queue);
    const second = startNext(queue);
    expect(second.started?.label).toBe('A-002');
    expect(second.queue.pending.map((c) => c.label)).toEqual(['A-003']);
  });

  it('when the same call arrives twice, then it is spoken once', () => {
    const queue = queueLive(queueLive(emptyQueue(), [call('A-001')]), [call('A-001')]);
    expect(queue.pending).toHaveLength(1);
  });

  it('when a ticket is recalled after its call was spoken, then the recall is spoken again', () => {
    const first = startNext(queueLive(emptyQueue(), [call('A-001')]));
    expect(first.started?.recall).toBe(false);
    const queue = queueLive(finishPlaying(first.queue), [call('A-001', NOW + 20_000, true)]);
    expect(startNext(queue).started).toMatchObject({ label: 'A-001', recall: true });
  });

  it('when a counter calls again before its earlier call was spoken, then only the later one is spoken', () => {
    let queue = queueLive(emptyQueue(), [call('B-001', NOW, false, 'x')]);
    queue = startNext(queue).queue; // B-001 is being spoken
    queue = queueLive(queue, [
      call('A-001', NOW + 1, false, 'loket-3'),
      call('A-002', NOW + 2, false, 'loket-4'),
      call('A-001', NOW + 3, true, 'loket-3'),
    ]);
    queue = finishPlaying(queue);
    const labels: string[] = [];
    for (let step = startNext(queue); step.started; step = startNext(finishPlaying(step.queue)))
      labels.push(`${step.started.label}${step.started.recall ? ' (recall)' : ''}`);
    expect(labels).toEqual(['A-002', 'A-001 (recall)']);
  });

  it.each([
    ['just made', 0, true],
    ['exactly 30 s old', MAX_SYNC_AGE_MS, true],
    ['31 s old', MAX_SYNC_AGE_MS + 1_000, false],
    ['an hour old', 3_600_000, false],
  ])('when a snapshot after a reconnect holds a call %s, then announced is %s', (_c, age, said) => {
    const queue = queueSynced(emptyQueue(), [call('A-001', NOW - age)], NOW);
    expect(queue.pending.length === 1).toBe(said);
    expect(queue.seen.has(call('A-001', NOW - age).eventId)).toBe(true);
  });

  it('when an old call was skipped at a re-sync, then a later live copy of it is not spoken', () => {
    const old = call('A-001', NOW - 60_000);
    const queue = queueLive(queueSynced(emptyQueue(), [old], NOW), [old]);
    expect(queue.pending).toEqual([]);
  });

  it('when a snapshot repeats calls already spoken, then none is spoken again', () => {
    const spoken = call('A-001', NOW - 1_000);
    const queue = queueSynced(queueLive(emptyQueue(), [spoken]), [spoken, call('A-002')], NOW);
    expect(queue.pending.map((c) => c.label)).toEqual(['A-001', 'A-002']);
  });
});

describe('the announcer', () => {
  it('when calls come while one is spoken, then each waits for the one before to end', async () => {
    const log: string[] = [];
    const releases: (() => void)[] = [];
    const announcer = createAnnouncer<AnnounceableCall>(
      (c) =>
        new Promise<void>((resolve) => {
          log.push(`start ${c.label}`);
          releases.push(() => {
            log.push(`end ${c.label}`);
            resolve();
          });
        }),
    );
    announcer.live([call('A-001')]);
    announcer.live([call('A-002', NOW + 1)]);
    expect(log).toEqual(['start A-001']);
    releases.shift()!();
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['start A-001', 'end A-001', 'start A-002']);
  });

  it('when playing a call fails, then the next call is still spoken', async () => {
    const started: string[] = [];
    const announcer = createAnnouncer<AnnounceableCall>(async (c) => {
      started.push(c.label);
      if (c.label === 'A-001') throw new Error('no audio');
    });
    announcer.live([call('A-001'), call('A-002', NOW + 1)]);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['A-001', 'A-002']);
  });
});
