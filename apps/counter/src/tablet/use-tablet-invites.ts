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
    const socket = client.socket;
    let live = true;
    const listen = (): void => {
      socket
        .timeout(5_000)
        .emitWithAck('survey:listen', { counterId })
        .then((result) => live && setListening(result.ok))
        .catch(() => live && setListening(false));
    };
    const lost = (): void => setListening(false);
    // The hub sends only this counter's invitations; the check keeps it so if that ever changed.
    const invited = (next: SurveyInvite): void => {
      if (next.counterId === counterId) setInvite(next);
    };
    socket.on('connect', listen);
    socket.on('disconnect', lost);
    socket.on('survey:invite', invited);
    if (socket.connected) listen();
    return () => {
      live = false;
      socket.off('connect', listen);
      socket.off('disconnect', lost);
      socket.off('survey:invite', invited);
    };
  }, [client, counterId]);

  return { invite, listening, finish: () => setInvite(null) };
}
