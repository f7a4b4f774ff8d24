import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { HubSocket } from './socket-data';

export interface EventLimit {
  events: number;
  perSeconds: number;
}

export interface SocketEventLimits {
  /** Per socket of a signed-in person or a registered device. */
  signedIn: EventLimit;
  /** Per address for the public: opening more sockets buys no more. */
  anonymous: EventLimit;
}

/**
 * The busiest real clients stay far below these. An officer presses at most a button a
 * second; a reconnect resends what was pressed while offline (the client gives up after
 * 30 s) plus one `sync:request`: a few dozen at once. A kiosk issues a ticket every few
 * seconds with its print result and a printer check. A board only asks for a snapshot after
 * a gap. So 100 events in 10 s is ~10 times the busiest counter, while a flood runs at most
 * 10 commands a second instead of thousands. The public (ticket pages) send one
 * `ticket:watch` per (re)connect; 300 in 10 s per address leaves room for a guest Wi-Fi that
 * puts many phones behind one address, all reconnecting after a hub restart.
 */
export const SOCKET_EVENT_LIMITS: SocketEventLimits = {
  signedIn: { events: 100, perSeconds: 10 },
  anonymous: { events: 300, perSeconds: 10 },
};

// A socket that goes on past five times its limit in one window ignores the refusals: it is cut.
const FLOOD_FACTOR = 5;

export type Verdict = 'allowed' | 'limited' | 'flooding';

/** Counts each incoming event against its socket (for the public: against its address). */
export function createEventLimiter(limits: SocketEventLimits = SOCKET_EVENT_LIMITS) {
  const limiterOf = (limit: EventLimit, keyPrefix: string) => ({
    limit,
    limiter: new RateLimiterMemory({ keyPrefix, points: limit.events, duration: limit.perSeconds }),
  });
  const signedIn = limiterOf(limits.signedIn, 'socket');
  const anonymous = limiterOf(limits.anonymous, 'address');

  return async function take(socket: HubSocket): Promise<Verdict> {
    const { limit, limiter } = socket.data.token === null ? anonymous : signedIn;
    const key = socket.data.token === null ? socket.data.origin.ip : socket.id;
    try {
      await limiter.consume(key);
      return 'allowed';
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return rejection.consumedPoints > limit.events * FLOOD_FACTOR ? 'flooding' : 'limited';
    }
  };
}

export type EventLimiter = ReturnType<typeof createEventLimiter>;
