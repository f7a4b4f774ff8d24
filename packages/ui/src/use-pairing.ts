import type { PairingStatus, PairingTicket } from '@antre/protocol';
import { PairingTicketSchema } from '@antre/protocol';
import { useEffect, useState } from 'react';
import { callHub } from './hub-request';

const POLL_MS = 2_000;
const RETRY_MS = 5_000;

export type PairingView =
  | { stage: 'asking'; offline: boolean }
  | { stage: 'waiting'; code: string; rejectedBefore: boolean };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The ticket (with its secret) outlives the effect and a reload of the page, so a restarted
// effect or a reopened page keeps showing the same code instead of leaving an orphan request.
const storageKey = (hubUrl: string, role: string) => `antre.pairing.${role}@${hubUrl}`;

function rememberedTicket(key: string): PairingTicket | null {
  try {
    const parsed = PairingTicketSchema.safeParse(JSON.parse(sessionStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function remember(key: string, ticket: PairingTicket | null): void {
  try {
    if (ticket) sessionStorage.setItem(key, JSON.stringify(ticket));
    else sessionStorage.removeItem(key);
  } catch {
    // No storage (private mode): the code then lasts as long as the page.
  }
}

// One request in flight per hub and role, shared by every effect run that waits for it.
const asking = new Map<string, Promise<PairingTicket>>();

function askForTicket(key: string, hubUrl: string, role: 'kiosk' | 'display') {
  const running = asking.get(key);
  if (running) return running;
  const request = callHub('POST /api/pairing', { hub: hubUrl, body: { role } })
    .then((answer) => {
      if (!answer.ok) throw new Error(answer.error.message);
      remember(key, answer.value);
      return answer.value;
    })
    .finally(() => asking.delete(key));
  asking.set(key, request);
  return request;
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
    const key = storageKey(hubUrl, role);
    const run = async (): Promise<void> => {
      let rejectedBefore = false;
      while (!stopped) {
        let ticket = rememberedTicket(key);
        if (!ticket) {
          try {
            ticket = await askForTicket(key, hubUrl, role);
          } catch {
            if (!stopped) setView({ stage: 'asking', offline: true });
            await wait(RETRY_MS);
            continue;
          }
        }
        if (stopped) return;
        setView({ stage: 'waiting', code: ticket.code, rejectedBefore });
        const poll = {
          hub: hubUrl,
          params: { id: ticket.pairingId },
          query: { secret: ticket.secret },
        };
        let status: PairingStatus['status'] = 'pending';
        while (!stopped && status === 'pending') {
          await wait(POLL_MS);
          if (stopped) return;
          const answer = await callHub('GET /api/pairing/:id', poll);
          if (answer.ok && answer.value.token) {
            remember(key, null);
            return onPaired(answer.value.token);
          }
          if (answer.ok) status = answer.value.status;
          // The hub no longer knows the request (its data was replaced): ask for a new one.
          else if (answer.status === 404) status = 'expired';
          // Otherwise the hub is briefly unreachable: keep showing the code and ask again.
        }
        if (stopped) return;
        remember(key, null);
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
