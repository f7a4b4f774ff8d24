import type { HubClient } from '@antre/client';
import { createHubClient } from '@antre/client';
import type {
  ApiError,
  Catalogue,
  DeviceSelf,
  KioskIssueResult,
  KioskPrinterStatus,
  KioskReprintResult,
  PrinterStateName,
  Result,
} from '@antre/protocol';
import type { Building, PriorityKind } from '@antre/domain';

// A print may wait on a printer that does not answer (a few seconds) before the hub acks.
const PRINT_ACK_MS = 15_000;
const OFFLINE = {
  ok: false,
  error: { code: 'offline', message: 'The hub did not answer' },
} as const;

export type KioskProfile = DeviceSelf;
export type KioskAgency = Catalogue['agencies'][number];
export type KioskService = KioskAgency['services'][number];

/** The kiosk's link to the hub: its device profile, the catalogue, and the print commands. */
export function createKioskHub(token: string) {
  const client: HubClient = createHubClient({ url: window.location.origin, token });
  const headers = { authorization: `Bearer ${token}` };

  async function getJson<T>(path: string, auth = false): Promise<T | 'unauthorized' | null> {
    try {
      const response = await fetch(path, auth ? { headers } : {});
      if (response.status === 401) return 'unauthorized';
      return response.ok ? ((await response.json()) as T) : null;
    } catch {
      return null;
    }
  }

  /** Retries a lost ack once with the same command id: the hub runs a command once. */
  async function ask<T>(send: () => Promise<Result<T>>): Promise<Result<T>> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        return await send();
      } catch {
        // timed out: try once more, the hub answers a retry with the first outcome
      }
    }
    return OFFLINE;
  }
  const socket = () => client.socket.timeout(PRINT_ACK_MS);

  return {
    client,
    profile: () => getJson<KioskProfile>('/api/devices/me', true),
    /** The admin's ticket template, for the Electron shell's own printer. */
    ticketTemplate: () => getJson<{ template: string }>('/api/kiosk/ticket-template', true),

    /** The catalogue, narrowed to the agencies and zones this kiosk serves. */
    async catalogue(profile: KioskProfile): Promise<Catalogue | null> {
      const catalogue = await getJson<Catalogue>('/api/services');
      if (!catalogue || catalogue === 'unauthorized') return null;
      let agencyIds = profile.agencyIds.length > 0 ? new Set(profile.agencyIds) : null;
      if (profile.zoneIds.length > 0) {
        const building = await getJson<Building>('/api/building', true);
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
        socket().emitWithAck('kiosk:issue', { commandId, serviceId, priority, printBy }),
      );
    },
    /** A booking's check-in (REST): the ticket prints like a tapped one (see print-flow). */
    async checkIn(code: string, printBy: 'hub' | 'self'): Promise<Result<KioskIssueResult>> {
      const commandId = globalThis.crypto.randomUUID();
      for (let attempt = 0; attempt < 2; attempt += 1) {
        try {
          const response = await fetch(`/api/bookings/${encodeURIComponent(code)}/check-in`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ commandId, printBy }),
          });
          const body = (await response.json()) as {
            print?: KioskIssueResult;
            error?: ApiError;
          };
          if (response.ok && body.print) return { ok: true, value: body.print };
          return {
            ok: false,
            error: body.error ?? { code: 'internal', message: `HTTP ${response.status}` },
          };
        } catch {
          // lost answer: the same command id again is answered with the first outcome
        }
      }
      return OFFLINE;
    },
    reprint: (ticketId: string) =>
      ask<KioskReprintResult>(() => socket().emitWithAck('kiosk:reprint', { ticketId })),
    printerStatus: (reported?: PrinterStateName) =>
      ask<KioskPrinterStatus>(() =>
        socket().emitWithAck('kiosk:printer-status', reported ? { reported } : {}),
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
