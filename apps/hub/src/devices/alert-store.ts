import type { DeviceAlert } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';

interface AlertRow {
  id: string;
  device_id: string;
  device_name: string;
  agency_ids: string;
  kind: 'printer';
  state: DeviceAlert['state'];
  raised_at: number;
  cleared_at: number | null;
}

const SELECT = `SELECT device_alerts.*, devices.name AS device_name, devices.agency_ids
  FROM device_alerts JOIN devices ON devices.id = device_alerts.device_id`;

const toAlert = (row: AlertRow): DeviceAlert => ({
  id: row.id,
  deviceId: row.device_id,
  deviceName: row.device_name,
  kind: row.kind,
  state: row.state,
  agencyIds: JSON.parse(row.agency_ids) as string[],
  raisedAt: row.raised_at,
  clearedAt: row.cleared_at,
});

/** device_alerts: at most one open alert per device and kind (a partial unique index). */
export function createAlertStore(db: Db) {
  const openOf = db.prepare<[string, string], AlertRow>(
    `${SELECT} WHERE device_alerts.device_id = ? AND device_alerts.kind = ? AND cleared_at IS NULL`,
  );
  const byId = db.prepare<[string], AlertRow>(`${SELECT} WHERE device_alerts.id = ?`);

  return {
    open(deviceId: string, kind: DeviceAlert['kind']): DeviceAlert | undefined {
      const row = openOf.get(deviceId, kind);
      return row ? toAlert(row) : undefined;
    },

    insert(deviceId: string, kind: DeviceAlert['kind'], state: DeviceAlert['state'], now: number) {
      const id = randomUUID();
      db.prepare(
        `INSERT INTO device_alerts (id, device_id, kind, state, raised_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(id, deviceId, kind, state, now, now);
      return toAlert(byId.get(id)!);
    },

    updateState(id: string, state: DeviceAlert['state'], now: number): DeviceAlert {
      db.prepare('UPDATE device_alerts SET state = ?, updated_at = ? WHERE id = ?').run(
        state,
        now,
        id,
      );
      return toAlert(byId.get(id)!);
    },

    clear(id: string, now: number): DeviceAlert {
      db.prepare('UPDATE device_alerts SET cleared_at = ?, updated_at = ? WHERE id = ?').run(
        now,
        now,
        id,
      );
      return toAlert(byId.get(id)!);
    },

    listOpen(): DeviceAlert[] {
      return db
        .prepare<[], AlertRow>(`${SELECT} WHERE cleared_at IS NULL ORDER BY raised_at`)
        .all()
        .map(toAlert);
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
