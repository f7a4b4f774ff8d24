import type { Building } from '@antre/domain';
import type { HubToClient } from '@antre/protocol';
import type { FastifyRequest } from 'fastify';
import type { Server } from 'socket.io';
import type { AuditRecord, AuditStore } from '../audit/audit-store';
import type { Principal } from '../auth/principal';
import { ConfigInUseError, saveBuilding } from '../building/building-store';
import type { Db } from '../db/database';
import type { Sql, SqlRunner } from '../db/sql';
import type { QueueEngine } from '../queue/queue-engine';
import { orphansOf } from './config-guard';
import { conflictError } from './conflict-reasons';

type Emitter = Pick<Server<never, HubToClient>, 'emit'>;
/** Runs in the save's transaction and writes through `tx`: kept with the building or not at all. */
export type BuildingSaved = (tx: SqlRunner, next: Building, at: number) => Promise<unknown>;

/**
 * The one way a configuration changes: check it keeps today's queue whole, save it with its
 * audit entry in one transaction, apply it live, and tell every app to refetch.
 */
export function createBuildingChanges(deps: {
  db: Db;
  sql: Sql;
  engine: QueueEngine;
  audit: AuditStore;
  onBuildingSaved?: BuildingSaved | undefined;
}) {
  const { db, sql, engine, audit } = deps;
  let io: Emitter | null = null;

  return {
    attach(server: Emitter): void {
      io = server;
    },

    async apply(
      next: Building,
      principal: Principal,
      request: FastifyRequest,
      entry: AuditRecord,
    ): Promise<{ ok: true; services: number; counters: number }> {
      const orphans = orphansOf(next, engine.index, engine.queue);
      if (orphans.length > 0) throw conflictError(orphans, 'Not saved: ');
      const now = engine.now();
      try {
        await sql.transaction(async (tx) => {
          // The building store still takes the connection itself: on SQLite, inside `tx`.
          saveBuilding(db, next);
          await audit.record(tx, principal, request, entry, now);
          await deps.onBuildingSaved?.(tx, next, now);
        });
      } catch (error) {
        if (error instanceof ConfigInUseError) throw conflictError([error.reason], 'Not saved: ');
        throw error;
      }
      engine.replaceBuilding(next);
      io?.emit('building:changed', { at: now, action: entry.action });
      return { ok: true, services: next.services.length, counters: next.counters.length };
    },
  };
}

export type BuildingChanges = ReturnType<typeof createBuildingChanges>;
