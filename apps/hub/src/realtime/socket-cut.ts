import type { HubSocket } from './socket-data';

export interface CutNotice {
  code: 'device_revoked' | 'session_ended' | 'rate_limited';
  message: string;
}

export const DEVICE_REVOKED: CutNotice = {
  code: 'device_revoked',
  message: 'This device has been revoked',
};
export const SESSION_ENDED: CutNotice = {
  code: 'session_ended',
  message: 'The session has ended; sign in again',
};
export const FLOODING: CutNotice = {
  code: 'rate_limited',
  message: 'Too many events from this connection',
};

/**
 * Lets a socket go after saying why (the notice is flushed before the close). `for-good` ends
 * it as the server: socket.io clients then stay away. `refused-on-return` closes only the
 * transport: the client reconnects at once and meets the handshake's refusal, which is how
 * the apps already learn to sign in again.
 */
export function cutSocket(
  socket: HubSocket,
  notice: CutNotice,
  how: 'for-good' | 'refused-on-return',
): void {
  socket.emit('hub:notice', notice);
  if (how === 'for-good') socket.disconnect(true);
  else socket.conn.close();
}
