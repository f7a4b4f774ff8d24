import type { Building } from '@antre/domain';
import type { HubToClient } from '@antre/protocol';
import type { FastifyRequest } from 'fastify';
import type { Server } from 'socket.io';
import type { AuditRecord, AuditStore } from '../audit/audit-store';
import type { Principal } from '../auth/principal';
import { ConfigInUseError, writeBuilding } from '../building/building-store';
import type { Sql, SqlRunner } from '../db/sql';
import type { QueueEngine } from '../queue/queue-engine';
import { orphansOf } from './config-guard';
import { conflictError } from './conflict-reasons';

type Emitter = Pick<Server<never, HubToClient>, 'emit'>;

/** What else a building save changes, written through the save's transaction `tx`. */
export type OnBuildingSaved = (tx: SqlRunner, next: Building, at: number) => Promise<unknown>;

/** A change made from the building in force: the next one and its audit entry. */
export interface BuildingChange {
  next: Building;
  entry: AuditRecord;
}

/**
 * The one way a configuration changes: check it keeps today's queue whole, save it with its
 * audit entry in one transaction, apply it live, and tell every app to refetch.
 */
export function createBuildingChanges(deps: {
  sql: Sql;
  engine: QueueEngine;
  audit: AuditStore;
  onBuildingSaved?: OnBuildingSaved | undefined;
}) {
  const { sql, engine, audit } = deps;
  let io: Emitter | null = null;
  // One change at a time, each made from the building the one before left: two edits at once
  // (a logo and the site's hours) both land instead of the second undoing the first.
  let turn: Promise<unknown> = Promise.resolve();
  const refuseOrphans = (next: Building): void => {
    const orphans = orphansOf(next, engine.index, engine.queue);
    if (orphans.length > 0) throw conflictError(orphans, 'Not saved: ');
  };

  async function save(
    principal: Principal,
    request: FastifyRequest,
    make: (current: Building) => BuildingChange | null,
  ): Promise<Building> {
    const change = make(engine.index.building);
    if (!change) return engine.index.building;
    const { next, entry } = change;
    refuseOrphans(next);
    const now = engine.now();
    try {
      await sql.transaction(async (tx) => {
        await writeBuilding(tx, next);
        await audit.record(tx, principal, request, entry, now);
        await deps.onBuildingSaved?.(tx, next, now);
        // Commands went on while the rows were written: what they did is checked again.
        refuseOrphans(next);
      });
    } catch (error) {
      if (error instanceof ConfigInUseError) throw conflictError([error.reason], 'Not saved: ');
      throw error;
    }
    engine.replaceBuilding(next);
    io?.emit('building:changed', { at: now, action: entry.action });
    return next;
  }

  return {
    attach(server: Emitter): void {
      io = server;
    },

    /**
     * Saves what `make` makes of the building in force (nothing when it answers null) and
     * resolves with the building in force after.
     */
    apply(
      principal: Principal,
      request: FastifyRequest,
      make: (current: Building) => BuildingChange | null,
    ): Promise<Building> {
      const run = turn.then(() => save(principal, request, make));
      turn = run.catch(() => undefined);
      return run;
    },
  };
}

/** A save's answer: how many services and counters the building now has. */
export const savedAnswer = (building: Building) => ({
  ok: true as const,
  services: building.services.length,
  counters: building.counters.length,
});

export type BuildingChanges = ReturnType<typeof createBuildingChanges>;
