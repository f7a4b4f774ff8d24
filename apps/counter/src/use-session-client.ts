import type { ConnectionState, HubClient } from '@antre/client';
import { createHubClient } from '@antre/client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Session } from './session';
import { HUB_URL } from './session';

const noSubscription = (): (() => void) => () => undefined;

/** One socket per sign-in, closed at sign-out; re-renders when the connection changes. */
export function useSessionClient(
  session: Session | null,
): { hub: HubClient; connection: ConnectionState } | null {
  const [hub, setHub] = useState<HubClient | null>(null);
  useEffect(() => {
    if (!session) return;
    const client = createHubClient({ url: HUB_URL, token: session.token });
    setHub(client);
    return () => {
      client.close();
      setHub(null);
    };
  }, [session]);
  const connection = useSyncExternalStore(
    hub ? hub.subscribe : noSubscription,
    () => hub?.connection ?? 'connecting',
  );
  return hub ? { hub, connection } : null;
}
