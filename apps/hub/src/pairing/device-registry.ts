import type { Building } from '@antre/domain';
import type { DeviceSummary } from '@antre/protocol';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { UpdateDeviceBodySchema } from '@antre/protocol';
import { syncRunner } from '../db/sql';
import type { AuditStore } from '../audit/audit-store';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/database';
import { HttpError } from '../http/routes';
import type { FeedPublisher } from '../realtime/feed-publisher';
import type { HubSocket } from '../realtime/socket-data';
import type { Io } from '../realtime/socket-server';
import { checkDeviceNameFree } from './device-names';
import { checkDevicePlace, mergeSettings } from './device-place';
import type { DeviceSockets } from './device-sockets';

interface DeviceRow {
  id: string;
  name: string;
  role: DeviceSummary['role'];
  zone_ids: string;
  agency_ids: string;
  settings: string;
  created_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
}

type DeviceUpdate = z.output<typeof UpdateDeviceBodySchema>;
/** Who asked, for the audit log. */
export interface Actor {
  principal: Principal;
  request: FastifyRequest;
}

const settingsOf = (row: DeviceRow): Record<string, unknown> => {
  try {
    const parsed: unknown = JSON.parse(row.settings);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** The admin's view of devices: who is online now, last seen, rename, reassign, revoke. */
export function createDeviceRegistry(deps: {
  db: Db;
  now: () => number;
  building: () => Building;
  audit: AuditStore;
  sockets: DeviceSockets;
}) {
  const { db, now, audit, sockets } = deps;
  const connections = new Map<string, number>();
  const byId = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?');
  const touch = db.prepare<[number, string]>('UPDATE devices SET last_seen_at = ? WHERE id = ?');

  const summary = (row: DeviceRow): DeviceSummary => ({
    id: row.id,
    name: row.name,
    role: row.role,
    zoneIds: JSON.parse(row.zone_ids) as string[],
    agencyIds: JSON.parse(row.agency_ids) as string[],
    online: (connections.get(row.id) ?? 0) > 0,
    connections: connections.get(row.id) ?? 0,
    lastSeenAt: row.last_seen_at,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    settings: settingsOf(row),
  });

  function existing(id: string): DeviceRow {
    const row = byId.get(id);
    if (!row) throw new HttpError(404, 'not_found', 'No device with this id');
    return row;
  }

  return {
    list: (): DeviceSummary[] =>
      db
        .prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY revoked_at IS NOT NULL, role, name')
        .all()
        .map(summary),

    /** Validates, saves with its audit entry, then moves the device's open sockets live. */
    update(id: string, change: DeviceUpdate, actor: Actor): DeviceSummary {
      const row = existing(id);
      if (row.revoked_at !== null)
        throw new HttpError(409, 'conflict', `${row.name} is revoked; pair the device again`);
      checkDevicePlace(row.role, change, deps.building());
      checkDeviceNameFree(db, change.name, id);
      const settings = mergeSettings(settingsOf(row), change.settings);
      const at = now();
      db.transaction(() => {
        db.prepare(
          `UPDATE devices SET name = coalesce(?, name), zone_ids = coalesce(?, zone_ids),
             agency_ids = coalesce(?, agency_ids), settings = ? WHERE id = ?`,
        ).run(
          change.name ?? null,
          change.zoneIds ? JSON.stringify(change.zoneIds) : null,
          change.agencyIds ? JSON.stringify(change.agencyIds) : null,
          JSON.stringify(settings),
          id,
        );
        audit.record(
          syncRunner(db),
          actor.principal,
          actor.request,
          { action: 'device.update', target: id, detail: { device: row.name, ...change } },
          at,
        );
      })();
      const updated = summary(existing(id));
      sockets.refresh(
        {
          kind: 'device',
          id,
          role: updated.role,
          name: updated.name,
          zoneIds: updated.zoneIds,
          agencyIds: updated.agencyIds,
          settings: updated.settings,
        },
        at,
      );
      sockets.status(updated);
      return updated;
    },

    revoke(id: string, actor: Actor): DeviceSummary {
      const row = existing(id);
      if (row.revoked_at === null) {
        const at = now();
        db.transaction(() => {
          db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(at, id);
          audit.record(
            syncRunner(db),
            actor.principal,
            actor.request,
            { action: 'device.revoke', target: id, detail: { name: row.name } },
            at,
          );
        })();
      }
      sockets.disconnect(id);
      const revoked = summary(existing(id));
      sockets.status(revoked);
      return revoked;
    },

    /** Where device changes are published; sockets are greeted by `registerSocketHandlers`. */
    attach(server: Io, feeds: FeedPublisher | null): void {
      sockets.attach(server, feeds);
    },

    /** Counts each device's open sockets, notes when it was last seen, and tells the admins. */
    greet(socket: HubSocket): void {
      const { principal } = socket.data;
      if (principal.kind !== 'device') return;
      const id = principal.id;
      connections.set(id, (connections.get(id) ?? 0) + 1);
      touch.run(now(), id);
      sockets.status(summary(existing(id)));
      socket.on('disconnect', () => {
        const left = (connections.get(id) ?? 1) - 1;
        if (left > 0) connections.set(id, left);
        else connections.delete(id);
        touch.run(now(), id);
        const row = byId.get(id);
        if (row) sockets.status(summary(row));
      });
    },
  };
}

export type DeviceRegistry = ReturnType<typeof createDeviceRegistry>;
