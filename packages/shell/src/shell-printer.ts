import type { PaperWidth, Printer } from '@antre/escpos';
import { openPrinter } from '@antre/escpos';
import type { ShellPrinterConfig } from './config';
import type { OsPrintPort } from './os-printer';
import { osPrinter } from './os-printer';
import type { UsbPort } from './usb-printer';
import { usbPrinter } from './usb-printer';

/** The kiosk's printer from its config; the OS and USB ports are handed in by the main process. */
export function openShellPrinter(
  config: ShellPrinterConfig,
  ports: { os: () => OsPrintPort; usb: () => UsbPort },
  paperWidth: PaperWidth,
): Printer {
  switch (config.kind) {
    case 'os':
      return osPrinter(config, ports.os(), paperWidth);
    case 'usb':
      return usbPrinter(config, ports.usb());
    default:
      return openPrinter(config);
  }
}
