import type { PairingStatus, PairingTicket } from '@antre/protocol';
import { PairingStatusSchema, PairingTicketSchema } from '@antre/protocol';
import { useEffect, useState } from 'react';

const POLL_MS = 2_000;
const RETRY_MS = 5_000;

export type PairingView =
  | { stage: 'asking'; offline: boolean }
  | { stage: 'waiting'; code: string; rejectedBefore: boolean };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${response.status}`);
  return response.json();
}

/**
 * Asks the hub to pair this device, shows the code while polling, and hands back the token
 * once the admin approves it. An expired or rejected code is replaced by a new one.
 */
export function usePairing(
  hubUrl: string,
  role: 'kiosk' | 'display',
  onPaired: (token: string) => void,
): PairingView {
  const [view, setView] = useState<PairingView>({ stage: 'asking', offline: false });

  useEffect(() => {
    let stopped = false;
    const run = async (): Promise<void> => {
      let rejectedBefore = false;
      while (!stopped) {
        let ticket: PairingTicket;
        try {
          ticket = PairingTicketSchema.parse(
            await getJson(`${hubUrl}/api/pairing`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ role }),
            }),
          );
        } catch {
          if (!stopped) setView({ stage: 'asking', offline: true });
          await wait(RETRY_MS);
          continue;
        }
        if (stopped) return;
        setView({ stage: 'waiting', code: ticket.code, rejectedBefore });
        const pollUrl = `${hubUrl}/api/pairing/${ticket.pairingId}?secret=${encodeURIComponent(ticket.secret)}`;
        let status: PairingStatus['status'] = 'pending';
        while (!stopped && status === 'pending') {
          await wait(POLL_MS);
          if (stopped) return;
          try {
            const answer = PairingStatusSchema.parse(await getJson(pollUrl));
            if (answer.token) return onPaired(answer.token);
            status = answer.status;
          } catch {
            // The hub is briefly unreachable: keep showing the code and ask again.
          }
        }
        rejectedBefore = status === 'rejected';
      }
    };
    void run();
    return () => {
      stopped = true;
    };
  }, [hubUrl, role, onPaired]);

  return view;
}
