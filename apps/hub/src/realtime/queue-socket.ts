import type { CommandName } from '@antre/protocol';
import {
  COMMAND_NAMES,
  errResult,
  okResult,
  SyncRequestSchema,
  WatchTicketSchema,
} from '@antre/protocol';
import type { CommandBus } from '../queue/command-bus';
import type { QueueEngine } from '../queue/queue-engine';
import type { QueueStorage } from '../queue/queue-storage';
import { serviceStats, toTracking } from '../queue/ticket-views';
import type { FeedPublisher } from './feed-publisher';
import type { HubSocket } from './socket-data';
import type { SocketHandlers } from './socket-handlers';
import { defineSocketHandler } from './socket-handlers';

type QueueEvent = CommandName | 'sync:request' | 'ticket:watch';

/** The queue's events: every command through the bus, a snapshot again, a ticket to follow. */
export function queueSocketHandlers(deps: {
  engine: QueueEngine;
  store: QueueStorage;
  commands: CommandBus;
  feeds: FeedPublisher;
}): SocketHandlers<QueueEvent> {
  const { engine, store, commands, feeds } = deps;
  // No schema or role here: the bus checks a command the same way for every caller.
  const command = (name: CommandName) =>
    defineSocketHandler({
      handle: ({ payload, principal, socket }) =>
        commands.run({ principal, name, payload, origin: socket.data.origin }),
    });

  return {
    ...(Object.fromEntries(
      COMMAND_NAMES.map((name) => [name, command(name)]),
    ) as SocketHandlers<CommandName>),
    'sync:request': defineSocketHandler({
      schema: SyncRequestSchema,
      handle: ({ socket }) => okResult(feeds.snapshotFor(socket.data.feeds)),
    }),
    'ticket:watch': defineSocketHandler({
      schema: WatchTicketSchema,
      handle: async ({ payload, socket }) => {
        const ticket = await store.ticketByCode(payload.code);
        if (!ticket) return errResult('not_found', 'No ticket with this code');
        feeds.watch(socket, ticket);
        const live = engine.queue.tickets.get(ticket.id) ?? ticket;
        return okResult(toTracking(engine.index, engine.queue, live, engine.now()));
      },
    }),
  };
}

/** Full state on connect, deltas after: each feed's snapshot, and a kiosk's waiting counts. */
export function greetWithSnapshot(engine: QueueEngine, feeds: FeedPublisher) {
  return (socket: HubSocket): void => {
    if (socket.data.feeds.length > 0)
      socket.emit('sync:snapshot', feeds.snapshotFor(socket.data.feeds));
    const { principal } = socket.data;
    if (principal.kind !== 'device' || principal.role !== 'kiosk') return;
    const now = engine.now();
    socket.emit(
      'catalogue:stats',
      engine.index.building.services.flatMap(
        (s) => serviceStats(engine.index, engine.queue, s.id, now) ?? [],
      ),
    );
  };
}
