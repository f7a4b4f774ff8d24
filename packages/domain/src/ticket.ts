import type { PriorityKind } from './building';
import type { Result } from './result';
import { fail, ok } from './result';

export const TICKET_STATUSES = [
  'printing',
  'waiting',
  'called',
  'serving',
  'parked',
  'no_show',
  'done',
  'void',
  'cancelled',
  'expired',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** online: a booked place, checked in (antrean online). */
export type TicketChannel = 'kiosk' | 'api' | 'staff' | 'online';

export interface Ticket {
  id: string;
  /** Unguessable code in the QR and the tracking URL. */
  code: string;
  serviceDay: string;
  /** The service that issued the number; the number is unique per origin service and day. */
  originServiceId: string;
  /** The service whose queue the ticket is in now (changes on transfer). */
  serviceId: string;
  number: number;
  /** "A-001": kept through transfers. */
  label: string;
  priority: PriorityKind | null;
  status: TicketStatus;
  channel: TicketChannel;
  /** Arrival time; kept through transfers. */
  issuedAt: number;
  /** Position key in the current service's queue: smaller goes first. */
  sortKey: number;
  calledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  /** The counter that holds (or last held, when parked) the ticket. */
  counterId: string | null;
  officerId: string | null;
  recallCount: number;
  noShowAt: number | null;
  parkReason: string | null;
  transferNote: string | null;
  transferredFromServiceId: string | null;
  voidReason: string | null;
}

// The ticket's lifecycle (docs/architecture.md, Domain), plus the exits a day's end forces on
// unfinished tickets.
const NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  printing: ['waiting', 'void'],
  waiting: ['called', 'cancelled', 'expired'],
  called: ['serving', 'done', 'no_show', 'parked', 'waiting', 'expired'],
  // no_show from serving only where serving starts on call (see markNoShow).
  serving: ['done', 'parked', 'waiting', 'expired', 'no_show'],
  parked: ['called', 'expired'],
  no_show: ['waiting', 'expired'],
  done: [],
  void: [],
  cancelled: [],
  expired: [],
};

export function canMove(from: TicketStatus, to: TicketStatus): boolean {
  return NEXT[from].includes(to);
}

export function moveTicket(
  ticket: Ticket,
  to: TicketStatus,
  patch: Partial<Ticket> = {},
): Result<Ticket> {
  if (!canMove(ticket.status, to)) {
    return fail(
      'illegal_transition',
      `Ticket ${ticket.label} is ${ticket.status}, it cannot become ${to}`,
    );
  }
  return ok({ ...ticket, ...patch, status: to });
}

export const isOpenTicket = (status: TicketStatus): boolean => NEXT[status].length > 0;

export function formatLabel(prefix: string, number: number): string {
  return `${prefix}-${String(number).padStart(3, '0')}`;
}
