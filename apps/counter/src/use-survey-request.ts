import type { HubClient } from '@antre/client';
import type { Ticket } from '@antre/domain';
import { useState } from 'react';

const ASK_KEY = 'antre.counter.askSurvey';
// Set once "no tablet" was said in this tab's session; cleared when a tablet is reached.
const NO_TABLET_SAID_KEY = 'antre.counter.noTabletSaid';

export type SurveyOutcome =
  | { kind: 'sent'; label: string }
  | { kind: 'no_tablet'; label: string }
  | { kind: 'failed'; label: string };

/**
 * "Minta survei": after the officer finishes a ticket, the hub shows the SKM on the tablet
 * they signed in beside this counter. On by default; the choice is remembered per device.
 */
export function useSurveyRequest(client: HubClient) {
  const [enabled, setEnabled] = useState(() => localStorage.getItem(ASK_KEY) !== 'off');
  const [outcome, setOutcome] = useState<SurveyOutcome | null>(null);

  const toggle = (on: boolean): void => {
    localStorage.setItem(ASK_KEY, on ? 'on' : 'off');
    setEnabled(on);
    setOutcome(null);
  };

  /** Called once the hub confirmed the finish of `ticket`. */
  const afterFinish = async (ticket: Ticket): Promise<void> => {
    if (!enabled) return;
    const result = await client.request('survey:request', { ticketId: ticket.id }, 5_000);
    const label = ticket.label;
    if (!result.ok) return setOutcome({ kind: 'failed', label });
    if (result.value.tablets > 0) {
      sessionStorage.removeItem(NO_TABLET_SAID_KEY);
      return setOutcome({ kind: 'sent', label });
    }
    // With one key per visitor every call finishes someone: say "no tablet" once, not
    // after every visitor, until a tablet answers again.
    if (sessionStorage.getItem(NO_TABLET_SAID_KEY)) return setOutcome(null);
    sessionStorage.setItem(NO_TABLET_SAID_KEY, '1');
    setOutcome({ kind: 'no_tablet', label });
  };

  return { enabled, toggle, outcome, afterFinish, clear: () => setOutcome(null) };
}
