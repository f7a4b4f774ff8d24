// The load both trials put on the hub while they kill it (crash-trials.ts, failover-trials.ts):
// kiosks issue tickets of agency 1's two services and report them printed, counters call next.
import type { HubClient } from '@antre/client';

type Issued = { id: string; code: string; label: string };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function startTrialLoad(options: {
  kiosks: readonly HubClient[];
  counters: readonly HubClient[];
  counterIds: readonly string[];
  rand: () => number;
  /** Each ticket the hub acknowledged, before its print result is sent. */
  onIssued: (ticket: Issued) => void;
  /** After its print result (a visitor opting in to messages). */
  afterPrinted?: (ticket: Issued) => Promise<void>;
}) {
  let running = true;
  async function kioskLoop(client: HubClient): Promise<void> {
    while (running) {
      const issued = await client.command('ticket:issue', {
        serviceId: options.rand() < 0.5 ? 'instansi-1-layanan-1' : 'instansi-1-layanan-2',
        priority: null,
      });
      const ticket = issued.ok ? issued.value.tickets[0] : undefined;
      if (ticket) {
        options.onIssued(ticket);
        await client.command('ticket:print-result', { ticketId: ticket.id, printed: true });
        await options.afterPrinted?.(ticket);
      } else await sleep(50);
    }
  }
  async function counterLoop(client: HubClient, counterId: string): Promise<void> {
    while (running) {
      const result = await client.command('counter:call-next', { counterId });
      if (!result.ok) await sleep(100);
    }
  }
  const loops = [
    ...options.kiosks.map(kioskLoop),
    ...options.counters.map((c, i) => counterLoop(c, options.counterIds[i] as string)),
  ];
  return {
    /** Ends the loops, waiting at most 5 s for commands under way. */
    stop: async (): Promise<void> => {
      running = false;
      await Promise.race([Promise.all(loops), sleep(5_000)]);
    },
  };
}
