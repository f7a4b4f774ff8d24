import type { Ticket, TicketStatus } from '../ticket';

/** A plain ticket A-007 in any status, for rules that look at one ticket alone. */
export function ticketIn(status: TicketStatus, overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1',
    code: 'code-1',
    serviceDay: '2026-03-02',
    originServiceId: 'ktp',
    serviceId: 'ktp',
    number: 7,
    label: 'A-007',
    priority: null,
    status,
    channel: 'kiosk',
    issuedAt: 1000,
    sortKey: 1000,
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counterId: null,
    officerId: null,
    recallCount: 0,
    noShowAt: null,
    parkReason: null,
    transferNote: null,
    transferredFromServiceId: null,
    voidReason: null,
    ...overrides,
  };
}
