import type { AuthStore } from '../auth/auth-store';
import { cutSocket, DEVICE_REVOKED, SESSION_ENDED } from './socket-cut';
import type { HubSocket } from './socket-data';

/**
 * A socket lives on the credential it connected with. That credential is resolved again
 * before every event, and for every signed-in socket whenever a session ends (sign-out,
 * deactivation, a new password, a new role or agency), so a stale socket can do nothing.
 */
export function createSocketSessions(
  sockets: () => Iterable<HubSocket>,
  auth: AuthStore,
  now: () => number = Date.now,
) {
  /** True while the socket's token still stands for someone; keeps its principal current. */
  async function holds(socket: HubSocket): Promise<boolean> {
    const { token } = socket.data;
    if (token === null) return true;
    const principal = await auth.resolve(token, now());
    if (principal) socket.data.principal = principal;
    return principal !== null;
  }

  /** A revoked device is gone for good; a person's app is refused on its way back and signs out. */
  function cut(socket: HubSocket): void {
    if (socket.data.principal.kind === 'device') cutSocket(socket, DEVICE_REVOKED, 'for-good');
    else cutSocket(socket, SESSION_ENDED, 'refused-on-return');
  }

  auth.onSessionsEnded(() => {
    const people = [...sockets()].filter((socket) => socket.data.principal.kind === 'user');
    for (const socket of people)
      holds(socket).then(
        (held) => {
          if (!held) cut(socket);
        },
        (error: unknown) => console.error('checking a socket after sessions ended failed', error),
      );
  });

  return { holds, cut };
}

export type SocketSessions = ReturnType<typeof createSocketSessions>;
