import type { HubClient } from '@antre/client';
import { createHubClient } from '@antre/client';
import type {
  Catalogue,
  DeviceSelf,
  KioskIssueResult,
  KioskPrinterStatus,
  KioskReprintResult,
  PrinterStateName,
  Result,
} from '@antre/protocol';
import type { PriorityKind } from '@antre/domain';
import type { HubAnswer } from '@antre/ui';
import { callHub } from '@antre/ui';

// A print may wait on a printer that does not answer (a few seconds) before the hub acks.
const PRINT_ACK_MS = 15_000;
const OFFLINE = {
  ok: false,
  error: { code: 'offline', message: 'The hub did not answer' },
} as const;

export type KioskProfile = DeviceSelf;
export type KioskAgency = Catalogue['agencies'][number];
export type KioskService = KioskAgency['services'][number];

/** A start-up read: the answer, `unauthorized` (a revoked token: pair again), or null (offline). */
const valueOf = <T>(answer: HubAnswer<T>): T | 'unauthorized' | null =>
  answer.ok ? answer.value : answer.status === 401 ? 'unauthorized' : null;

/** The kiosk's link to the hub: its device profile, the catalogue, and the print commands. */
export function createKioskHub(token: string) {
  const client: HubClient = createHubClient({ url: window.location.origin, token });

  /** Retries a lost ack once with the same command id: the hub runs a command once. */
  async function ask<T>(send: () => Promise<Result<T>>): Promise<Result<T>> {
    const first = await send();
    return !first.ok && first.error.code === 'offline' ? send() : first;
  }

  return {
    client,
    profile: async () => valueOf(await callHub('GET /api/devices/me', { token })),
    /** The admin's ticket template, for the Electron shell's own printer. */
    ticketTemplate: async () => valueOf(await callHub('GET /api/kiosk/ticket-template', { token })),

    /** The catalogue, narrowed to the agencies and zones this kiosk serves. */
    async catalogue(profile: KioskProfile): Promise<Catalogue | null> {
      const catalogue = valueOf(await callHub('GET /api/services'));
      if (!catalogue || catalogue === 'unauthorized') return null;
      let agencyIds = profile.agencyIds.length > 0 ? new Set(profile.agencyIds) : null;
      if (profile.zoneIds.length > 0) {
        const building = valueOf(await callHub('GET /api/building', { token }));
        if (building && building !== 'unauthorized') {
          const inZones = building.counters
            .filter((c) => profile.zoneIds.includes(c.zoneId))
            .map((c) => c.agencyId);
          agencyIds = new Set(inZones.filter((id) => !agencyIds || agencyIds.has(id)));
        }
      }
      const agencies = catalogue.agencies.filter(
        (a) => a.services.length > 0 && (!agencyIds || agencyIds.has(a.id)),
      );
      return { ...catalogue, agencies };
    },

    issue(serviceId: string, priority: PriorityKind | null, printBy: 'hub' | 'self') {
      const commandId = globalThis.crypto.randomUUID();
      return ask<KioskIssueResult>(() =>
        client.request('kiosk:issue', { commandId, serviceId, priority, printBy }, PRINT_ACK_MS),
      );
    },
    /** A booking's check-in (REST): the ticket prints like a tapped one (see print-flow). */
    async checkIn(code: string, printBy: 'hub' | 'self'): Promise<Result<KioskIssueResult>> {
      const commandId = globalThis.crypto.randomUUID();
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const answer = await callHub('POST /api/bookings/:code/check-in', {
          token,
          params: { code },
          body: { commandId, printBy },
        });
        if (answer.ok && answer.value.print) return { ok: true, value: answer.value.print };
        if (answer.ok)
          return { ok: false, error: { code: 'internal', message: 'Nothing printed' } };
        // A lost answer: the same command id again is answered with the first outcome.
        if (answer.error.code !== 'offline') return answer;
      }
      return OFFLINE;
    },
    reprint: (ticketId: string) =>
      ask<KioskReprintResult>(() => client.request('kiosk:reprint', { ticketId }, PRINT_ACK_MS)),
    printerStatus: (reported?: PrinterStateName) =>
      ask<KioskPrinterStatus>(() =>
        client.request('kiosk:printer-status', reported ? { reported } : {}, PRINT_ACK_MS),
      ),
    reportPrint: (ticketId: string, printed: boolean, reason?: string) =>
      client.command('ticket:print-result', {
        ticketId,
        printed,
        ...(reason ? { reason } : {}),
      }),
    close: () => client.close(),
  };
}

export type KioskHub = ReturnType<typeof createKioskHub>;
