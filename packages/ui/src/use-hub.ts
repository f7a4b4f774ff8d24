import type { HubClient, SyncedState, ConnectionState } from '@antre/client';
import { useSyncExternalStore } from 'react';

export interface HubView {
  state: SyncedState;
  connection: ConnectionState;
}

/** Re-renders when the hub's state or the connection changes. */
export function useHub(client: HubClient): HubView {
  const state = useSyncExternalStore(client.subscribe, () => client.state);
  const connection = useSyncExternalStore(client.subscribe, () => client.connection);
  return { state, connection };
}
