import type {
  ApiError,
  ClientToHub,
  CommandAck,
  CommandName,
  CommandPayload,
  Delta,
  HubToClient,
  Result,
  Snapshot,
  TrackingView,
} from '@antre/protocol';
import { PROTOCOL_VERSION } from '@antre/protocol';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import type { SyncedState } from './synced-state';
import { applyDelta, EMPTY_SYNCED_STATE, fromSnapshot } from './synced-state';

export type ConnectionState = 'connecting' | 'online' | 'offline' | 'refused';

export interface HubClientOptions {
  /**
   * The hub's base URL, e.g. http://127.0.0.1:8080, or the URLs of a building's hub processes
   * on a cluster (docs/deploy.md): the client tries the next one whenever a connection attempt
   * fails, so it finds whichever holds the building now (a standby refuses sockets).
   */
  url: string | readonly string[];
  token?: string;
  /** How long one attempt of a command waits for its ack before it is sent again. */
  ackTimeoutMs?: number;
  /** How long a command keeps trying, across reconnects, before it gives up. */
  commandDeadlineMs?: number;
}

type Listener = () => void;
type CommandInput<C extends CommandName> = Omit<CommandPayload<C>, 'commandId'>;

/** Something the hub tells the client unasked: `alarms:list`, `building:changed`… */
export type HubEvent = keyof HubToClient;
/** A question the client asks that is not a queue command: `kiosk:issue`, `survey:listen`… */
export type HubRequest = Exclude<keyof ClientToHub, CommandName>;
export type RequestPayload<R extends HubRequest> = Parameters<ClientToHub[R]>[0];
export type RequestAnswer<R extends HubRequest> = Parameters<Parameters<ClientToHub[R]>[1]>[0];

interface Pending {
  name: CommandName;
  payload: Record<string, unknown>;
  resolve: (result: Result<CommandAck>) => void;
  deadline: number;
}

const newCommandId = (): string => globalThis.crypto.randomUUID();
const NO_ANSWER: Result<never> = {
  ok: false,
  error: { code: 'offline', message: 'The hub did not answer' },
};

/**
 * The typed socket client every app uses. It keeps the hub's state for its audience in
 * sync (snapshot, then numbered deltas, re-sync after any gap), and delivers each command
 * exactly once by retrying it with the same id until the hub answers.
 */
export function createHubClient(options: HubClientOptions) {
  const ackTimeoutMs = options.ackTimeoutMs ?? 5_000;
  const commandDeadlineMs = options.commandDeadlineMs ?? 30_000;
  const urls = typeof options.url === 'string' ? [options.url] : [...options.url];
  if (urls.length === 0) throw new Error('A hub client needs at least one hub URL');
  let current = 0;
  const socket: Socket<HubToClient, ClientToHub> = io(urls[0], {
    // Its own connection: moving it to another URL must not move another client's.
    forceNew: urls.length > 1,
    // A paused hub's machine still accepts the connection and never answers: with other hubs
    // to try, give up on it after 3 s instead of socket.io's 20.
    ...(urls.length > 1 ? { timeout: 3_000 } : {}),
    auth: { protocolVersion: PROTOCOL_VERSION, ...(options.token ? { token: options.token } : {}) },
    transports: ['websocket'],
    // A restarted hub is back within a second: retry soon and keep retrying soon (never
    // more than 1 s apart, so a screen is back at most a second after its hub), each client
    // at its own jittered moment (±50 %) so a building's 270 screens do not all knock on the
    // same millisecond. A refused connection costs the hub's machine next to nothing.
    reconnectionDelay: 250,
    reconnectionDelayMax: 1_000,
    randomizationFactor: 0.5,
  });
  let synced: SyncedState = EMPTY_SYNCED_STATE;
  let connection: ConnectionState = 'connecting';
  let refusal: ApiError | null = null;
  let resyncing = false;
  const pending = new Map<string, Pending>();
  const listeners = new Set<Listener>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  const deltaListeners = new Set<(delta: Delta) => void>();
  const notify = (): void => listeners.forEach((l) => l());

  const setConnection = (next: ConnectionState): void => {
    connection = next;
    connectionListeners.forEach((l) => l(next));
    notify();
  };

  // A failed attempt (refused, unreachable, a standby without sockets): the next goes to the
  // next URL. The manager reads its `uri` at every attempt (socket.io-client 4).
  if (urls.length > 1)
    socket.io.on('error', () => {
      current = (current + 1) % urls.length;
      (socket.io as unknown as { uri: string }).uri = urls[current]!;
    });

  socket.on('connect', () => {
    refusal = null;
    setConnection('online');
    for (const [id, command] of pending) send(id, command);
  });
  socket.on('disconnect', () => setConnection('offline'));
  socket.on('connect_error', (error: Error & { data?: ApiError }) => {
    if (error.data?.code) {
      refusal = { code: error.data.code, message: error.data.message };
      setConnection('refused');
      for (const [id, command] of pending) finish(id, command, { ok: false, error: refusal });
    } else {
      setConnection('offline');
    }
  });
  socket.on('sync:snapshot', (snapshot) => {
    synced = fromSnapshot(snapshot);
    notify();
  });
  socket.on('sync:delta', (delta) => {
    deltaListeners.forEach((l) => l(delta));
    if (resyncing) return;
    const outcome = applyDelta(synced, delta);
    if (outcome.kind === 'applied') {
      synced = outcome.state;
      notify();
    } else if (outcome.kind === 'gap') {
      void resync();
    }
  });

  async function resync(): Promise<void> {
    resyncing = true;
    try {
      const result = await socket.timeout(ackTimeoutMs).emitWithAck('sync:request', {});
      if (result.ok) synced = fromSnapshot(result.value);
    } catch {
      // No answer: the next reconnect brings a fresh snapshot anyway.
    } finally {
      resyncing = false;
      notify();
    }
  }

  function finish(id: string, command: Pending, result: Result<CommandAck>): void {
    if (!pending.delete(id)) return;
    command.resolve(result);
  }

  function send(id: string, command: Pending): void {
    if (!socket.connected) return;
    const timed = socket.timeout(ackTimeoutMs);
    // The map types each command's payload; here the name is only known at run time.
    const emit = timed.emit.bind(timed) as unknown as (
      name: string,
      payload: unknown,
      ack: (err: Error | null, result: Result<CommandAck>) => void,
    ) => void;
    emit(command.name, { ...command.payload, commandId: id }, (err, result) => {
      if (!err) return finish(id, command, result);
      if (Date.now() >= command.deadline) return finish(id, command, NO_ANSWER);
      send(id, command); // same id: the hub runs it at most once
    });
  }

  /** Asks once and waits `timeoutMs` for the answer; no answer is an `offline` refusal. */
  async function request<R extends HubRequest>(
    name: R,
    payload: RequestPayload<R>,
    timeoutMs: number = ackTimeoutMs,
  ): Promise<RequestAnswer<R>> {
    // As in send(): the map types each request; the generic name needs the plain signature.
    const timed = socket.timeout(timeoutMs);
    const ask = timed.emitWithAck.bind(timed) as unknown as (
      name: string,
      payload: unknown,
    ) => Promise<RequestAnswer<R>>;
    try {
      return await ask(name, payload);
    } catch {
      return NO_ANSWER as RequestAnswer<R>;
    }
  }

  /** Calls `handler` on each `event` from the hub until the returned function is called. */
  function on<E extends HubEvent>(event: E, handler: HubToClient[E]): () => void {
    const listen = socket.on.bind(socket) as unknown as (e: E, h: HubToClient[E]) => void;
    const unlisten = socket.off.bind(socket) as unknown as (e: E, h: HubToClient[E]) => void;
    listen(event, handler);
    return () => unlisten(event, handler);
  }

  return {
    get state(): SyncedState {
      return synced;
    },
    get connection(): ConnectionState {
      return connection;
    },
    get refusal(): ApiError | null {
      return refusal;
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Each change of the connection, e.g. `online` after every (re)connect. */
    onConnection(listener: (state: ConnectionState) => void): () => void {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    on,
    /** Each delta as it arrives, before it is applied to `state`. */
    onDelta(listener: (delta: Delta) => void): () => void {
      deltaListeners.add(listener);
      return () => deltaListeners.delete(listener);
    },
    request,

    /** Sends a command with a fresh id, or `commandId` to continue one already begun. */
    command<C extends CommandName>(
      name: C,
      payload: CommandInput<C>,
      commandId: string = newCommandId(),
    ): Promise<Result<CommandAck>> {
      if (connection === 'refused' && refusal)
        return Promise.resolve({ ok: false, error: refusal });
      return new Promise((resolve) => {
        const command: Pending = {
          name,
          payload: payload as Record<string, unknown>,
          resolve,
          deadline: Date.now() + commandDeadlineMs,
        };
        pending.set(commandId, command);
        send(commandId, command);
        setTimeout(() => {
          if (pending.has(commandId))
            finish(commandId, command, {
              ok: false,
              error: { code: 'offline', message: 'The hub could not be reached' },
            });
        }, commandDeadlineMs).unref?.();
      });
    },

    watchTicket: (code: string): Promise<Result<TrackingView>> => request('ticket:watch', { code }),
    requestSnapshot: (): Promise<Result<Snapshot>> => request('sync:request', {}),

    /** Drops the connection (a board's test hook); `reconnect` opens it again. */
    disconnect(): void {
      socket.disconnect();
    },
    reconnect(): void {
      socket.connect();
    },

    /** The URL connected to, or tried next. */
    get url(): string {
      return urls[current]!;
    },

    /** The raw socket, for hub tests and tools only: apps use `on` and `request` (lint-checked). */
    get socket(): Socket<HubToClient, ClientToHub> {
      return socket;
    },

    close(): void {
      socket.close();
      listeners.clear();
      connectionListeners.clear();
    },
  };
}

export type HubClient = ReturnType<typeof createHubClient>;
