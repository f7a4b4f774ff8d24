import type { HubClient } from '@antre/client';
import type { ApiError, CommandName, CommandPayload } from '@antre/protocol';
import { useCallback, useRef, useState } from 'react';

type Input<C extends CommandName> = Omit<CommandPayload<C>, 'commandId'>;

/**
 * One command at a time: a second press while one is in flight does nothing. The client keeps
 * a command's id across a dropped connection, so the hub runs it once however often it is sent.
 */
export function useCommand(client: HubClient) {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState<CommandName | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(
    async <C extends CommandName>(name: C, payload: Input<C>): Promise<boolean> => {
      if (inFlight.current) return false;
      inFlight.current = true;
      setBusy(name);
      setError(null);
      try {
        const result = await client.command(name, payload);
        if (!result.ok) setError(result.error);
        return result.ok;
      } finally {
        inFlight.current = false;
        setBusy(null);
      }
    },
    [client],
  );

  return { run, busy, error, clearError: () => setError(null) };
}
