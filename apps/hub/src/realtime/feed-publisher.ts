import type { QueueChange, QueueState, Ticket } from '@antre/domain';
import { mergeChanges, ticketsOfService } from '@antre/domain';
import type {
  CallView,
  ClientToHub,
  Delta,
  Feed,
  HubToClient,
  ServiceStats,
  Snapshot,
} from '@antre/protocol';
import { RECENT_CALLS } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import type { QueueEngine } from '../queue/queue-engine';
import type { QueueStore } from '../queue/queue-store';
import { CALL_EVENTS, serviceStats, toCallView, toTracking } from '../queue/ticket-views';
import type { Audience } from './feed-router';
import {
  audienceOf,
  buildingAudiences,
  feedOf,
  routeContent,
  statsAudiences,
  ticketsGone,
} from './feed-router';
import type { SocketData } from './socket-data';

// A day's calls, so every feed's snapshot holds its newest RECENT_CALLS however busy the others.
const DAY_CALLS = 20_000;

type Io = Server<ClientToHub, HubToClient, never, SocketData>;
type DeltaPart = Pick<
  Delta,
  'events' | 'tickets' | 'ticketsGone' | 'counters' | 'services' | 'calls'
>;

/**
 * Turns each saved batch of changes into numbered deltas, one stream per audience, and
 * answers snapshots; what each audience gets of either is decided by the feed router.
 */
export function createFeedPublisher(io: Io, engine: QueueEngine, store: QueueStore) {
  const hubEpoch = randomUUID();
  const seqs = new Map<string, number>();
  // The queue the feeds last described: a ticket's version there tells who saw it until now.
  let described = engine.queue;
  let todaysCalls = loadTodaysCalls(described);

  function loadTodaysCalls(queue: QueueState): CallView[] {
    return store
      .eventsOfDay(queue.serviceDay, CALL_EVENTS, DAY_CALLS)
      .map((e) => toCallView(engine.index, e, queue.tickets.get(e.ticketId ?? '')))
      .filter((c): c is CallView => c !== null);
  }

  function callsOf(change: QueueChange, queue: QueueState): CallView[] {
    return change.events
      .filter((e) => e.type === 'ticket:called' || e.type === 'ticket:recalled')
      .map((e) => toCallView(engine.index, e, queue.tickets.get(e.ticketId ?? '')))
      .filter((c): c is CallView => c !== null);
  }

  function emitDelta(feed: Feed, queue: QueueState, part: DeltaPart): void {
    if (Object.values(part).every((items: unknown[]) => items.length === 0)) return;
    const seq = (seqs.get(feed) ?? 0) + 1;
    seqs.set(feed, seq);
    io.to(feed).emit('sync:delta', { hubEpoch, feed, seq, serviceDay: queue.serviceDay, ...part });
  }

  function publish(change: QueueChange, queue: QueueState): void {
    const index = engine.index;
    const calls = callsOf(change, queue);
    todaysCalls.push(...calls);
    // Trimmed a quarter at a time: trimming one call at a time copied 20,000 per command.
    if (todaysCalls.length > DAY_CALLS * 1.25) todaysCalls = todaysCalls.slice(-DAY_CALLS);
    const content = { ...change, calls };
    for (const audience of buildingAudiences(index)) {
      emitDelta(feedOf(audience), queue, {
        ...routeContent([audience], index, content),
        ticketsGone: ticketsGone(audience, index, change.tickets, described.tickets),
      });
    }
    described = queue;
    publishTracking(change, queue);
    publishStats(change, queue);
  }

  /** The services a change touched: its tickets' (both sides of a transfer), its counters'. */
  function servicesTouched(change: QueueChange): Set<string> {
    return new Set([
      ...change.tickets.flatMap((t) => [t.serviceId, t.transferredFromServiceId ?? '']),
      ...change.counters.flatMap(
        (c) => engine.index.counters.get(c.counterId)?.services.map((l) => l.serviceId) ?? [],
      ),
    ]);
  }

  /**
   * A ticket's page follows its own changes, its place in line and its counters opening: the
   * change's tickets and those waiting in the services it touched, not the whole day's.
   */
  function publishTracking(change: QueueChange, queue: QueueState): void {
    const touched = new Map<string, Ticket>();
    for (const serviceId of servicesTouched(change))
      for (const ticket of ticketsOfService(queue, serviceId).waiting.values())
        touched.set(ticket.id, ticket);
    for (const changed of change.tickets) {
      const ticket = queue.tickets.get(changed.id);
      if (ticket) touched.set(ticket.id, ticket);
    }
    for (const ticket of touched.values()) {
      const room = `ticket:${ticket.code}`;
      if (io.sockets.adapter.rooms.has(room))
        io.to(room).emit('ticket:tracked', toTracking(engine.index, queue, ticket, engine.now()));
    }
  }

  /** Waiting counts, hours and counters open, for each service the change touched. */
  function publishStats(change: QueueChange, queue: QueueState): void {
    const services = servicesTouched(change);
    const now = engine.now();
    const stats = [...services]
      .map((id) => serviceStats(engine.index, queue, id, now))
      .filter((s): s is ServiceStats => s !== null);
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

  // One delta per saved batch: a burst of calls saved together reaches each board at once.
  engine.onBatch((changes, queue) => publish(mergeChanges(changes), queue));
  engine.onNewDay((queue) => {
    described = queue;
    todaysCalls = loadTodaysCalls(queue);
    // Every client starts the new day from a fresh snapshot.
    for (const socket of io.sockets.sockets.values())
      socket.emit('sync:snapshot', snapshotFor(socket.data.feeds));
  });

  /** Everything a socket's feeds need to render now, with the sequence each feed is at. */
  function snapshotFor(feeds: string[]): Snapshot {
    const queue = engine.queue;
    const audiences = feeds.map(audienceOf).filter((a): a is Audience => a !== null);
    const seen = routeContent(audiences, engine.index, {
      tickets: [...queue.tickets.values()],
      counters: [...queue.counters.values()],
      services: [...queue.services.values()],
      calls: todaysCalls,
      events: [],
    });
    return {
      hubEpoch,
      serviceDay: queue.serviceDay,
      serverTime: engine.now(),
      seqs: Object.fromEntries(feeds.map((f) => [f, seqs.get(f) ?? 0])),
      tickets: seen.tickets,
      counters: seen.counters,
      services: seen.services,
      calls: seen.calls.slice(-RECENT_CALLS),
    };
  }

  return { snapshotFor, hubEpoch };
}

export type FeedPublisher = ReturnType<typeof createFeedPublisher>;
