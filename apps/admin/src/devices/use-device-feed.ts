import { createHubClient } from '@antre/client';
import type { DeviceAlert, DeviceSummary, PairingChanged } from '@antre/protocol';
import { useEffect, useRef, useState } from 'react';
import { HUB_URL } from '../session';

/**
 * The admin's live line to the hub for the devices page: a device's new status (connected,
 * disconnected, changed, revoked), printer alerts and pairing requests as they happen.
 * Returns whether it is live.
 */
export function useDeviceFeed(
  token: string,
  on: {
    status: (device: DeviceSummary) => void;
    alert: (alert: DeviceAlert) => void;
    pairing: (change: PairingChanged) => void;
  },
): boolean {
  const handlers = useRef(on);
  handlers.current = on;
  const [live, setLive] = useState(false);
  useEffect(() => {
    const client = createHubClient({ url: HUB_URL, token });
    client.on('device:status', (d) => handlers.current.status(d));
    client.on('device:alert', (a) => handlers.current.alert(a));
    client.on('pairing:changed', (p) => handlers.current.pairing(p));
    const unsubscribe = client.subscribe(() => setLive(client.connection === 'online'));
    return () => {
      unsubscribe();
      client.close();
    };
  }, [token]);
  return live;
}
