import { devicePrinter } from './device-printer';
import type { PrinterState, PrinterStatus } from './printer-status';
import { tcpPrinter } from './tcp-printer';
import { virtualPrinter } from './virtual-printer';

export interface PrintPreview {
  /** kept beside the bytes by printers that can (the virtual one) */
  svg?: string;
}

export interface Printer {
  readStatus(): Promise<PrinterStatus>;
  print(bytes: Uint8Array, preview?: PrintPreview): Promise<void>;
  describe(): string;
}

export type PrinterConfig =
  | { kind: 'tcp'; host: string; port?: number; timeoutMs?: number }
  | { kind: 'device'; path: string }
  | { kind: 'virtual'; dir: string };

export function openPrinter(config: PrinterConfig): Printer {
  switch (config.kind) {
    case 'tcp':
      return tcpPrinter(config);
    case 'device':
      return devicePrinter(config);
    case 'virtual':
      return virtualPrinter(config);
  }
}

/** Why a ticket did not print: the printer's state when it refused, or a failed write. */
export type PrintFailureReason = Exclude<PrinterState, 'ready' | 'paper_near_end'> | 'write_failed';
export type PrintResult = { ok: true } | { ok: false; reason: PrintFailureReason };

/** Reads the printer's status first and sends nothing unless it can print. */
export async function printTicket(
  printer: Printer,
  bytes: Uint8Array,
  svg?: string,
): Promise<PrintResult> {
  const status = await printer.readStatus();
  if (!status.canPrint) return { ok: false, reason: refusalOf(status.state) };
  try {
    await printer.print(bytes, svg === undefined ? undefined : { svg });
    return { ok: true };
  } catch {
    return { ok: false, reason: 'write_failed' };
  }
}

// A printer that cannot print but calls itself ready has not really answered.
const refusalOf = (state: PrinterState): PrintFailureReason =>
  state === 'ready' || state === 'paper_near_end' ? 'no_answer' : state;
