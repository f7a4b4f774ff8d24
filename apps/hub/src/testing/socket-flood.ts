import type { Result } from '@antre/protocol';
import type { Socket } from 'socket.io-client';

/**
 * Sends `count` events in bursts of 100 without waiting for answers, as a runaway client
 * would, and counts the answers by code (`ok` for a success). `done` once every event is
 * answered or the hub has cut the socket.
 */
export function floodSocket(
  socket: Socket,
  count: number,
  event: (i: number) => [name: string, payload: unknown],
) {
  const answers = new Map<string, number>();
  let answered = 0;
  let sent = 0;
  const done = new Promise<void>((resolve) => {
    socket.on('disconnect', () => resolve());
    const burst = (): void => {
      for (let n = 0; n < 100 && sent < count && socket.connected; n += 1, sent += 1) {
        const [name, payload] = event(sent);
        socket.emit(name, payload, (result: Result<unknown>) => {
          const code = result.ok ? 'ok' : result.error.code;
          answers.set(code, (answers.get(code) ?? 0) + 1);
          answered += 1;
          if (answered === count) resolve();
        });
      }
      if (sent < count && socket.connected) setImmediate(burst);
    };
    burst();
  });
  /** Answers other than `rate_limited`: the events the hub let through to a handler. */
  const handled = (): number =>
    [...answers].reduce((n, [code, times]) => n + (code === 'rate_limited' ? 0 : times), 0);
  return { done, answers, handled, sent: () => sent };
}
