import type { ConnectionState } from '@antre/client';
import { createHubClient } from '@antre/client';
import type { TrackingView } from '@antre/protocol';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';

export type Tracking =
  { kind: 'loading' } | { kind: 'not_found' } | { kind: 'ticket'; view: TrackingView };

/** The code in /t/<code>. */
export function ticketCodeFromPath(pathname: string): string | null {
  const match = /\/t\/([A-Za-z0-9]{6,32})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}

/**
 * Follows one ticket live: `ticket:watch` joins its room and answers its view now; every
 * change after that arrives as `ticket:tracked`. A reconnect joins the room again.
 */
export function useTracking(code: string | null): {
  tracking: Tracking;
  connection: ConnectionState;
} {
  // One public connection for the page's life (no token: tracking only).
  const client = useMemo(() => createHubClient({ url: window.location.origin }), []);
  const connection = useSyncExternalStore(client.subscribe, () => client.connection);
  const [tracking, setTracking] = useState<Tracking>(
    code ? { kind: 'loading' } : { kind: 'not_found' },
  );

  useEffect(() => {
    if (!code) return;
    return client.on('ticket:tracked', (view) => {
      if (view.code === code) setTracking({ kind: 'ticket', view });
    });
  }, [client, code]);

  useEffect(() => {
    if (!code || connection !== 'online') return;
    let live = true;
    void client.watchTicket(code).then((result) => {
      if (!live) return;
      if (result.ok) setTracking({ kind: 'ticket', view: result.value });
      else if (result.error.code === 'not_found' || result.error.code === 'bad_request')
        setTracking({ kind: 'not_found' });
    });
    return () => {
      live = false;
    };
  }, [client, code, connection]);

  return { tracking, connection };
}
