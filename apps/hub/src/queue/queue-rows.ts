import type { CounterState, QueueEvent, Ticket } from '@antre/domain';

// Rows exactly as the tables hold them, kept apart from the domain's types; these mappers are
// the one place the two meet.
export interface TicketRow {
  id: string;
  code: string;
  service_day: string;
  origin_service_id: string;
  service_id: string;
  number: number;
  label: string;
  priority: Ticket['priority'];
  status: Ticket['status'];
  channel: Ticket['channel'];
  issued_at: number;
  sort_key: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  counter_id: string | null;
  officer_id: string | null;
  recall_count: number;
  no_show_at: number | null;
  park_reason: string | null;
  transfer_note: string | null;
  transferred_from_service_id: string | null;
  void_reason: string | null;
}

export interface CounterStateRow {
  counter_id: string;
  status: CounterState['status'];
  pause_reason: string | null;
  ticket_id: string | null;
  officer_id: string | null;
  since: number;
}

export interface EventRow {
  seq: number;
  type: QueueEvent['type'];
  at: number;
  ticket_id: string | null;
  counter_id: string | null;
  service_id: string | null;
  actor_user_id: string | null;
  actor_device_id: string | null;
  data: string;
}

export function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    code: r.code,
    serviceDay: r.service_day,
    originServiceId: r.origin_service_id,
    serviceId: r.service_id,
    number: r.number,
    label: r.label,
    priority: r.priority,
    status: r.status,
    channel: r.channel,
    issuedAt: r.issued_at,
    sortKey: r.sort_key,
    calledAt: r.called_at,
    servingAt: r.serving_at,
    finishedAt: r.finished_at,
    counterId: r.counter_id,
    officerId: r.officer_id,
    recallCount: r.recall_count,
    noShowAt: r.no_show_at,
    parkReason: r.park_reason,
    transferNote: r.transfer_note,
    transferredFromServiceId: r.transferred_from_service_id,
    voidReason: r.void_reason,
  };
}

export function toTicketRow(t: Ticket): TicketRow {
  return {
    id: t.id,
    code: t.code,
    service_day: t.serviceDay,
    origin_service_id: t.originServiceId,
    service_id: t.serviceId,
    number: t.number,
    label: t.label,
    priority: t.priority,
    status: t.status,
    channel: t.channel,
    issued_at: t.issuedAt,
    sort_key: t.sortKey,
    called_at: t.calledAt,
    serving_at: t.servingAt,
    finished_at: t.finishedAt,
    counter_id: t.counterId,
    officer_id: t.officerId,
    recall_count: t.recallCount,
    no_show_at: t.noShowAt,
    park_reason: t.parkReason,
    transfer_note: t.transferNote,
    transferred_from_service_id: t.transferredFromServiceId,
    void_reason: t.voidReason,
  };
}

export function toCounterState(r: CounterStateRow): CounterState {
  return {
    counterId: r.counter_id,
    status: r.status,
    pauseReason: r.pause_reason,
    ticketId: r.ticket_id,
    officerId: r.officer_id,
    since: r.since,
  };
}

export function toCounterStateRow(c: CounterState): CounterStateRow {
  return {
    counter_id: c.counterId,
    status: c.status,
    pause_reason: c.pauseReason,
    ticket_id: c.ticketId,
    officer_id: c.officerId,
    since: c.since,
  };
}

export function toEvent(r: EventRow): QueueEvent {
  return {
    type: r.type,
    at: r.at,
    actor: { userId: r.actor_user_id, deviceId: r.actor_device_id },
    ticketId: r.ticket_id,
    counterId: r.counter_id,
    serviceId: r.service_id,
    data: JSON.parse(r.data) as QueueEvent['data'],
  };
}
