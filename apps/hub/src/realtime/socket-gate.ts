import type { Result } from '@antre/protocol';
import { errResult } from '@antre/protocol';
import type { EventLimiter } from './event-limits';
import { cutSocket, FLOODING } from './socket-cut';
import type { HubSocket } from './socket-data';
import type { SocketSessions } from './socket-sessions';

/**
 * The one door every incoming event passes, whichever feature handles it: the flood limit
 * first (cheapest), then the credential (does the session still stand?), then whether the
 * hub knows the event at all. A refused event changes nothing and is answered with a code.
 */
export function gateEvents(
  socket: HubSocket,
  gate: {
    limiter: EventLimiter;
    sessions: SocketSessions;
    /** The events registered (socket-handlers.ts); anything else is refused. */
    known: ReadonlySet<string>;
  },
) {
  const { limiter, sessions, known } = gate;
  // Counted as it arrives; checked after the event before it, so events reach their handlers in
  // the order sent even when one session lookup takes longer than the next (PostgreSQL).
  let previous: Promise<void> = Promise.resolve();
  socket.use(([event, ...args], next) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (r: Result<never>) => void) : null;

    const counted = limiter(socket);
    counted.catch(() => undefined); // its failure is met in its turn, below
    const check = async (): Promise<void> => {
      const verdict = await counted;
      if (verdict !== 'allowed') {
        // Without an ack nothing is answered: a flood must not become a flood of notices.
        ack?.(errResult('rate_limited', 'Too many events from this connection; slow down'));
        if (verdict === 'flooding') cutSocket(socket, FLOODING, 'for-good');
        return;
      }
      if (!(await sessions.holds(socket))) {
        // Answered before the cut, which drops anything sent after it.
        ack?.(errResult('unauthorized', 'The session has ended; sign in again'));
        sessions.cut(socket);
        return;
      }
      if (!known.has(event)) {
        const error = {
          code: 'unknown_event' as const,
          message: `The hub does not know the event "${String(event).slice(0, 60)}"`,
        };
        if (ack) ack({ ok: false, error });
        else socket.emit('hub:notice', error);
        return;
      }
      next();
    };
    previous = previous.then(check).catch((error: unknown) => {
      console.error('socket gate failed', error);
      ack?.(errResult('internal', 'The hub could not complete this; nothing was changed'));
    });
  });
}
