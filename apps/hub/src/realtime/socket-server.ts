import type { ClientToHub, HubToClient } from '@antre/protocol';
import { PROTOCOL_VERSION } from '@antre/protocol';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { originOf } from '../audit/request-origin';
import type { AuthStore } from '../auth/auth-store';
import type { Principal } from '../auth/principal';
import { PUBLIC } from '../auth/principal';
import type { SeenAddress } from '../printing/public-address';
import type { QueueEngine } from '../queue/queue-engine';
import type { ClientAddress } from '../http/client-address';
import type { QueueStorage } from '../queue/queue-storage';
import type { FeedPublisher } from './feed-publisher';
import { createFeedPublisher } from './feed-publisher';
import { feedsOf, roomsFor } from './rooms';
import type { HubSocket, SocketData } from './socket-data';

export type Io = Server<ClientToHub, HubToClient, never, SocketData>;

const MAX_PAYLOAD_BYTES = 64 * 1024;

/** Refusals carry a code in `data`, so a client can say why it cannot connect. */
function refusal(
  code: string,
  message: string,
): Error & { data: { code: string; message: string } } {
  return Object.assign(new Error(message), { data: { code, message } });
}

/** Read while the handshake's connection is open: its local port is gone once it closes. */
function addressSeenBy(socket: HubSocket, client: ClientAddress): SeenAddress {
  return {
    scheme: client.schemeOf(socket.request, socket.handshake.secure),
    host: socket.handshake.headers.host,
    port: socket.request.socket.localPort,
  };
}

/**
 * The socket server: the handshake (protocol version, credential, rooms) and the feeds.
 * Its events are registered by `registerSocketHandlers` (socket-handlers.ts).
 */
export async function createSocketServer(
  httpServer: HttpServer,
  deps: { engine: QueueEngine; store: QueueStorage; auth: AuthStore; client: ClientAddress },
): Promise<{ io: Io; feeds: FeedPublisher }> {
  const { engine, store, auth, client } = deps;
  const io: Io = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    // A hub that froze (a paused VM, a standby's takeover) is noticed by its clients within
    // 9 s instead of socket.io's 45, and they move on (a cluster's URL list) or reconnect.
    pingInterval: 5_000,
    pingTimeout: 4_000,
  });
  const feeds = await createFeedPublisher(io, engine, store);

  /** The handshake's principal: the public without a token, null for one that stands for no one. */
  const principalOf = async (token: unknown): Promise<Principal | null> => {
    if (token === undefined) return PUBLIC;
    return typeof token === 'string' ? auth.resolve(token, Date.now()) : null;
  };

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
    // Read now: the handshake's connection may be closed by the time the token is resolved.
    const origin = originOf(
      client.addressOf(socket.request),
      socket.handshake.headers['user-agent'],
    );
    const reachedAs = addressSeenBy(socket, client);
    principalOf(handshake.token).then(
      (principal) => {
        if (!principal)
          return next(
            refusal('unauthorized', 'The sign-in has expired or the device is not registered'),
          );
        const rooms = roomsFor(principal);
        socket.data = {
          principal,
          token: typeof handshake.token === 'string' ? handshake.token : null,
          feeds: feedsOf(rooms),
          origin,
          reachedAs,
        };
        void socket.join(rooms);
        next();
      },
      (error: unknown) => {
        // Not a refusal, which a client takes as final: it reconnects and is checked again.
        console.error('resolving a socket token failed', error);
        socket.conn.close();
      },
    );
  });

  return { io, feeds };
}
