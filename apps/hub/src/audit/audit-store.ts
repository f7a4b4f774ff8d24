import type { AuditEntry, AuditQuery } from '@antre/protocol';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { actorOf } from '../auth/principal';
import type { Db } from '../db/database';

export interface AuditRecord {
  action: string;
  target: string | null;
  detail?: Record<string, unknown>;
}

interface EntryRow {
  id: string;
  source: 'config' | 'queue';
  at: number;
  action: string;
  actor_user_id: string | null;
  actor_device_id: string | null;
  actor_name: string | null;
  target: string | null;
  counter_id: string | null;
  detail: string;
}

/** The configuration's audit trail, read together with the queue's own (ticket_events). */
export function createAuditStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, actor_user_id, actor_device_id, action, target, detail)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );

  return {
    /** Call inside the transaction that makes the change, so both land or neither. */
    record(principal: Principal, request: FastifyRequest | null, entry: AuditRecord, now: number) {
      const actor = actorOf(principal);
      const detail = { ...entry.detail, ...(request ? { ip: request.ip } : {}) };
      insert.run(
        now,
        actor.userId,
        actor.deviceId,
        entry.action,
        entry.target,
        JSON.stringify(detail),
      );
    },

    list(query: AuditQuery): AuditEntry[] {
      const { sql: filter, params } = timeAndActorFilter(query, '');
      const { sql: eventFilter } = timeAndActorFilter(query, 'ev.');
      const action = query.action === undefined ? '' : "WHERE action LIKE ? ESCAPE '\\'";
      // Both parts filter on their own indexed `at` before the merge; the action filter after.
      const rows = db
        .prepare<(string | number)[], EntryRow>(
          `SELECT e.*, COALESCE(u.display_name, d.name) AS actor_name FROM (
             SELECT * FROM (
               SELECT 'a' || id AS id, id AS n, 'config' AS source, at, action, actor_user_id,
                 actor_device_id, target, NULL AS counter_id, detail
               FROM audit_log ${filter}
               UNION ALL
               SELECT 'q' || ev.seq, ev.seq, 'queue', ev.at, ev.type, ev.actor_user_id, ev.actor_device_id,
                 t.label, ev.counter_id, ev.data
               FROM ticket_events ev LEFT JOIN tickets t ON t.id = ev.ticket_id
               ${eventFilter}
             ) ${action}
             ORDER BY at DESC, n DESC LIMIT ?
           ) e
           LEFT JOIN users u ON u.id = e.actor_user_id
           LEFT JOIN devices d ON d.id = e.actor_device_id
           ORDER BY e.at DESC, e.n DESC`,
        )
        .all(
          ...params,
          ...params,
          ...(query.action === undefined ? [] : [`${query.action.replace(/[\\%_]/g, '\\$&')}%`]),
          query.limit,
        );
      return rows.map(toEntry);
    },
  };
}

function timeAndActorFilter(
  query: AuditQuery,
  table: '' | 'ev.',
): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.from !== undefined) {
    where.push(`${table}at >= ?`);
    params.push(query.from);
  }
  if (query.to !== undefined) {
    where.push(`${table}at < ?`);
    params.push(query.to);
  }
  if (query.actor !== undefined) {
    where.push(`(${table}actor_user_id = ? OR ${table}actor_device_id = ?)`);
    params.push(query.actor, query.actor);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

function toEntry(row: EntryRow): AuditEntry {
  let detail: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(row.detail);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      detail = parsed as Record<string, unknown>;
  } catch {
    // a queue event's data is always JSON; an unreadable one is shown without detail
  }
  return {
    id: row.id,
    source: row.source,
    at: row.at,
    action: row.action,
    actorUserId: row.actor_user_id,
    actorDeviceId: row.actor_device_id,
    actorName: row.actor_name,
    target: row.target,
    counterId: row.counter_id,
    detail,
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
