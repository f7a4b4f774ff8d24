import { PROTOCOL_VERSION } from '@antre/protocol';
import type { Sql } from '../db/sql';
import type { QueueEngine } from '../queue/queue-engine';
import { defineRoute } from '../http/routes';

export function healthRoutes(deps: {
  sql: Sql;
  /** The SQLite file, or the PostgreSQL database and schema (no password), for the admin. */
  dbPath: string;
  cluster?: { building: string; holder: string; epoch: () => number } | undefined;
  engine: QueueEngine;
  version: string;
  startedAt: number;
}) {
  return [
    defineRoute({
      route: 'GET /api/health',
      summary:
        "Whether the hub and its database are working; the database's file only to the admin",
      tag: 'health',
      access: 'public',
      handle: async ({ principal }) => {
        let database: 'ok' | 'error' = 'ok';
        let migrations = 0;
        try {
          migrations =
            (await deps.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM schema_migrations'))?.n ??
            0;
        } catch {
          database = 'error';
        }
        const { cluster } = deps;
        return {
          status: database === 'ok' ? ('ok' as const) : ('degraded' as const),
          role: 'active' as const,
          ...(cluster
            ? {
                cluster: {
                  building: cluster.building,
                  holder: cluster.holder,
                  epoch: cluster.epoch(),
                },
              }
            : {}),
          version: deps.version,
          protocolVersion: PROTOCOL_VERSION,
          database: {
            engine: deps.sql.dialect === 'postgres' ? ('postgres' as const) : ('sqlite' as const),
            state: database,
            migrations,
            ...(principal.kind === 'user' && principal.role === 'admin'
              ? { path: deps.dbPath }
              : {}),
          },
          serviceDay: deps.engine.queue.serviceDay,
          uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
        };
      },
    }),
  ];
}
