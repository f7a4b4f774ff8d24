import type { ClientToHub, CommandName, HubToClient, Result } from '@antre/protocol';
import {
  COMMAND_NAMES,
  errResult,
  okResult,
  parseInput,
  PROTOCOL_VERSION,
  SyncRequestSchema,
  WatchTicketSchema,
} from '@antre/protocol';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { originOf } from '../audit/request-origin';
import type { AuthStore } from '../auth/auth-store';
import type { Principal } from '../auth/principal';
import { PUBLIC } from '../auth/principal';
import type { QueueEngine } from '../queue/queue-engine';
import { queueCommands, runCommand } from '../queue/queue-handlers';
import type { QueueStore } from '../queue/queue-store';
import { serviceStats, toTracking } from '../queue/ticket-views';
import type { SocketEventLimits } from './event-limits';
import { createEventLimiter } from './event-limits';
import type { FeedPublisher } from './feed-publisher';
import { createFeedPublisher } from './feed-publisher';
import { feedsOf, roomsFor } from './rooms';
import type { SocketData } from './socket-data';
import { gateEvents } from './socket-gate';
import { createSocketSessions } from './socket-sessions';

export type Io = Server<ClientToHub, HubToClient, never, SocketData>;

const MAX_PAYLOAD_BYTES = 64 * 1024;

/** Refusals carry a code in `data`, so a client can say why it cannot connect. */
function refusal(
  code: string,
  message: string,
): Error & { data: { code: string; message: string } } {
  return Object.assign(new Error(message), { data: { code, message } });
}

export function createSocketServer(
  httpServer: HttpServer,
  deps: {
    engine: QueueEngine;
    store: QueueStore;
    auth: AuthStore;
    /** Defaults to SOCKET_EVENT_LIMITS; tests that fire thousands of events on purpose raise it. */
    eventLimits?: SocketEventLimits | undefined;
  },
): { io: Io; feeds: FeedPublisher } {
  const { engine, store, auth } = deps;
  const io: Io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
  });
  const feeds = createFeedPublisher(io, engine, store);
  const specs = queueCommands(engine, store);
  const limiter = createEventLimiter(deps.eventLimits);
  const sessions = createSocketSessions(() => io.of('/').sockets.values(), auth);

  io.use((socket, next) => {
    const handshake = (socket.handshake.auth ?? {}) as {
      protocolVersion?: unknown;
      token?: unknown;
    };
    if (handshake.protocolVersion !== PROTOCOL_VERSION) {
      return next(
        refusal(
          'version_mismatch',
          `This hub speaks protocol ${PROTOCOL_VERSION}, the client ${String(handshake.protocolVersion)}; update the app`,
        ),
      );
    }
    let principal: Principal = PUBLIC;
    if (handshake.token !== undefined) {
      const found =
        typeof handshake.token === 'string' ? auth.resolve(handshake.token, Date.now()) : null;
      if (!found)
        return next(
          refusal('unauthorized', 'The sign-in has expired or the device is not registered'),
        );
      principal = found;
    }
    const rooms = roomsFor(principal);
    socket.data = {
      principal,
      token: typeof handshake.token === 'string' ? handshake.token : null,
      feeds: feedsOf(rooms),
      origin: originOf(socket.handshake.address, socket.handshake.headers['user-agent']),
    };
    void socket.join(rooms);
    next();
  });

  io.on('connection', (socket) => {
    // Registered before any handler, and socket.io runs it for every listener's events.
    gateEvents(socket, limiter, sessions);
    const { principal } = socket.data;
    if (socket.data.feeds.length > 0)
      socket.emit('sync:snapshot', feeds.snapshotFor(socket.data.feeds));
    if (principal.kind === 'device' && principal.role === 'kiosk') {
      const now = engine.now();
      socket.emit(
        'catalogue:stats',
        engine.index.building.services.flatMap(
          (s) => serviceStats(engine.index, engine.state, s.id, now) ?? [],
        ),
      );
    }

    const guard = <T>(ack: unknown, work: () => Result<T>): void => {
      if (typeof ack !== 'function') {
        socket.emit('hub:notice', {
          code: 'bad_request',
          message: 'Every command needs an acknowledgement callback',
        });
        return;
      }
      let result: Result<T>;
      try {
        result = work();
      } catch (error) {
        console.error('command failed', error);
        result = errResult('internal', 'The hub could not complete this; nothing was changed');
      }
      (ack as (r: Result<T>) => void)(result);
    };

    for (const name of COMMAND_NAMES) {
      socket.on(
        name as CommandName,
        ((payload: unknown, ack: unknown) =>
          guard(ack, () =>
            // Read per command: an admin's device update swaps the principal live.
            runCommand(engine, specs, socket.data.principal, name, payload, socket.data.origin),
          )) as ClientToHub[CommandName],
      );
    }

    socket.on('sync:request', (payload, ack) =>
      guard(ack, () => {
        const parsed = parseInput(SyncRequestSchema, payload);
        return parsed.ok ? okResult(feeds.snapshotFor(socket.data.feeds)) : parsed;
      }),
    );

    socket.on('ticket:watch', (payload, ack) =>
      guard(ack, () => {
        const parsed = parseInput(WatchTicketSchema, payload);
        if (!parsed.ok) return parsed;
        const ticket = store.ticketByCode(parsed.value.code);
        if (!ticket) return errResult('not_found', 'No ticket with this code');
        void socket.join(`ticket:${ticket.code}`);
        const live = engine.state.tickets.get(ticket.id) ?? ticket;
        return okResult(toTracking(engine.index, engine.state, live, engine.now()));
      }),
    );
  });

  return { io, feeds };
}
