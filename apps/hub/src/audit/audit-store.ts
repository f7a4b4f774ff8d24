import type { AuditEntry, AuditQuery } from '@antre/protocol';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal';
import { actorOf } from '../auth/principal';
import type { Sql, SqlParam, SqlRunner } from '../db/sql';
import { originOf } from './request-origin';

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
  target_name: string | null;
  counter_id: string | null;
  counter_name: string | null;
  service_name: string | null;
  detail: string;
}

const INSERT = `INSERT INTO audit_log (at, actor_user_id, actor_device_id, action, target, detail)
  VALUES (?, ?, ?, ?, ?, ?)`;

/** The configuration's audit trail, read together with the queue's own (ticket_events). */
export function createAuditStore(sql: Sql) {
  const record = (
    tx: SqlRunner,
    principal: Principal,
    request: FastifyRequest | null,
    entry: AuditRecord,
    now: number,
  ): Promise<void> => {
    const actor = actorOf(principal);
    const origin = request ? originOf(request.ip, request.headers['user-agent']) : null;
    const detail = {
      ...entry.detail,
      ...(origin ? { ip: origin.ip, ...(origin.client ? { client: origin.client } : {}) } : {}),
    };
    return tx
      .run(INSERT, [
        now,
        actor.userId,
        actor.deviceId,
        entry.action,
        entry.target,
        JSON.stringify(detail),
      ])
      .then(() => undefined);
  };

  return {
    /**
     * Writes through `tx`, the transaction that makes the change, so both land or neither.
     */
    record,
    /** A change with nothing else to save (a media file written to disk). */
    recordAlone: (
      principal: Principal,
      request: FastifyRequest | null,
      entry: AuditRecord,
      now: number,
    ): Promise<void> => record(sql, principal, request, entry, now),

    async list(query: AuditQuery): Promise<AuditEntry[]> {
      const { sql: filter, params } = timeAndActorFilter(query, '');
      const { sql: eventFilter } = timeAndActorFilter(query, 'ev.');
      const family = actionFamily(query.action);
      // Both parts filter on their own indexed `at` before the merge; the action filter after.
      // Names are looked up after the limit: a target is a user, device, service, agency or
      // counter id for a configuration change, a ticket label for a queue action.
      const rows = await sql.all<EntryRow>(
        `SELECT e.*, COALESCE(u.display_name, d.name) AS actor_name,
             CASE WHEN e.source = 'config' THEN COALESCE(tu.display_name || ' (' || tu.username || ')',
               td.name, ts.name, ta.name, tc.name) END AS target_name,
             c.name AS counter_name, s.name AS service_name
           FROM (
             SELECT * FROM (
               SELECT 'a' || id AS id, id AS n, 'config' AS source, at, action, actor_user_id,
                 actor_device_id, target, NULL AS counter_id, NULL AS service_id, detail
               FROM audit_log ${filter}
               UNION ALL
               SELECT 'q' || ev.seq, ev.seq, 'queue', ev.at, ev.type, ev.actor_user_id, ev.actor_device_id,
                 t.label, ev.counter_id, ev.service_id, ev.data
               FROM ticket_events ev LEFT JOIN tickets t ON t.id = ev.ticket_id
               ${eventFilter}
             ) AS merged ${family.sql}
             ORDER BY at DESC, n DESC LIMIT ?
           ) e
           LEFT JOIN users u ON u.id = e.actor_user_id
           LEFT JOIN devices d ON d.id = e.actor_device_id
           LEFT JOIN users tu ON tu.id = e.target
           LEFT JOIN devices td ON td.id = e.target
           LEFT JOIN services ts ON ts.id = e.target
           LEFT JOIN agencies ta ON ta.id = e.target
           LEFT JOIN counters tc ON tc.id = e.target
           LEFT JOIN counters c ON c.id = e.counter_id
           LEFT JOIN services s ON s.id = e.service_id
           ORDER BY e.at DESC, e.n DESC`,
        [...params, ...params, ...family.params, query.limit],
      );
      return rows.map(toEntry);
    },
  };
}

/**
 * `ticket` is the family `ticket.*` and `ticket:*` (not `ticket-template.*`); `user.` or
 * `ticket:` name one family; `ticket:called` one action.
 */
function actionFamily(action: string | undefined): { sql: string; params: string[] } {
  if (action === undefined) return { sql: '', params: [] };
  // Lowered: a family matches in any case, as SQLite's LIKE does and PostgreSQL's does not.
  const escaped = action.toLowerCase().replace(/[\\%_]/g, '\\$&');
  const open = /[.:]$/.test(action);
  return {
    sql: "WHERE action = ? OR LOWER(action) LIKE ? ESCAPE '\\' OR LOWER(action) LIKE ? ESCAPE '\\'",
    params: [action, ...(open ? [`${escaped}%`, `${escaped}%`] : [`${escaped}.%`, `${escaped}:%`])],
  };
}

function timeAndActorFilter(
  query: AuditQuery,
  table: '' | 'ev.',
): { sql: string; params: SqlParam[] } {
  const where: string[] = [];
  const params: SqlParam[] = [];
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
    targetName: row.target_name,
    counterId: row.counter_id,
    counterName: row.counter_name,
    serviceName: row.service_name,
    detail,
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
