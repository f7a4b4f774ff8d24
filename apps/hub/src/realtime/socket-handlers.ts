import type { ClientToHub, Result, Role } from '@antre/protocol';
import { errResult, parseInput } from '@antre/protocol';
import type { z } from 'zod';
import type { AuthStore } from '../auth/auth-store';
import type { Principal } from '../auth/principal';
import { roleOf } from '../auth/principal';
import type { SocketEventLimits } from './event-limits';
import { createEventLimiter } from './event-limits';
import type { HubSocket } from './socket-data';
import { gateEvents } from './socket-gate';
import type { Io } from './socket-server';
import { createSocketSessions } from './socket-sessions';

export type ClientEvent = keyof ClientToHub;

/** What the protocol says an event is acknowledged with. */
export type AckOf<E extends ClientEvent> = Parameters<ClientToHub[E]>[1] extends (
  result: Result<infer T>,
) => void
  ? T
  : never;

export type Answer<T> = Result<T> | Promise<Result<T>>;

export interface SocketAccess<R extends Role = Role> {
  roles: readonly R[];
  /** The `forbidden` answer's message for anyone else. */
  refusal: string;
}

type PrincipalIn<R extends Role> = Role extends R
  ? Principal
  : Exclude<Principal, { kind: 'public' }> & { role: R };

interface HandlerInput<P, A extends Principal> {
  payload: P;
  /** Read at each event: the gate has just resolved it again, and a device update swaps it. */
  principal: A;
  socket: HubSocket;
}

/**
 * What a feature does once for each connection the handshake let in: send what the client
 * needs first, join the rooms it is owed, count it. It looks at the principal itself.
 */
export type GreetHook = (socket: HubSocket) => void | Promise<void>;

/** One event: who may send it, the schema its payload must pass, then the work. */
export interface SocketHandler<T = unknown> {
  access?: SocketAccess | undefined;
  /** Without one the payload reaches `handle` as sent (commands: the bus checks them). */
  schema?: z.ZodType | undefined;
  handle: (input: HandlerInput<unknown, Principal>) => Answer<T>;
}

/** A feature's events, each answered with what the protocol says it answers. */
export type SocketHandlers<E extends ClientEvent = ClientEvent> = {
  [K in E]?: SocketHandler<AckOf<K>>;
};

/** Types `handle` from the access and schema it is given, as `defineRoute` does for REST. */
export const defineSocketHandler = <
  T,
  S extends z.ZodType = z.ZodType<unknown>,
  R extends Role = Role,
>(spec: {
  access?: SocketAccess<R>;
  schema?: S;
  handle: (input: HandlerInput<z.output<S>, PrincipalIn<R>>) => Answer<T>;
}): SocketHandler<T> => spec as unknown as SocketHandler<T>;

const NO_ACK = {
  code: 'bad_request',
  message: 'Every command needs an acknowledgement callback',
} as const;

/**
 * Every feature's socket events, registered in one place behind one guard: the gate (flood
 * limit, session, known event), then an ack to answer, the role, the schema, the handler.
 * The events the gate knows are the ones registered here, and this is the hub's one
 * `connection` listener: each feature's greeting runs here once per connection.
 */
export function registerSocketHandlers(
  io: Io,
  setup: {
    auth: AuthStore;
    /** Defaults to SOCKET_EVENT_LIMITS; tests that fire thousands of events on purpose raise it. */
    eventLimits?: SocketEventLimits | undefined;
    /** Run in order as each socket connects: its snapshot, its alarms, its device's status. */
    greet: readonly GreetHook[];
    handlers: readonly SocketHandlers[];
  },
): void {
  const table = eventTable(setup.handlers);
  const known = new Set<string>(table.keys());
  const limiter = createEventLimiter(setup.eventLimits);
  const sessions = createSocketSessions(() => io.of('/').sockets.values(), setup.auth);

  io.on('connection', (socket) => {
    // Registered before any handler, and socket.io runs it for every listener's events.
    gateEvents(socket, { limiter, sessions, known });
    for (const [event, handler] of table) {
      const listener = (payload: unknown, ack: unknown) =>
        answer(socket, event, ack, () => guarded(handler, socket, payload));
      socket.on(event, listener as ClientToHub[ClientEvent]);
    }
    greetAll(socket, setup.greet);
  });
}

/**
 * One feature's failing greeting is a bug to log; it must not keep the others from theirs. Each
 * starts in order; one that reads the database finishes on its own time.
 */
function greetAll(socket: HubSocket, hooks: readonly GreetHook[]): void {
  const failed = (error: unknown) => console.error('greeting a socket failed', error);
  for (const greet of hooks) {
    try {
      const greeting = greet(socket);
      if (greeting instanceof Promise) greeting.catch(failed);
    } catch (error) {
      failed(error);
    }
  }
}

function eventTable(maps: readonly SocketHandlers[]): Map<ClientEvent, SocketHandler> {
  const table = new Map<ClientEvent, SocketHandler>();
  for (const map of maps) {
    for (const [event, handler] of Object.entries(map) as [ClientEvent, SocketHandler][]) {
      if (table.has(event)) throw new Error(`Two handlers for the socket event ${event}`);
      table.set(event, handler);
    }
  }
  return table;
}

function guarded(handler: SocketHandler, socket: HubSocket, payload: unknown): Answer<unknown> {
  const { principal } = socket.data;
  if (handler.access && !handler.access.roles.some((role) => role === roleOf(principal)))
    return errResult('forbidden', handler.access.refusal);
  if (!handler.schema) return handler.handle({ payload, principal, socket });
  const parsed = parseInput(handler.schema, payload);
  return parsed.ok ? handler.handle({ payload: parsed.value, principal, socket }) : parsed;
}

/** Acks what the work answers, now or once its promise settles; a throw is a bug, answered `internal`. */
function answer(
  socket: HubSocket,
  event: ClientEvent,
  ack: unknown,
  work: () => Answer<unknown>,
): void {
  if (typeof ack !== 'function') {
    socket.emit('hub:notice', NO_ACK);
    return;
  }
  const reply = ack as (result: Result<unknown>) => void;
  const failed = (error: unknown): Result<never> => {
    console.error(`${event} failed`, error);
    return errResult('internal', 'The hub could not complete this; nothing was changed');
  };
  let outcome: Answer<unknown>;
  try {
    outcome = work();
  } catch (error) {
    reply(failed(error));
    return;
  }
  if (outcome instanceof Promise) void outcome.catch(failed).then(reply);
  else reply(outcome);
}
