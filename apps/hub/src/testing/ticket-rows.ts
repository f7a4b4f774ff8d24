import type { Sql } from '../db/sql';

// Rows a store's contract test needs beneath its own (db/sql.ts engines), written with plain
// statements both engines take: the services its rows refer to, and tickets and their events
// as the queue would have saved them.

/** An agency (once) and one of its services. */
export async function insertService(
  sql: Sql,
  service: { id: string; agencyId: string; prefix: string; targetWaitMinutes?: number },
): Promise<void> {
  await sql.run(
    `INSERT INTO agencies (id, name, short_name, contact, position) VALUES (?, ?, ?, NULL, 0)
     ON CONFLICT (id) DO NOTHING`,
    [service.agencyId, service.agencyId, service.agencyId],
  );
  await sql.run(
    `INSERT INTO services (id, agency_id, name, prefix, daily_quota, hours, target_wait_minutes,
       default_service_minutes, priority_rule, standard, active, position)
     VALUES (?, ?, ?, ?, NULL, NULL, ?, 10, '{}', '{}', 1, 0)`,
    [service.id, service.agencyId, service.id, service.prefix, service.targetWaitMinutes ?? 30],
  );
}

export interface TicketRow {
  id: string;
  serviceDay: string;
  serviceId: string;
  /** Where it was issued; the service it is at unless told. */
  originServiceId?: string;
  number: number;
  status: string;
  channel?: string;
  issuedAt: number;
  calledAt?: number | null;
  servingAt?: number | null;
  finishedAt?: number | null;
  noShowAt?: number | null;
  counterId?: string | null;
  officerId?: string | null;
}

export async function insertTicket(sql: Sql, t: TicketRow): Promise<void> {
  await sql.run(
    `INSERT INTO tickets (id, code, service_day, origin_service_id, service_id, number, label,
       priority, status, channel, issued_at, sort_key, called_at, serving_at, finished_at,
       counter_id, officer_id, recall_count, no_show_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
    [
      t.id,
      `code${t.id}`,
      t.serviceDay,
      t.originServiceId ?? t.serviceId,
      t.serviceId,
      t.number,
      `A-${String(t.number).padStart(3, '0')}`,
      t.status,
      t.channel ?? 'kiosk',
      t.issuedAt,
      t.issuedAt,
      t.calledAt ?? null,
      t.servingAt ?? null,
      t.finishedAt ?? null,
      t.counterId ?? null,
      t.officerId ?? null,
      t.noShowAt ?? null,
    ],
  );
}

export async function insertTicketEvent(
  sql: Sql,
  event: {
    type: string;
    at: number;
    serviceDay: string;
    ticketId: string;
    counterId?: string | null;
    userId?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await sql.run(
    `INSERT INTO ticket_events (type, at, service_day, ticket_id, counter_id, service_id,
       actor_user_id, actor_device_id, data)
     VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, ?)`,
    [
      event.type,
      event.at,
      event.serviceDay,
      event.ticketId,
      event.counterId ?? null,
      event.userId ?? null,
      JSON.stringify(event.data ?? {}),
    ],
  );
}
