import type {
  PaperWidth,
  Printer,
  PrinterModel,
  PrinterStatus,
  TicketContent,
} from '@antre/escpos';
import { printTicket, ticketDocument, toEscPos, toSvg } from '@antre/escpos';
import type { ShellPrintResult } from './bridge-contract';
import { parseTicketContent, parseTicketTemplate } from './ticket-content';

export interface PrintBridgeOptions {
  printer: Printer | null;
  paperWidth: PaperWidth;
  model: PrinterModel;
  template?: string;
}

/**
 * The main-process side of `antreShell.print` and `.printerStatus`. Tickets come from the
 * renderer, so they are checked before anything is printed; jobs run one at a time so two
 * quick taps never interleave their bytes on the paper.
 */
export function createPrintBridge(options: PrintBridgeOptions) {
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    /** `templateInput`: the admin's saved template, fetched by the renderer from the hub. */
    print(input: unknown, templateInput?: unknown): Promise<ShellPrintResult> {
      const ticket: TicketContent | null = parseTicketContent(input);
      if (ticket === null) return Promise.reject(new Error('not a printable ticket'));
      const template =
        templateInput === undefined ? options.template : parseTicketTemplate(templateInput);
      if (template === null) return Promise.reject(new Error('not a usable ticket template'));
      const printer = options.printer;
      if (printer === null) return Promise.resolve({ ok: false, reason: 'no_printer' });
      const document = ticketDocument(ticket, template);
      const bytes = toEscPos(document, { model: options.model, paperWidth: options.paperWidth });
      const svg = toSvg(document, { paperWidth: options.paperWidth });
      return serially(() => printTicket(printer, bytes, svg));
    },
    printerStatus(): Promise<PrinterStatus> {
      const printer = options.printer;
      if (printer === null) return Promise.resolve({ state: 'no_answer', canPrint: false });
      return serially(() => printer.readStatus());
    },
  };
}

export type PrintBridge = ReturnType<typeof createPrintBridge>;
