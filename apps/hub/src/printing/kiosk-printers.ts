import type { Printer, PrinterConfig, PrinterStatus } from '@antre/escpos';
import { openPrinter, printTicket, ticketDocument, toEscPos, toSvg } from '@antre/escpos';
import type { KioskPrinter, KioskSettings, PrintableTicket, PrintFailure } from '@antre/protocol';

export type PrintOutcome = { ok: true } | { ok: false; reason: PrintFailure };

interface HeldPrinter {
  printer: Printer;
  virtual: boolean;
  /** One job at a time per printer: a status read must not interleave with another's bytes. */
  queue: Promise<unknown>;
}

/**
 * The printers the hub drives for kiosks in a plain browser, opened once per configuration.
 * Virtual printers all write into one folder, `printedDir`, where a person can look.
 * `templateOf` is read at each print, so a template saved by the admin applies at once.
 */
export function createKioskPrinters(printedDir: string, templateOf: () => Promise<string>) {
  const held = new Map<string, HeldPrinter>();

  function configOf(printer: KioskPrinter): PrinterConfig | null {
    switch (printer.kind) {
      case 'tcp':
        return {
          kind: 'tcp',
          host: printer.host,
          port: printer.port,
          timeoutMs: printer.timeoutMs,
        };
      case 'device':
        return { kind: 'device', path: printer.path };
      case 'virtual':
        return { kind: 'virtual', dir: printedDir };
      case 'shell':
        return null;
    }
  }

  function hold(printer: KioskPrinter | undefined): HeldPrinter | null {
    const config = printer ? configOf(printer) : null;
    if (!config) return null;
    const key = JSON.stringify(config);
    let found = held.get(key);
    if (!found) {
      found = {
        printer: openPrinter(config),
        virtual: config.kind === 'virtual',
        queue: Promise.resolve(),
      };
      held.set(key, found);
    }
    return found;
  }

  function serially<T>(target: HeldPrinter, job: () => Promise<T>): Promise<T> {
    const run = target.queue.then(job, job);
    target.queue = run.catch(() => undefined);
    return run;
  }

  return {
    printedDir,
    /** Whether the hub drives this kiosk's printer (network, device file or virtual). */
    drives: (settings: KioskSettings): boolean => hold(settings.printer) !== null,

    /** Reads the status first and prints only a printer that can print. */
    print(settings: KioskSettings, ticket: PrintableTicket): Promise<PrintOutcome> {
      const target = hold(settings.printer);
      if (!target) return Promise.resolve({ ok: false, reason: 'no_printer' });
      return serially(target, async (): Promise<PrintOutcome> => {
        // Read in the printer's turn, so tickets still come out in the order they were sent.
        const document = ticketDocument(ticket, await templateOf());
        const bytes = toEscPos(document, {
          model: settings.model,
          paperWidth: settings.paperWidth,
        });
        // Only a virtual printer keeps the preview; a real one would throw it away.
        const svg = target.virtual
          ? toSvg(document, { paperWidth: settings.paperWidth })
          : undefined;
        const result = await printTicket(target.printer, bytes, svg);
        return result.ok ? { ok: true } : { ok: false, reason: failureOf(result.reason) };
      });
    },

    status(settings: KioskSettings): Promise<PrinterStatus | null> {
      const target = hold(settings.printer);
      return target ? serially(target, () => target.printer.readStatus()) : Promise.resolve(null);
    },
  };
}

// paper_near_end still prints, so printTicket never refuses with it; kept total for the type.
function failureOf(reason: string): PrintFailure {
  return reason === 'ready' || reason === 'paper_near_end'
    ? 'write_failed'
    : (reason as PrintFailure);
}

export type KioskPrinters = ReturnType<typeof createKioskPrinters>;
