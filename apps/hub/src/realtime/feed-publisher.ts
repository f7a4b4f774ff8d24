import type { BuildingIndex, QueueChange, QueueState, Ticket } from '@antre/domain';
import { mergeChanges, ticketsOfService } from '@antre/domain';
import type { CallView, ClientToHub, Delta, Feed, HubToClient, Snapshot } from '@antre/protocol';
import { RECENT_CALLS } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import type { QueueEngine } from '../queue/queue-engine';
import type { QueueStorage } from '../queue/queue-storage';
import { CALL_EVENTS, toCallView, toTracking } from '../queue/ticket-views';
import type { Audience } from './feed-router';
import {
  audienceOf,
  buildingAudiences,
  feedOf,
  routeChange,
  routeContent,
  ticketsGone,
} from './feed-router';
import type { SocketData } from './socket-data';
import { createStatsPublisher } from './stats-publisher';

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
export async function createFeedPublisher(io: Io, engine: QueueEngine, store: QueueStorage) {
  const hubEpoch = randomUUID();
  const seqs = new Map<string, number>();
  // The queue the feeds last described: a ticket's version there tells who saw it until now.
  let described = engine.queue;
  /** The day's calls, newest last: read once at start, then kept from each batch. */
  let todaysCalls = await loadTodaysCalls(described);
  const stats = createStatsPublisher(io, engine);
  /** The tickets phones follow: a ticket's id by its code, while its room has a socket. */
  const watched = new Map<string, string>();
  io.of('/').adapter.on('delete-room', (room: string) => {
    if (room.startsWith('ticket:')) watched.delete(room.slice('ticket:'.length));
  });

  async function loadTodaysCalls(queue: QueueState): Promise<CallView[]> {
    return (await store.eventsOfDay(queue.serviceDay, CALL_EVENTS, DAY_CALLS))
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

  /** Boards first: a call is read on them, by people waiting for it. Kept per configuration. */
  let ordered: { index: BuildingIndex; audiences: Audience[] } | null = null;
  function publishOrder(index: BuildingIndex): Audience[] {
    if (ordered?.index !== index) {
      const audiences = buildingAudiences(index).sort(
        (a, b) => Number(b.kind === 'zone') - Number(a.kind === 'zone'),
      );
      ordered = { index, audiences };
    }
    return ordered.audiences;
  }

  function publish(change: QueueChange, queue: QueueState): void {
    const index = engine.index;
    const calls = callsOf(change, queue);
    todaysCalls.push(...calls);
    // Trimmed a quarter at a time: trimming one call at a time copied 20,000 per command.
    if (todaysCalls.length > DAY_CALLS * 1.25) todaysCalls = todaysCalls.slice(-DAY_CALLS);
    const content = { ...change, calls };
    // Who sees a ticket depends on its services only: a ticket whose services are as they
    // were leaves no one's sight (asked once, not once per audience).
    const moved = change.tickets.filter((t) => {
      const was = described.tickets.get(t.id);
      return (
        was !== undefined &&
        (was.serviceId !== t.serviceId ||
          was.transferredFromServiceId !== t.transferredFromServiceId)
      );
    });
    const audiences = publishOrder(index);
    const ticketsById = new Map(content.tickets.map((t) => [t.id, t]));
    for (const audience of audiences) {
      const seen = routeChange(audience, index, content, ticketsById);
      const gone = moved.length > 0 ? ticketsGone(audience, index, moved, described.tickets) : [];
      if (!seen && gone.length === 0) continue;
      emitDelta(feedOf(audience), queue, {
        ...(seen ?? { tickets: [], counters: [], services: [], calls: [], events: [] }),
        ticketsGone: gone,
      });
    }
    described = queue;
    const services = servicesTouched(change);
    publishTracking(change, queue, services);
    stats.touched(services);
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
   * A ticket's page follows its own changes, its place in line and its counters opening: of
   * the tickets phones follow, those the change touched or waiting in a service it touched.
   */
  function publishTracking(change: QueueChange, queue: QueueState, services: Set<string>): void {
    if (watched.size === 0) return;
    const changed = new Set(change.tickets.map((t) => t.id));
    for (const [code, id] of watched) {
      const ticket = queue.tickets.get(id);
      if (!ticket) continue; // a ticket of another day
      const moved =
        changed.has(id) ||
        (services.has(ticket.serviceId) &&
          ticketsOfService(queue, ticket.serviceId).waiting.has(id));
      if (moved)
        io.to(`ticket:${code}`).emit(
          'ticket:tracked',
          toTracking(engine.index, queue, ticket, engine.now()),
        );
    }
  }

  // One delta per saved batch: a burst of calls saved together reaches each board at once.
  engine.onBatch((changes, queue) => publish(mergeChanges(changes), queue));
  engine.onNewDay((queue) => {
    described = queue;
    // A new day has had no call yet: commands wait for the day change to finish.
    todaysCalls = [];
    // Every client starts the new day from a fresh snapshot.
    for (const socket of io.sockets.sockets.values())
      socket.emit('sync:snapshot', snapshotFor(socket.data.feeds));
  });

  // The queue was read back from the store after a commit of unknown outcome: what the
  // deltas said may be wrong, so every client starts again from a snapshot of what is saved.
  engine.onReload((queue) => {
    void loadTodaysCalls(queue)
      .catch(() => todaysCalls)
      .then((calls) => {
        described = queue;
        todaysCalls = calls;
        for (const socket of io.sockets.sockets.values())
          socket.emit('sync:snapshot', snapshotFor(socket.data.feeds));
      });
  });

  /** Everything a socket's feeds need to render now, with the sequence each feed is at. */
  function snapshotFor(feeds: string[]): Snapshot {
    // What the deltas have told so far: a batch saved but not yet published (its answers go
    // first) comes in the next delta, not twice.
    const queue = described;
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

  /** A phone follows a ticket: it hears `ticket:tracked` when the ticket or its line moves. */
  function watch(socket: { join: (room: string) => unknown }, ticket: Ticket): void {
    watched.set(ticket.code, ticket.id);
    void socket.join(`ticket:${ticket.code}`);
  }

  return { snapshotFor, watch, hubEpoch, stop: stats.stop };
}

export type FeedPublisher = Awaited<ReturnType<typeof createFeedPublisher>>;
