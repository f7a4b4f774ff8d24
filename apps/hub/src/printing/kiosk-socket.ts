import type { Result } from '@antre/protocol';
import { errResult } from '@antre/protocol';
import type { Io } from '../realtime/socket-server';
import type { PrintService } from './print-service';

type Socket = Parameters<Parameters<Io['on']>[1]>[0];

/**
 * The address the kiosk reached the hub by: a phone on the same network reaches it the same
 * way, so the QR points there rather than at the hub's own idea of its address.
 */
function hubUrlSeenBy(socket: Socket): string {
  const host = socket.handshake.headers.host;
  const scheme = socket.handshake.secure ? 'https' : 'http';
  return host && /^[A-Za-z0-9.:[\]-]{1,260}$/.test(host) ? `${scheme}://${host}` : '';
}

/** Wires the kiosk's printing events; they are async (a printer answers), unlike commands. */
export function attachKioskPrinting(io: Io, service: PrintService): void {
  io.on('connection', (socket) => {
    // The principal is read per event: an admin's device update swaps it live.
    const principal = () => socket.data.principal;
    const hubUrl = hubUrlSeenBy(socket);

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
      guard(ack, () => service.issue(principal(), payload, hubUrl, socket.data.origin)),
    );
    socket.on('kiosk:reprint', (payload, ack) =>
      guard(ack, () => service.reprint(principal(), payload, hubUrl)),
    );
    socket.on('kiosk:printer-status', (payload, ack) =>
      guard(ack, () => service.printerStatus(principal(), payload)),
    );
  });
}
