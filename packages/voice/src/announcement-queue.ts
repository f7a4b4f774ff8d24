import type { SpokenCall } from './call-clips';

/** A call as the queue needs it; a CallView fits. */
export interface AnnounceableCall extends SpokenCall {
  eventId: string;
  counterId: string;
  at: number;
  recall: boolean;
}

/** Pure state: which calls were dealt with, which wait, which one is being spoken. */
export interface AnnouncementQueue<C extends AnnounceableCall = AnnounceableCall> {
  /** Event ids queued, spoken or skipped: each is announced at most once. */
  seen: ReadonlySet<string>;
  pending: readonly C[];
  playing: C | null;
}

/** A call found on (re)connect older than this was said while the board was away. */
export const MAX_SYNC_AGE_MS = 30_000;

export const emptyQueue = <C extends AnnounceableCall>(): AnnouncementQueue<C> => ({
  seen: new Set(),
  pending: [],
  playing: null,
});

const byTime = (a: AnnounceableCall, b: AnnounceableCall): number => a.at - b.at;

function enqueue<C extends AnnounceableCall>(
  queue: AnnouncementQueue<C>,
  calls: readonly C[],
  announce: (call: C) => boolean,
): AnnouncementQueue<C> {
  const fresh = calls.filter((c) => !queue.seen.has(c.eventId));
  if (fresh.length === 0) return queue;
  const seen = new Set(queue.seen);
  for (const call of fresh) seen.add(call.eventId);
  const pending = [...queue.pending, ...fresh.filter(announce).sort(byTime)];
  return { ...queue, seen, pending };
}

/** Calls that arrived live (a delta): every new one is announced; a recall is a new event. */
export const queueLive = <C extends AnnounceableCall>(
  queue: AnnouncementQueue<C>,
  calls: readonly C[],
): AnnouncementQueue<C> => enqueue(queue, calls, () => true);

/**
 * Calls found in a snapshot (first load, reconnect, re-sync): a call the board has not seen
 * is announced only if it is recent; an older one is shown but never said, late and out of place.
 */
export const queueSynced = <C extends AnnounceableCall>(
  queue: AnnouncementQueue<C>,
  calls: readonly C[],
  hubNow: number,
  maxAgeMs = MAX_SYNC_AGE_MS,
): AnnouncementQueue<C> => enqueue(queue, calls, (c) => hubNow - c.at <= maxAgeMs);

/**
 * Starts the next announcement when nothing is being spoken: never two at once. A call still
 * waiting when its counter has already made a later call is dropped: the counter has moved on,
 * or recalled the same ticket, which is then said once, not twice in a row.
 */
export function startNext<C extends AnnounceableCall>(
  queue: AnnouncementQueue<C>,
): { queue: AnnouncementQueue<C>; started: C | null } {
  if (queue.playing) return { queue, started: null };
  const pending = queue.pending.filter(
    (call, i) => !queue.pending.slice(i + 1).some((later) => later.counterId === call.counterId),
  );
  const [next, ...rest] = pending;
  if (!next) return { queue: { ...queue, pending }, started: null };
  return { queue: { ...queue, pending: rest, playing: next }, started: next };
}

export const finishPlaying = <C extends AnnounceableCall>(
  queue: AnnouncementQueue<C>,
): AnnouncementQueue<C> => ({ ...queue, playing: null });

/** Runs the queue: `play` speaks one call; the next starts only when it has finished. */
export function createAnnouncer<C extends AnnounceableCall>(play: (call: C) => Promise<void>) {
  let queue = emptyQueue<C>();

  function pump(): void {
    const step = startNext(queue);
    queue = step.queue;
    if (!step.started) return;
    play(step.started)
      .catch(() => undefined) // a failed clip must not stop the calls after it
      .finally(() => {
        queue = finishPlaying(queue);
        pump();
      });
  }

  return {
    live(calls: readonly C[]): void {
      queue = queueLive(queue, calls);
      pump();
    },
    synced(calls: readonly C[], hubNow: number): void {
      queue = queueSynced(queue, calls, hubNow);
      pump();
    },
    /** True when a snapshot holds a call the queue has not dealt with yet. */
    hasUnseen(calls: readonly C[]): boolean {
      return calls.some((c) => !queue.seen.has(c.eventId));
    },
    get queue(): AnnouncementQueue<C> {
      return queue;
    },
  };
}

export type Announcer<C extends AnnounceableCall> = ReturnType<typeof createAnnouncer<C>>;
