import type { RequestOrigin } from '../audit/request-origin';
import type { Principal } from '../auth/principal';

export interface SocketData {
  principal: Principal;
  /** The feeds this socket receives deltas from. */
  feeds: string[];
  /** The address and client program, kept with each queue action in the audit trail. */
  origin: RequestOrigin;
}
