import type {
  CommandAck,
  KioskIssueCommand,
  KioskIssueResult,
  KioskPrinterStatus,
  KioskPrinterStatusSchema,
  KioskReprintResult,
  KioskReprintSchema,
  KioskSettings,
  PrintFailure,
  Result,
} from '@antre/protocol';
import { errResult, KioskSettingsSchema, MAX_REPRINTS, okResult } from '@antre/protocol';
import type { z } from 'zod';
import type { RequestOrigin } from '../audit/request-origin';
import type { Principal } from '../auth/principal';
import type { DeviceAlerts } from '../devices/device-alerts';
import type { CommandBus } from '../queue/command-bus';
import type { QueueEngine } from '../queue/queue-engine';
import type { QueueStorage } from '../queue/queue-storage';
import type { KioskPrinters, PrintOutcome } from './kiosk-printers';
import { kioskTicketView, REPRINT_WINDOW_MS } from './ticket-printout';

type Kiosk = Extract<Principal, { kind: 'device' }>;

const asKiosk = (principal: Principal): Kiosk | null =>
  principal.kind === 'device' && principal.role === 'kiosk' ? principal : null;
const NOT_A_KIOSK = errResult('forbidden', 'Only a registered kiosk prints tickets');

// A kiosk with unreadable settings prints nowhere rather than somewhere unexpected.
const settingsOf = (kiosk: Kiosk): KioskSettings =>
  KioskSettingsSchema.safeParse(kiosk.settings).data ?? KioskSettingsSchema.parse({});

/**
 * A kiosk's tap, told as one story: issue in `printing` -> read the printer's status ->
 * print -> confirm (the ticket joins the queue) or void with the reason, raising or
 * clearing the kiosk's printer alert on the way. Who sent it and what was sent are checked
 * before it gets here (kiosk-socket.ts).
 */
export function createPrintService(deps: {
  engine: QueueEngine;
  store: QueueStorage;
  commands: CommandBus;
  alerts: DeviceAlerts;
  printers: KioskPrinters;
}) {
  const { engine, store, commands, alerts, printers } = deps;
  const reportPrint = async (kioskId: string, printed: PrintOutcome): Promise<void> => {
    if (printed.ok) await alerts.reportPrinter(kioskId, 'ready');
    else if (printed.reason !== 'no_printer') await alerts.reportPrinter(kioskId, printed.reason);
  };
  // A retried tap while the first is still printing waits for the same outcome.
  const inFlight = new Map<string, Promise<Result<KioskIssueResult>>>();

  async function issue(
    kiosk: Kiosk,
    command: KioskIssueCommand,
    hubUrl: string,
    origin?: RequestOrigin,
  ): Promise<Result<KioskIssueResult>> {
    const key = `${kiosk.id}:${command.commandId}`;
    const running = inFlight.get(key);
    if (running) return running;
    const work = issueAndPrint(
      kiosk,
      command,
      () =>
        commands.run({
          principal: kiosk,
          name: 'ticket:issue',
          payload: {
            commandId: command.commandId,
            serviceId: command.serviceId,
            priority: command.priority,
          },
          origin,
        }),
      hubUrl,
      origin,
    ).finally(() => inFlight.delete(key));
    inFlight.set(key, work);
    return work;
  }

  /** Issues by `issueOne` (a tap, or a booking's check-in), then prints as the kiosk asked. */
  async function issueAndPrint(
    kiosk: Kiosk,
    command: Pick<KioskIssueCommand, 'commandId' | 'printBy'>,
    issueOne: () => Promise<Result<CommandAck>>,
    hubUrl: string,
    origin?: RequestOrigin,
  ): Promise<Result<KioskIssueResult>> {
    const settings = settingsOf(kiosk);
    const byHub = command.printBy === 'hub';
    // Without a printer to drive, no number is spent.
    if (byHub && !printers.drives(settings)) {
      if (!settings.printer) await alerts.reportPrinter(kiosk.id, 'no_printer');
      return okResult({ outcome: 'print_failed', reason: 'no_printer', ticket: null });
    }
    const issued = await issueOne();
    if (!issued.ok) return issued;
    const first = issued.value.tickets[0];
    if (!first) return errResult('internal', 'No ticket was issued');
    const queue = engine.queue;
    const ticket = queue.tickets.get(first.id) ?? first;
    const view = kioskTicketView(engine.index, queue, ticket, hubUrl, settings);
    if (!byHub) return okResult({ outcome: 'print_yourself', ticket: view });
    // A retry after the first attempt finished: answer with what happened then.
    if (ticket.status === 'void') {
      const reason = PRINT_FAILURES.find((r) => r === ticket.voidReason) ?? 'write_failed';
      return okResult({ outcome: 'print_failed', reason, ticket: view });
    }
    if (ticket.status !== 'printing') return okResult({ outcome: 'printed', ticket: view });

    const printed = await printers.print(settings, view.printable);
    await reportPrint(kiosk.id, printed);
    const reported = await commands.run({
      principal: kiosk,
      name: 'ticket:print-result',
      payload: {
        commandId: `${command.commandId}-p`,
        ticketId: ticket.id,
        printed: printed.ok,
        ...(printed.ok ? {} : { reason: printed.reason }),
      },
      origin,
    });
    if (!reported.ok) return reported;
    return okResult(
      printed.ok
        ? { outcome: 'printed', ticket: view }
        : { outcome: 'print_failed', reason: printed.reason, ticket: view },
    );
  }

  // Copies printed per ticket while its window is open; a restart forgets them, which only
  // gives back at most MAX_REPRINTS copies of tickets issued in the last two minutes.
  const reprints = new Map<string, { copies: number; until: number }>();

  async function reprint(
    kiosk: Kiosk,
    request: z.output<typeof KioskReprintSchema>,
    hubUrl: string,
  ): Promise<Result<KioskReprintResult>> {
    const queue = engine.queue;
    const ticket = queue.tickets.get(request.ticketId);
    if (!ticket || (await store.issuingDevice(ticket.id)) !== kiosk.id)
      return errResult('ticket_not_found', 'This kiosk did not print that ticket today');
    if (ticket.status === 'void' || ticket.status === 'printing')
      return errResult('illegal_transition', `Ticket ${ticket.label} was never printed`);
    const now = engine.now();
    const until = ticket.issuedAt + REPRINT_WINDOW_MS;
    if (now > until) return okResult({ outcome: 'too_late' });
    for (const [id, past] of reprints) if (past.until < now) reprints.delete(id);
    const entry = reprints.get(ticket.id) ?? { copies: 0, until };
    if (entry.copies >= MAX_REPRINTS) return okResult({ outcome: 'no_more_copies' });
    // Counted before printing, so two quick taps cannot both pass; a failed print gives it back.
    entry.copies += 1;
    reprints.set(ticket.id, entry);
    const settings = settingsOf(kiosk);
    // The copy is of the ticket as issued: same number, same QR.
    const view = kioskTicketView(engine.index, queue, ticket, hubUrl, settings);
    const printed = await printers.print(settings, view.printable);
    await reportPrint(kiosk.id, printed);
    if (!printed.ok) entry.copies -= 1;
    return okResult(
      printed.ok
        ? { outcome: 'printed', copiesLeft: MAX_REPRINTS - entry.copies }
        : { outcome: 'print_failed', reason: printed.reason },
    );
  }

  async function printerStatus(
    kiosk: Kiosk,
    request: z.output<typeof KioskPrinterStatusSchema>,
  ): Promise<Result<KioskPrinterStatus>> {
    const { reported } = request;
    if (reported) {
      await alerts.reportPrinter(kiosk.id, reported);
      return okResult({ state: reported, canPrint: canPrint(reported), by: 'self' });
    }
    const settings = settingsOf(kiosk);
    const status = await printers.status(settings);
    if (!status) {
      // Nothing to ask: the admin sees that no printer is set, as the kiosk does.
      if (!settings.printer) await alerts.reportPrinter(kiosk.id, 'no_printer');
      return okResult({ state: 'none', canPrint: false, by: 'none' });
    }
    await alerts.reportPrinter(kiosk.id, status.state);
    return okResult({ state: status.state, canPrint: status.canPrint, by: 'hub' });
  }

  /** A booking's check-in at a kiosk: its ticket is printed like a tap's (printBy hub|self). */
  function checkInAndPrint(
    principal: Principal,
    command: Pick<KioskIssueCommand, 'commandId' | 'printBy'>,
    checkIn: () => Promise<Result<CommandAck>>,
    hubUrl: string,
    origin?: RequestOrigin,
  ): Promise<Result<KioskIssueResult>> {
    const kiosk = asKiosk(principal);
    if (!kiosk) return Promise.resolve(NOT_A_KIOSK);
    return issueAndPrint(kiosk, command, checkIn, hubUrl, origin);
  }

  return { issue, reprint, printerStatus, checkInAndPrint };
}

const PRINT_FAILURES: readonly PrintFailure[] = [
  'paper_out',
  'cover_open',
  'offline',
  'no_answer',
  'write_failed',
  'no_printer',
];
const canPrint = (state: string): boolean => state === 'ready' || state === 'paper_near_end';

export type PrintService = ReturnType<typeof createPrintService>;
