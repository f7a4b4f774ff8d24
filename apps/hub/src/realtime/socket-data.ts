import type { Principal } from '../auth/principal';

export interface SocketData {
  principal: Principal;
  /** The feeds this socket receives deltas from. */
  feeds: string[];
}
