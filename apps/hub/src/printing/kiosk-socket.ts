import type { Site } from '@antre/domain';
import type { Result } from '@antre/protocol';
import { errResult } from '@antre/protocol';
import type { Io } from '../realtime/socket-server';
import type { PrintService } from './print-service';
import type { SeenAddress } from './public-address';
import { publicHubUrl } from './public-address';

type Socket = Parameters<Parameters<Io['on']>[1]>[0];

/** How the kiosk reached the hub; the QR's address is resolved from it at each print. */
function addressSeenBy(socket: Socket): SeenAddress {
  return {
    scheme: socket.handshake.secure ? 'https' : 'http',
    host: socket.handshake.headers.host,
    port: socket.request.socket.localPort,
  };
}

/** Wires the kiosk's printing events; they are async (a printer answers), unlike commands. */
export function attachKioskPrinting(io: Io, service: PrintService, site: () => Site): void {
  io.on('connection', (socket) => {
    // The principal is read per event: an admin's device update swaps it live.
    const principal = () => socket.data.principal;
    const seen = addressSeenBy(socket);
    // Read per print: the admin may set the public address while the kiosk stays connected.
    const hubUrl = () => publicHubUrl(site(), seen);

    const guard = <T>(ack: unknown, work: () => Promise<Result<T>>): void => {
      if (typeof ack !== 'function') {
        socket.emit('hub:notice', {
          code: 'bad_request',
          message: 'Every command needs an acknowledgement callback',
        });
        return;
      }
      work()
        .catch((error: unknown): Result<T> => {
          console.error('kiosk printing failed', error);
          return errResult('internal', 'The hub could not complete this; nothing was changed');
        })
        .then((result) => (ack as (r: Result<T>) => void)(result));
    };

    socket.on('kiosk:issue', (payload, ack) =>
      guard(ack, () => service.issue(principal(), payload, hubUrl(), socket.data.origin)),
    );
    socket.on('kiosk:reprint', (payload, ack) =>
      guard(ack, () => service.reprint(principal(), payload, hubUrl())),
    );
    socket.on('kiosk:printer-status', (payload, ack) =>
      guard(ack, () => service.printerStatus(principal(), payload)),
    );
  });
}
