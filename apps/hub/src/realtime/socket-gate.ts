import type { Result } from '@antre/protocol';
import { COMMAND_NAMES, errResult, KIOSK_EVENT_NAMES, SURVEY_EVENT_NAMES } from '@antre/protocol';
import type { EventLimiter } from './event-limits';
import { cutSocket, FLOODING } from './socket-cut';
import type { HubSocket } from './socket-data';
import type { SocketSessions } from './socket-sessions';

// Kiosk and survey events are handled by printing/ and survey/ on their own listeners.
const KNOWN_EVENTS = new Set<string>([
  ...COMMAND_NAMES,
  ...KIOSK_EVENT_NAMES,
  ...SURVEY_EVENT_NAMES,
  'sync:request',
  'ticket:watch',
]);

/**
 * The one door every incoming event passes, whichever module handles it: the flood limit
 * first (cheapest), then the credential (does the session still stand?), then whether the
 * hub knows the event at all. A refused event changes nothing and is answered with a code.
 */
export function gateEvents(socket: HubSocket, limiter: EventLimiter, sessions: SocketSessions) {
  socket.use(([event, ...args], next) => {
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (r: Result<never>) => void) : null;

    void limiter(socket)
      .then((verdict) => {
        if (verdict !== 'allowed') {
          // Without an ack nothing is answered: a flood must not become a flood of notices.
          ack?.(errResult('rate_limited', 'Too many events from this connection; slow down'));
          if (verdict === 'flooding') cutSocket(socket, FLOODING, 'for-good');
          return;
        }
        if (!sessions.holds(socket)) {
          // Answered before the cut, which drops anything sent after it.
          ack?.(errResult('unauthorized', 'The session has ended; sign in again'));
          sessions.cut(socket);
          return;
        }
        if (!KNOWN_EVENTS.has(event)) {
          const error = {
            code: 'unknown_event' as const,
            message: `The hub does not know the event "${String(event).slice(0, 60)}"`,
          };
          if (ack) ack({ ok: false, error });
          else socket.emit('hub:notice', error);
          return;
        }
        next();
      })
      .catch((error: unknown) => {
        console.error('socket gate failed', error);
        ack?.(errResult('internal', 'The hub could not complete this; nothing was changed'));
      });
  });
}
