import type { HubClient } from '@antre/client';
import type { SurveyInvite } from '@antre/protocol';
import { useEffect, useState } from 'react';

/**
 * Listens beside one counter for the officer's survey invitations. socket.io forgets rooms
 * on reconnect, so the tablet asks again every time it connects.
 */
export function useTabletInvites(client: HubClient, counterId: string) {
  const [invite, setInvite] = useState<SurveyInvite | null>(null);
  const [listening, setListening] = useState(false);

  useEffect(() => {
    let live = true;
    const listen = (): void => {
      void client
        .request('survey:listen', { counterId }, 5_000)
        .then((result) => live && setListening(result.ok));
    };
    // The hub sends only this counter's invitations; the check keeps it so if that ever changed.
    const invited = (next: SurveyInvite): void => {
      if (next.counterId === counterId) setInvite(next);
    };
    const unlisten = [
      client.onConnection((state) => (state === 'online' ? listen() : setListening(false))),
      client.on('survey:invite', invited),
    ];
    if (client.connection === 'online') listen();
    return () => {
      live = false;
      unlisten.forEach((off) => off());
    };
  }, [client, counterId]);

  return { invite, listening, finish: () => setInvite(null) };
}
