import type { ClientToHub, HubToClient, ServiceStats } from '@antre/protocol';
import type { Server } from 'socket.io';
import type { QueueEngine } from '../queue/queue-engine';
import { serviceStats } from '../queue/ticket-views';
import { feedOf, statsAudiences } from './feed-router';
import type { SocketData } from './socket-data';

type Io = Server<ClientToHub, HubToClient, never, SocketData>;

/**
 * At most how often kiosks and boards hear the waiting counts. A count a quarter of a second
 * old is as good to a visitor as a fresh one, and a busy floor changes them tens of times a
 * second: sent per change, they were most of the hub's writes (every kiosk and every board of
 * the zone, for each call), and what kept each command's answer waiting.
 */
export const STATS_EVERY_MS = 250;

/**
 * Waiting counts, hours and counters open (`catalogue:stats`) of the services changes touched:
 * at once when none went out in the last STATS_EVERY_MS, else gathered and sent when it ends.
 */
export function createStatsPublisher(io: Io, engine: QueueEngine) {
  const pending = new Set<string>();
  let lastSent = -Infinity;
  let timer: NodeJS.Timeout | null = null;

  function send(): void {
    timer = null;
    if (pending.size === 0) return;
    lastSent = performance.now();
    const now = engine.now();
    const stats = [...pending]
      .map((id) => serviceStats(engine.index, engine.queue, id, now))
      .filter((s): s is ServiceStats => s !== null);
    pending.clear();
    if (stats.length > 0) io.to('catalogue').emit('catalogue:stats', stats);
    // Boards show how many wait for their zones' agencies (public numbers, as /api/services).
    const byZone = new Map<string, ServiceStats[]>();
    for (const s of stats) {
      for (const audience of statsAudiences(engine.index, s.serviceId)) {
        const feed = feedOf(audience);
        byZone.set(feed, [...(byZone.get(feed) ?? []), s]);
      }
    }
    for (const [zone, list] of byZone) io.to(zone).emit('catalogue:stats', list);
  }

  return {
    /** These services' counts changed: they go out now or with the next send. */
    touched(serviceIds: Iterable<string>): void {
      for (const id of serviceIds) if (id !== '') pending.add(id);
      if (timer || pending.size === 0) return;
      const wait = lastSent + STATS_EVERY_MS - performance.now();
      if (wait <= 0) send();
      else timer = setTimeout(send, wait);
    },
    stop(): void {
      if (timer) clearTimeout(timer);
      timer = null;
      pending.clear();
    },
  };
}

export type StatsPublisher = ReturnType<typeof createStatsPublisher>;
