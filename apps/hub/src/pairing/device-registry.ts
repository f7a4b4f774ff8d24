import type { Building } from '@antre/domain';
import type { DeviceSummary } from '@antre/protocol';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { UpdateDeviceBodySchema } from '@antre/protocol';
import type { AuditStore } from '../audit/audit-store';
import type { Principal } from '../auth/principal';
import type { Sql, SqlRunner } from '../db/sql';
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

// Active first, then by role and name, by code point as SQLite's BINARY does: PostgreSQL's order
// of text depends on the database's locale.
const inListOrder = (a: DeviceRow, b: DeviceRow): number => {
  const key = (row: DeviceRow) => [row.revoked_at === null ? '0' : '1', row.role, row.name];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return 0;
};

/** The admin's view of devices: who is online now, last seen, rename, reassign, revoke. */
export function createDeviceRegistry(deps: {
  sql: Sql;
  now: () => number;
  building: () => Building;
  audit: AuditStore;
  sockets: DeviceSockets;
}) {
  const { sql, now, audit, sockets } = deps;
  const connections = new Map<string, number>();
  // Sightings of devices that left, still being written: the hub waits for them before it
  // closes the database, as closing the sockets is what starts them.
  const leaving = new Set<Promise<void>>();
  const byId = (id: string, tx: SqlRunner = sql) =>
    tx.get<DeviceRow>('SELECT * FROM devices WHERE id = ?', [id]);
  const touch = (id: string) =>
    sql.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', [now(), id]);

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

  async function existing(id: string, tx: SqlRunner = sql): Promise<DeviceRow> {
    const row = await byId(id, tx);
    if (!row) throw new HttpError(404, 'not_found', 'No device with this id');
    return row;
  }

  return {
    list: async (): Promise<DeviceSummary[]> =>
      (await sql.all<DeviceRow>('SELECT * FROM devices')).sort(inListOrder).map(summary),

    /** Validates, saves with its audit entry, then moves the device's open sockets live. */
    async update(id: string, change: DeviceUpdate, actor: Actor): Promise<DeviceSummary> {
      const at = now();
      await sql.transaction(async (tx) => {
        const row = await existing(id, tx);
        if (row.revoked_at !== null)
          throw new HttpError(409, 'conflict', `${row.name} is revoked; pair the device again`);
        checkDevicePlace(row.role, change, deps.building());
        await checkDeviceNameFree(tx, change.name, id);
        const settings = mergeSettings(settingsOf(row), change.settings);
        await tx.run(
          `UPDATE devices SET name = COALESCE(?, name), zone_ids = COALESCE(?, zone_ids),
             agency_ids = COALESCE(?, agency_ids), settings = ? WHERE id = ?`,
          [
            change.name ?? null,
            change.zoneIds ? JSON.stringify(change.zoneIds) : null,
            change.agencyIds ? JSON.stringify(change.agencyIds) : null,
            JSON.stringify(settings),
            id,
          ],
        );
        await audit.record(
          tx,
          actor.principal,
          actor.request,
          { action: 'device.update', target: id, detail: { device: row.name, ...change } },
          at,
        );
      });
      const updated = summary(await existing(id));
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

    async revoke(id: string, actor: Actor): Promise<DeviceSummary> {
      await sql.transaction(async (tx) => {
        const row = await existing(id, tx);
        if (row.revoked_at !== null) return;
        const at = now();
        await tx.run('UPDATE devices SET revoked_at = ? WHERE id = ?', [at, id]);
        await audit.record(
          tx,
          actor.principal,
          actor.request,
          { action: 'device.revoke', target: id, detail: { name: row.name } },
          at,
        );
      });
      sockets.disconnect(id);
      const revoked = summary(await existing(id));
      sockets.status(revoked);
      return revoked;
    },

    /** Where device changes are published; sockets are greeted by `registerSocketHandlers`. */
    attach(server: Io, feeds: FeedPublisher | null): void {
      sockets.attach(server, feeds);
    },

    /**
     * Counts each device's open sockets, notes when it was last seen, and tells the admins.
     * Counted at once, so a socket that goes straight away is not counted after it left; the
     * notes are written in turn, the one on leaving after the one on arriving.
     */
    greet(socket: HubSocket): Promise<void> | undefined {
      const { principal } = socket.data;
      if (principal.kind !== 'device') return;
      const id = principal.id;
      connections.set(id, (connections.get(id) ?? 0) + 1);
      const arrived = touch(id).then(async () => sockets.status(summary(await existing(id))));
      socket.on('disconnect', () => {
        const left = (connections.get(id) ?? 1) - 1;
        if (left > 0) connections.set(id, left);
        else connections.delete(id);
        const noted = arrived
          .catch(() => undefined)
          .then(async () => {
            await touch(id);
            const row = await byId(id);
            if (row) sockets.status(summary(row));
          })
          .catch((error: unknown) => console.error('noting a device leaving failed', error));
        leaving.add(noted);
        void noted.then(() => leaving.delete(noted));
      });
      return arrived;
    },

    /** Resolves once every device that has left is noted as last seen then. */
    async settled(): Promise<void> {
      await Promise.all(leaving);
    },
  };
}

export type DeviceRegistry = ReturnType<typeof createDeviceRegistry>;
