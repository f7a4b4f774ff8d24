import type { Printer, PrinterStatus } from '@antre/escpos';
import { isStatusByte, STATUS_QUERY, stateFromAnswers } from '@antre/escpos';

/** A claimed printer interface: bulk OUT for bytes, bulk IN for status answers. */
export interface UsbLink {
  write(bytes: Uint8Array): Promise<void>;
  /** Up to `length` bytes, or null when nothing came within the port's timeout. */
  read(length: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

/** Opens a USB printer by its ids; libusb in the app, a fake in tests. */
export interface UsbPort {
  open(vendorId: number, productId: number): Promise<UsbLink | null>;
}

export interface UsbPrinterConfig {
  vendorId: number;
  productId: number;
}

const hex = (n: number) => n.toString(16).padStart(4, '0');

/**
 * An ESC/POS printer on USB without a driver in between (WinUSB on Windows, libusb on Linux):
 * the same bytes and the same DLE EOT status as a network printer, one claim per job.
 */
export function usbPrinter(config: UsbPrinterConfig, port: UsbPort): Printer {
  const withLink = async <T>(work: (link: UsbLink) => Promise<T>): Promise<T> => {
    const link = await port.open(config.vendorId, config.productId);
    if (!link) throw new Error('printer not connected');
    try {
      return await work(link);
    } finally {
      await link.close().catch(() => undefined);
    }
  };
  return {
    describe: () => `usb:${hex(config.vendorId)}:${hex(config.productId)}`,
    async readStatus(): Promise<PrinterStatus> {
      try {
        return await withLink(async (link) => {
          const ask = async (query: Uint8Array): Promise<number> => {
            await link.write(query);
            const answer = (await link.read(8))?.find(isStatusByte);
            if (answer === undefined) throw new Error('no status answer');
            return answer;
          };
          const printer = await ask(STATUS_QUERY.printer);
          const offlineCause = await ask(STATUS_QUERY.offlineCause);
          const paperSensor = await ask(STATUS_QUERY.paperSensor);
          const state = stateFromAnswers({ printer, offlineCause, paperSensor });
          return { state, canPrint: state === 'ready' || state === 'paper_near_end' };
        });
      } catch {
        // Unplugged, claimed by another program, or silent: nobody we can trust is there.
        return { state: 'no_answer', canPrint: false };
      }
    },
    print: (bytes) => withLink((link) => link.write(bytes)),
  };
}
