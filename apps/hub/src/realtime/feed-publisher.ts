import type { CounterState, QueueChange, QueueEvent, QueueState, Ticket } from '@antre/domain';
import type {
  CallView,
  ClientToHub,
  Delta,
  Feed,
  HubToClient,
  ServiceStats,
  Snapshot,
} from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import type { Server } from 'socket.io';
import type { QueueEngine } from '../queue/queue-engine';
import type { QueueStore } from '../queue/queue-store';
import {
  agencyOfService,
  CALL_EVENTS,
  serviceStats,
  toCallView,
  toTracking,
} from '../queue/ticket-views';
import type { SocketData } from './socket-data';

const RECENT_CALLS = 200;
const SNAPSHOT_CALLS = 40;

type Io = Server<ClientToHub, HubToClient, never, SocketData>;

/** Turns each committed change into numbered deltas, one stream per audience. */
export function createFeedPublisher(io: Io, engine: QueueEngine, store: QueueStore) {
  const hubEpoch = randomUUID();
  const seqs = new Map<string, number>();
  let recentCalls = loadRecentCalls(engine.state);

  function loadRecentCalls(state: QueueState): CallView[] {
    return store
      .eventsOfDay(state.serviceDay, CALL_EVENTS, RECENT_CALLS)
      .map((e) => toCallView(engine.index, e, state.tickets.get(e.ticketId ?? '')))
      .filter((c): c is CallView => c !== null);
  }

  function emitDelta(
    feed: Feed,
    state: QueueState,
    part: Pick<Delta, 'events' | 'tickets' | 'counters' | 'calls'>,
  ): void {
    if (part.events.length + part.tickets.length + part.counters.length + part.calls.length === 0)
      return;
    const seq = (seqs.get(feed) ?? 0) + 1;
    seqs.set(feed, seq);
    io.to(feed).emit('sync:delta', { hubEpoch, feed, seq, serviceDay: state.serviceDay, ...part });
  }

  function publish(change: QueueChange, state: QueueState): void {
    const index = engine.index;
    const calls = change.events
      .filter((e) => e.type === 'ticket:called' || e.type === 'ticket:recalled')
      .map((e) => toCallView(index, e, state.tickets.get(e.ticketId ?? '')))
      .filter((c): c is CallView => c !== null);
    recentCalls = [...recentCalls, ...calls].slice(-RECENT_CALLS);
    emitDelta('site', state, {
      events: change.events,
      tickets: change.tickets,
      counters: change.counters,
      calls,
    });

    const agencyOfTicket = (t: Ticket): string[] =>
      [
        agencyOfService(index, t.serviceId),
        agencyOfService(index, t.transferredFromServiceId),
      ].filter((a): a is string => a !== null);
    const agencyOfCounter = (c: CounterState): string | null =>
      index.counters.get(c.counterId)?.agencyId ?? null;
    const ticketsById = new Map(change.tickets.map((t) => [t.id, t]));
    const agencyOfEvent = (e: QueueEvent): string[] => {
      const ticket = e.ticketId ? ticketsById.get(e.ticketId) : undefined;
      const counterAgency = e.counterId
        ? (index.counters.get(e.counterId)?.agencyId ?? null)
        : null;
      return [...(ticket ? agencyOfTicket(ticket) : []), ...(counterAgency ? [counterAgency] : [])];
    };
    const agencies = new Set([
      ...change.tickets.flatMap(agencyOfTicket),
      ...change.counters.map(agencyOfCounter).filter((a) => a !== null),
    ]);
    for (const agency of agencies) {
      emitDelta(`agency:${agency}`, state, {
        events: change.events.filter((e) => agencyOfEvent(e).includes(agency)),
        tickets: change.tickets.filter((t) => agencyOfTicket(t).includes(agency)),
        counters: change.counters.filter((c) => agencyOfCounter(c) === agency),
        calls: [],
      });
    }

    const zoneOfCounter = (id: string): string | undefined => index.counters.get(id)?.zoneId;
    const zones = new Set([
      ...calls.map((c) => c.zoneId),
      ...change.counters.map((c) => zoneOfCounter(c.counterId)),
    ]);
    for (const zone of zones) {
      if (!zone) continue;
      emitDelta(`zone:${zone}`, state, {
        events: [],
        tickets: [],
        counters: change.counters.filter((c) => zoneOfCounter(c.counterId) === zone),
        calls: calls.filter((c) => c.zoneId === zone),
      });
    }

    publishTracking(change, state);
    publishStats(change, state);
  }

  /** A ticket's page follows its own changes, its place in line and its counters opening. */
  function publishTracking(change: QueueChange, state: QueueState): void {
    const services = new Set([
      ...change.tickets.flatMap((t) => [t.serviceId, t.transferredFromServiceId ?? '']),
      ...change.counters.flatMap(
        (c) => engine.index.counters.get(c.counterId)?.services.map((l) => l.serviceId) ?? [],
      ),
    ]);
    for (const ticket of state.tickets.values()) {
      const room = `ticket:${ticket.code}`;
      if (!io.sockets.adapter.rooms.has(room)) continue;
      const touched =
        ticketsChanged(change, ticket.id) ||
        (ticket.status === 'waiting' && services.has(ticket.serviceId));
      if (touched)
        io.to(room).emit('ticket:tracked', toTracking(engine.index, state, ticket, engine.now()));
    }
  }

  function publishStats(change: QueueChange, state: QueueState): void {
    const services = new Set(change.tickets.map((t) => t.serviceId));
    const now = engine.now();
    const stats = [...services]
      .map((id) => serviceStats(engine.index, state, id, now))
      .filter((s): s is ServiceStats => s !== null);
    if (stats.length > 0) io.to('catalogue').emit('catalogue:stats', stats);
    // Boards show how many wait for their zones' agencies (public numbers, as /api/services).
    const byZone = new Map<string, ServiceStats[]>();
    for (const s of stats) {
      const agencyId = agencyOfService(engine.index, s.serviceId);
      const zones = engine.index.building.counters
        .filter((c) => c.agencyId === agencyId)
        .map((c) => `zone:${c.zoneId}`);
      for (const zone of new Set(zones)) byZone.set(zone, [...(byZone.get(zone) ?? []), s]);
    }
    for (const [zone, list] of byZone) io.to(zone).emit('catalogue:stats', list);
  }

  engine.onChange(publish);
  engine.onNewDay((state) => {
    recentCalls = loadRecentCalls(state);
    // Every client starts the new day from a fresh snapshot.
    for (const socket of io.sockets.sockets.values())
      socket.emit('sync:snapshot', snapshotFor(socket.data.feeds));
  });

  /** Everything an audience needs to render now, with the sequence each feed is at. */
  function snapshotFor(feeds: string[]): Snapshot {
    const state = engine.state;
    const index = engine.index;
    const everything = feeds.includes('site');
    const agencies = new Set(feeds.filter((f) => f.startsWith('agency:')).map((f) => f.slice(7)));
    const zones = new Set(feeds.filter((f) => f.startsWith('zone:')).map((f) => f.slice(5)));
    const tickets = [...state.tickets.values()].filter(
      (t) =>
        everything ||
        agencies.has(agencyOfService(index, t.serviceId) ?? '') ||
        agencies.has(agencyOfService(index, t.transferredFromServiceId) ?? ''),
    );
    const counters = [...state.counters.values()].filter((c) => {
      const counter = index.counters.get(c.counterId);
      return (
        everything || (counter && (agencies.has(counter.agencyId) || zones.has(counter.zoneId)))
      );
    });
    const calls = recentCalls
      .filter((c) => everything || zones.has(c.zoneId))
      .slice(-SNAPSHOT_CALLS);
    return {
      hubEpoch,
      serviceDay: state.serviceDay,
      seqs: Object.fromEntries(feeds.map((f) => [f, seqs.get(f) ?? 0])),
      tickets: zones.size > 0 && !everything && agencies.size === 0 ? [] : tickets,
      counters,
      calls,
    };
  }

  return { snapshotFor, hubEpoch };
}

function ticketsChanged(change: QueueChange, ticketId: string): boolean {
  return change.tickets.some((t) => t.id === ticketId);
}

export type FeedPublisher = ReturnType<typeof createFeedPublisher>;
