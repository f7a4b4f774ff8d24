import type { PaperWidth, Printer, PrinterState, PrinterStatus } from '@antre/escpos';

/** What the operating system says of one installed printer (Electron's PrinterInfo). */
export interface OsPrinterInfo {
  name: string;
  displayName?: string;
  status: number;
  options?: Record<string, string>;
}

/** A ticket laid out as one page the size of the paper roll's ticket. */
export interface TicketPage {
  html: string;
  widthMicrons: number;
  heightMicrons: number;
}

/** The OS printing system as the shell uses it; Electron in the app, a fake in tests. */
export interface OsPrintPort {
  printers(): Promise<OsPrinterInfo[]>;
  print(page: TicketPage, deviceName: string): Promise<void>;
}

// Windows PRINTER_STATUS_* flags (winspool.h), for drivers that report them.
const WINDOWS_FLAGS: [number, PrinterState][] = [
  [0x00400000, 'cover_open'], // DOOR_OPEN
  [0x00000010, 'paper_out'], // PAPER_OUT
  [0x00000040, 'paper_out'], // PAPER_PROBLEM
  [0x00000008, 'offline'], // PAPER_JAM
  [0x00000080, 'offline'], // OFFLINE
  [0x00001000, 'offline'], // NOT_AVAILABLE
  [0x00000002, 'offline'], // ERROR
  [0x00000001, 'offline'], // PAUSED
];

// CUPS printer-state-reasons keywords (RFC 8011), most specific first.
const CUPS_REASONS: [string, PrinterState][] = [
  ['door-open', 'cover_open'],
  ['cover-open', 'cover_open'],
  ['media-empty', 'paper_out'],
  ['media-needed', 'paper_out'],
  ['offline', 'offline'],
  ['shutdown', 'offline'],
  ['paused', 'offline'],
  ['media-low', 'paper_near_end'],
];

/**
 * One state from what the OS reports. CUPS (Linux, macOS) puts `printer-state` (3 idle,
 * 4 printing, 5 stopped) and `printer-state-reasons` in the options; Windows reports spooler
 * flags in `status`, and many drivers report 0 whatever happens, so 0 reads as ready.
 */
export function osPrinterState(info: OsPrinterInfo): PrinterState {
  const cupsState = info.options?.['printer-state'];
  const reasons = (info.options?.['printer-state-reasons'] ?? '')
    .split(',')
    .map((r) => r.trim().replace(/-(report|warning|error)$/, ''));
  const fromReasons = CUPS_REASONS.find(([reason]) => reasons.includes(reason))?.[1];
  if (fromReasons) return fromReasons;
  if (cupsState !== undefined) return cupsState === '5' ? 'offline' : 'ready';
  return WINDOWS_FLAGS.find(([flag]) => (info.status & flag) !== 0)?.[1] ?? 'ready';
}

const status = (state: PrinterState): PrinterStatus => ({
  state,
  canPrint: state === 'ready' || state === 'paper_near_end',
});

// Thermal heads print 72 mm of an 80 mm roll and 48 mm of a 58 mm one.
const PRINTABLE_MM: Record<PaperWidth, number> = { 80: 72, 58: 48 };

/** The ticket's SVG preview, scaled to the printable width, as a page without scripts. */
export function ticketPage(svg: string, paperWidth: PaperWidth): TicketPage {
  const size = /<svg[^>]*\swidth="([\d.]+)px"[^>]*\sheight="([\d.]+)px"/.exec(svg);
  if (!size) throw new Error('not a ticket preview');
  const printable = PRINTABLE_MM[paperWidth];
  const imageMm = (Number(size[2]) / Number(size[1])) * printable;
  const margin = (paperWidth - printable) / 2;
  const html =
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">` +
    `<style>@page{margin:0}html,body{margin:0;padding:0}` +
    `body{padding:0 ${margin}mm}svg{display:block;width:${printable}mm;height:auto}</style>` +
    `</head><body>${svg}</body></html>`;
  return {
    html,
    widthMicrons: paperWidth * 1000,
    // A few millimetres under the image so the cutter does not clip the last line.
    heightMicrons: Math.ceil((imageMm + 5) * 1000),
  };
}

/**
 * A printer installed in Windows or CUPS, driven by its own driver: the ticket is printed
 * from its SVG preview, so the same document reaches paper on printers without raw access.
 */
export function osPrinter(
  config: { name: string },
  port: OsPrintPort,
  paperWidth: PaperWidth,
): Printer {
  const find = async (): Promise<OsPrinterInfo | undefined> =>
    (await port.printers()).find((p) => p.name === config.name || p.displayName === config.name);
  return {
    describe: () => `os:${config.name}`,
    async readStatus() {
      try {
        const info = await find();
        // A printer the OS does not list is unplugged or was removed.
        return status(info ? osPrinterState(info) : 'offline');
      } catch {
        return status('no_answer');
      }
    },
    async print(_bytes, preview) {
      if (!preview?.svg) throw new Error('an OS printer prints the ticket preview');
      const info = await find();
      if (!info) throw new Error(`no printer named ${config.name}`);
      await port.print(ticketPage(preview.svg, paperWidth), info.name);
    },
  };
}
