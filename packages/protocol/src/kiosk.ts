import type { Place, PriorityKind } from '@antre/domain';
import { z } from 'zod';
import { PrioritySchema } from './building-schemas';
import type { Result } from './result';

/** What a printer's real-time status (DLE EOT) says; `paper_near_end` can still print. */
export const PRINTER_STATES = [
  'ready',
  'paper_near_end',
  'paper_out',
  'cover_open',
  'offline',
  'no_answer',
] as const;
export type PrinterStateName = (typeof PRINTER_STATES)[number];

/** Why a ticket was not printed: the printer's state, a failed write, or no printer at all. */
export type PrintFailure =
  Exclude<PrinterStateName, 'ready' | 'paper_near_end'> | 'write_failed' | 'no_printer';

/**
 * A kiosk's printer, in its device settings. `virtual` writes into <data-dir>/printed on the
 * hub; `shell` is the kiosk's own printer, driven by the Electron shell on the kiosk.
 */
export const KioskPrinterSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('tcp'),
    host: z.string().min(1).max(253),
    port: z.int().min(1).max(65535).optional(),
    timeoutMs: z.int().min(100).max(30_000).optional(),
  }),
  z.strictObject({ kind: z.literal('device'), path: z.string().min(1).max(300) }),
  z.strictObject({ kind: z.literal('virtual') }),
  z.strictObject({ kind: z.literal('shell') }),
]);
export type KioskPrinter = z.infer<typeof KioskPrinterSchema>;

export const KioskSettingsSchema = z.object({
  printer: KioskPrinterSchema.optional(),
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
  model: z.enum(['epson', 'generic']).default('epson'),
  footer: z.string().max(200).optional(),
  /** Seconds without a touch before the kiosk goes back to its first screen. */
  idleSeconds: z.int().min(5).max(600).default(30),
});
export type KioskSettings = z.infer<typeof KioskSettingsSchema>;

// The kiosk's command id; the hub derives the ids of the steps it runs from it (+2 chars).
const kioskCommandId = z.string().regex(/^[A-Za-z0-9_-]{8,60}$/, '8–60 letters, digits, - or _');

export const KioskIssueSchema = z.strictObject({
  commandId: kioskCommandId,
  serviceId: z.string().min(1).max(64),
  priority: PrioritySchema.nullable().default(null),
  /** `hub`: the hub prints to the kiosk's network or virtual printer; `self`: the shell prints. */
  printBy: z.enum(['hub', 'self']).default('hub'),
});
export type KioskIssueCommand = z.output<typeof KioskIssueSchema>;
export const KioskReprintSchema = z.strictObject({ ticketId: z.string().min(1).max(64) });
export const KioskPrinterStatusSchema = z.strictObject({
  /** A kiosk that prints itself reports what its printer says; otherwise the hub asks. */
  reported: z.enum(PRINTER_STATES).optional(),
});

/** The words and values printed on a ticket; the same shape as @antre/escpos' TicketContent. */
export interface PrintableTicket {
  siteName: string;
  agencyName: string;
  serviceName: string;
  label: string;
  priorityLabel?: string;
  issuedAt: number;
  timeZone: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  trackingUrl: string;
  /** Where to go: "Loket 12–13 · Lantai 1 — Aula Utama". */
  place?: string;
  footer?: string;
  language?: 'id' | 'en';
}

/** What the kiosk shows on its result screen. */
export interface KioskTicketView {
  id: string;
  code: string;
  label: string;
  serviceName: string;
  agencyName: string;
  priority: PriorityKind | null;
  ahead: number;
  estimatedMinutes: number;
  issuedAt: number;
  trackUrl: string;
  /** The counters that serve the ticket's service and the zones they are in. */
  place: Place;
  printable: PrintableTicket;
  /** Until when "Cetak ulang" may print it again (epoch ms). */
  reprintUntil: number;
}

export type KioskIssueResult =
  | { outcome: 'printed'; ticket: KioskTicketView }
  /** The ticket was voided (or never issued when `ticket` is null): it is not in the queue. */
  | { outcome: 'print_failed'; reason: PrintFailure; ticket: KioskTicketView | null }
  /** Issued in `printing`: the kiosk prints it and reports with `ticket:print-result`. */
  | { outcome: 'print_yourself'; ticket: KioskTicketView };

/** Copies "Cetak ulang" may print of one ticket: enough for a jam, too few to hoard numbers. */
export const MAX_REPRINTS = 2;

export type KioskReprintResult =
  /** copiesLeft: how many more copies the kiosk may still print of it. */
  | { outcome: 'printed'; copiesLeft: number }
  | { outcome: 'print_failed'; reason: PrintFailure }
  | { outcome: 'too_late' }
  | { outcome: 'no_more_copies' };

export interface KioskPrinterStatus {
  state: PrinterStateName | 'none';
  canPrint: boolean;
  /** Who drives the printer: the hub, the kiosk's shell, or nobody (no printer configured). */
  by: 'hub' | 'self' | 'none';
}

type Ack<T> = (result: Result<T>) => void;

export interface KioskToHub {
  'kiosk:issue': (payload: z.input<typeof KioskIssueSchema>, ack: Ack<KioskIssueResult>) => void;
  'kiosk:reprint': (
    payload: z.input<typeof KioskReprintSchema>,
    ack: Ack<KioskReprintResult>,
  ) => void;
  'kiosk:printer-status': (
    payload: z.input<typeof KioskPrinterStatusSchema>,
    ack: Ack<KioskPrinterStatus>,
  ) => void;
}
export const KIOSK_EVENT_NAMES = ['kiosk:issue', 'kiosk:reprint', 'kiosk:printer-status'] as const;

/** A device in trouble (a kiosk's printer), for the admin and the agencies it serves. */
export const DeviceAlertSchema = z.object({
  id: z.string(),
  deviceId: z.string(),
  deviceName: z.string(),
  kind: z.literal('printer'),
  /** `no_printer`: a kiosk printing through the hub with no printer set in its settings. */
  state: z.enum(PRINTER_STATES).or(z.enum(['write_failed', 'no_printer'])),
  /** The agencies the device serves; empty means every agency. */
  agencyIds: z.array(z.string()),
  raisedAt: z.number(),
  /** Set when the device is fine again; the alert is then history. */
  clearedAt: z.number().nullable(),
});
export type DeviceAlert = z.infer<typeof DeviceAlertSchema>;

export interface HubToStaffAlerts {
  'device:alert': (alert: DeviceAlert) => void;
}
