import type { ClientToHub, HubToClient } from '@antre/protocol';
import type { Socket } from 'socket.io';
import type { RequestOrigin } from '../audit/request-origin';
import type { Principal } from '../auth/principal';
import type { SeenAddress } from '../printing/public-address';

export interface SocketData {
  principal: Principal;
  /** The bearer token it connected with: resolved again before every event, null for the public. */
  token: string | null;
  /** The feeds this socket receives deltas from. */
  feeds: string[];
  /** The address and client program, kept with each queue action in the audit trail. */
  origin: RequestOrigin;
  /** How it reached the hub, read at the handshake: a kiosk's printed QR address starts from it. */
  reachedAs: SeenAddress;
}

export type HubSocket = Socket<ClientToHub, HubToClient, never, SocketData>;
