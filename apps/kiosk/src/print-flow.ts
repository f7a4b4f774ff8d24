import type { PriorityKind } from '@antre/domain';
import type { KioskIssueResult, KioskTicketView, RefusalDetail, Result } from '@antre/protocol';
import { refusalDetailOf } from '@antre/protocol';
import type { KioskHub } from './kiosk-hub';
import { kioskShell } from './shell-bridge';

export type TakeOutcome =
  | { kind: 'printed'; ticket: KioskTicketView }
  /** The ticket (if any) was voided; the kiosk stops offering tickets. */
  | { kind: 'printer_trouble' }
  /** The hub refused: closed, quota reached, offline… (an error code to translate). */
  | { kind: 'refused'; code: string; detail: RefusalDetail };

/**
 * One tap on "take a number": in Electron the shell prints to the kiosk's own printer and
 * the kiosk reports the outcome; in a plain browser the hub prints and confirms in one go.
 */
export async function takeNumber(
  hub: KioskHub,
  serviceId: string,
  priority: PriorityKind | null,
): Promise<TakeOutcome> {
  const issued = await hub.issue(serviceId, priority, kioskShell() ? 'self' : 'hub');
  return printIssued(hub, issued);
}

/** A booked visitor's check-in by code: its ticket prints exactly like a tapped one. */
export async function checkInBooking(hub: KioskHub, code: string): Promise<TakeOutcome> {
  return printIssued(hub, await hub.checkIn(code, kioskShell() ? 'self' : 'hub'));
}

const refused = (error: { code: string; detail?: unknown }): TakeOutcome => ({
  kind: 'refused',
  code: error.code,
  detail: refusalDetailOf(error),
});

/** What the hub answered to an issue (or a check-in), printed by the shell when it must be. */
async function printIssued(hub: KioskHub, issued: Result<KioskIssueResult>): Promise<TakeOutcome> {
  const shell = kioskShell();
  if (!issued.ok) return refused(issued.error);
  const result = issued.value;
  if (result.outcome === 'printed') return { kind: 'printed', ticket: result.ticket };
  if (result.outcome === 'print_failed' || !shell) return { kind: 'printer_trouble' };

  const printed = await shell.print(result.ticket.printable, await templateFor(hub)).catch(() => ({
    ok: false as const,
    reason: 'write_failed' as const,
  }));
  const reported = await hub.reportPrint(
    result.ticket.id,
    printed.ok,
    printed.ok ? undefined : printed.reason,
  );
  if (!printed.ok) {
    const status = await shell.printerStatus().catch(() => null);
    await hub.printerStatus(status?.state ?? 'no_answer');
    return { kind: 'printer_trouble' };
  }
  if (!reported.ok) return refused(reported.error);
  await hub.printerStatus('ready');
  return { kind: 'printed', ticket: result.ticket };
}

/** The admin's saved template for the shell's printer; the shell's default if the hub gives none. */
async function templateFor(hub: KioskHub): Promise<string | undefined> {
  const answer = await hub.ticketTemplate();
  return answer && answer !== 'unauthorized' ? answer.template : undefined;
}

export type ReprintOutcome =
  'printed' | 'too_late' | 'no_more_copies' | 'printer_trouble' | 'failed';

/** The last ticket, with the kiosk's own deadline: the hub's clock may differ from the kiosk's. */
export interface LastTicket {
  ticket: KioskTicketView;
  reprintDeadline: number;
}

export function lastTicketOf(ticket: KioskTicketView, now = Date.now()): LastTicket {
  return { ticket, reprintDeadline: now + (ticket.reprintUntil - ticket.issuedAt) };
}

export async function reprintTicket(hub: KioskHub, last: LastTicket): Promise<ReprintOutcome> {
  const { ticket } = last;
  const shell = kioskShell();
  if (shell) {
    if (Date.now() > last.reprintDeadline) return 'too_late';
    const printed = await shell
      .print(ticket.printable, await templateFor(hub))
      .catch(() => ({ ok: false as const }));
    return printed.ok ? 'printed' : 'printer_trouble';
  }
  const result = await hub.reprint(ticket.id);
  if (!result.ok) return 'failed';
  if (result.value.outcome === 'print_failed') return 'printer_trouble';
  return result.value.outcome;
}

/** Whether the kiosk may offer tickets: its printer (the shell's or the hub's) can print. */
export async function printerCanPrint(hub: KioskHub): Promise<boolean | null> {
  const shell = kioskShell();
  if (shell) {
    const status = await shell.printerStatus().catch(() => null);
    const reported = await hub.printerStatus(status?.state ?? 'no_answer');
    return reported.ok ? reported.value.canPrint : (status?.canPrint ?? false);
  }
  const result = await hub.printerStatus();
  return result.ok ? result.value.canPrint : null;
}
