import type { DeviceSummary } from '@antre/protocol';
import type { z } from 'zod';
import type { UpdateDeviceBodySchema } from '@antre/protocol';
import type { Db } from '../db/database';
import { HttpError } from '../http/routes';
import type { Io } from '../realtime/socket-server';

interface DeviceRow {
  id: string;
  name: string;
  role: DeviceSummary['role'];
  zone_ids: string;
  agency_ids: string;
  created_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
}

type DeviceUpdate = z.output<typeof UpdateDeviceBodySchema>;

/** The admin's view of devices: who is online now, last seen, rename, reassign, revoke. */
export function createDeviceRegistry(db: Db, now: () => number) {
  const connections = new Map<string, number>();
  let io: Io | null = null;
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
  });

  function existing(id: string): DeviceRow {
    const row = byId.get(id);
    if (!row) throw new HttpError(404, 'not_found', 'No device with this id');
    return row;
  }

  /** Cuts the device's sockets now; socket.io clients do not reconnect after a server disconnect. */
  function disconnect(deviceId: string): void {
    for (const socket of io?.of('/').sockets.values() ?? []) {
      const { principal } = socket.data;
      if (principal.kind !== 'device' || principal.id !== deviceId) continue;
      // Said first, so the app can forget its token and show the pairing code again.
      socket.emit('hub:notice', {
        code: 'device_revoked',
        message: 'This device has been revoked',
      });
      socket.disconnect(true);
    }
  }

  return {
    list: (): DeviceSummary[] =>
      db
        .prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY revoked_at IS NOT NULL, role, name')
        .all()
        .map(summary),

    update(id: string, change: DeviceUpdate): DeviceSummary {
      const row = existing(id);
      if (row.revoked_at !== null)
        throw new HttpError(409, 'conflict', `${row.name} is revoked; pair the device again`);
      db.prepare(
        `UPDATE devices SET name = coalesce(?, name), zone_ids = coalesce(?, zone_ids),
           agency_ids = coalesce(?, agency_ids), settings = coalesce(?, settings) WHERE id = ?`,
      ).run(
        change.name ?? null,
        change.zoneIds ? JSON.stringify(change.zoneIds) : null,
        change.agencyIds ? JSON.stringify(change.agencyIds) : null,
        change.settings ? JSON.stringify(change.settings) : null,
        id,
      );
      return summary(existing(id));
    },

    revoke(id: string): DeviceSummary {
      const row = existing(id);
      if (row.revoked_at === null)
        db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(now(), id);
      disconnect(id);
      return summary(existing(id));
    },

    /** Counts each device's open sockets and notes when it was last seen. */
    attach(server: Io): void {
      io = server;
      server.on('connection', (socket) => {
        const { principal } = socket.data;
        if (principal.kind !== 'device') return;
        connections.set(principal.id, (connections.get(principal.id) ?? 0) + 1);
        touch.run(now(), principal.id);
        socket.on('disconnect', () => {
          const left = (connections.get(principal.id) ?? 1) - 1;
          if (left > 0) connections.set(principal.id, left);
          else connections.delete(principal.id);
          touch.run(now(), principal.id);
        });
      });
    },
  };
}

export type DeviceRegistry = ReturnType<typeof createDeviceRegistry>;
