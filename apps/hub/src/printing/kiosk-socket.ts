import type { Site } from '@antre/domain';
import type { KioskToHub } from '@antre/protocol';
import { KioskIssueSchema, KioskPrinterStatusSchema, KioskReprintSchema } from '@antre/protocol';
import type { HubSocket } from '../realtime/socket-data';
import type { SocketAccess, SocketHandlers } from '../realtime/socket-handlers';
import { defineSocketHandler } from '../realtime/socket-handlers';
import type { PrintService } from './print-service';
import { publicHubUrl } from './public-address';

const KIOSK_ONLY: SocketAccess<'kiosk'> = {
  roles: ['kiosk'],
  refusal: 'Only a registered kiosk prints tickets',
};

/** The kiosk's printing events; they are async (a printer answers), unlike commands. */
export function kioskSocketHandlers(
  service: PrintService,
  site: () => Site,
): SocketHandlers<keyof KioskToHub> {
  // Read per print: the admin may set the public address while the kiosk stays connected.
  const hubUrl = (socket: HubSocket) => publicHubUrl(site(), socket.data.reachedAs);

  return {
    'kiosk:issue': defineSocketHandler({
      access: KIOSK_ONLY,
      schema: KioskIssueSchema,
      handle: ({ payload, principal, socket }) =>
        service.issue(principal, payload, hubUrl(socket), socket.data.origin),
    }),
    'kiosk:reprint': defineSocketHandler({
      access: KIOSK_ONLY,
      schema: KioskReprintSchema,
      handle: ({ payload, principal, socket }) =>
        service.reprint(principal, payload, hubUrl(socket)),
    }),
    'kiosk:printer-status': defineSocketHandler({
      access: KIOSK_ONLY,
      schema: KioskPrinterStatusSchema,
      handle: ({ payload, principal }) => service.printerStatus(principal, payload),
    }),
  };
}
