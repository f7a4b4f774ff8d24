import { describe, expect, it } from 'vitest';
import type { HubSocket } from './socket-data';
import { gateEvents } from './socket-gate';
import type { SocketSessions } from './socket-sessions';

// The gate alone, on a stand-in socket: what it lets through, and in which order.

type Middleware = (packet: unknown[], next: () => void) => void;

function gatedSocket(lookups: number[]) {
  let middleware: Middleware = () => undefined;
  const socket = {
    use: (fn: Middleware) => (middleware = fn),
    emit: () => true,
  } as unknown as HubSocket;
  let asked = 0;
  // Each session lookup takes its own time, as on a pool of connections.
  const sessions = {
    holds: async () => {
      const ms = lookups[asked++] ?? 0;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return true;
    },
    cut: () => undefined,
  } as unknown as SocketSessions;
  gateEvents(socket, {
    limiter: async () => 'allowed',
    sessions,
    known: new Set(['counter:open', 'counter:call-next', 'counter:start']),
  });
  return (event: string, passed: string[]) =>
    new Promise<void>((resolve) => middleware([event], () => (passed.push(event), resolve())));
}

describe('the socket gate', () => {
  it('when a slow session lookup is followed by fast ones, then the events still pass in the order sent', async () => {
    const send = gatedSocket([60, 0, 20]);
    const passed: string[] = [];

    await Promise.all(
      ['counter:open', 'counter:call-next', 'counter:start'].map((e) => send(e, passed)),
    );

    expect(passed).toEqual(['counter:open', 'counter:call-next', 'counter:start']);
  });
});
