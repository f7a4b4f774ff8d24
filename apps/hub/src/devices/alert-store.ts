import type { DeviceAlert } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import type { Sql } from '../db/sql';

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
export function createAlertStore(sql: Sql) {
  const byId = async (id: string): Promise<DeviceAlert> => {
    const row = await sql.get<AlertRow>(`${SELECT} WHERE device_alerts.id = ?`, [id]);
    if (!row) throw new Error(`The device alert ${id} is gone`);
    return toAlert(row);
  };

  return {
    async open(deviceId: string, kind: DeviceAlert['kind']): Promise<DeviceAlert | undefined> {
      const row = await sql.get<AlertRow>(
        `${SELECT} WHERE device_alerts.device_id = ? AND device_alerts.kind = ?
           AND cleared_at IS NULL`,
        [deviceId, kind],
      );
      return row ? toAlert(row) : undefined;
    },

    async insert(
      deviceId: string,
      kind: DeviceAlert['kind'],
      state: DeviceAlert['state'],
      now: number,
    ): Promise<DeviceAlert> {
      const id = randomUUID();
      await sql.run(
        `INSERT INTO device_alerts (id, device_id, kind, state, raised_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [id, deviceId, kind, state, now, now],
      );
      return byId(id);
    },

    async updateState(id: string, state: DeviceAlert['state'], now: number): Promise<DeviceAlert> {
      await sql.run('UPDATE device_alerts SET state = ?, updated_at = ? WHERE id = ?', [
        state,
        now,
        id,
      ]);
      return byId(id);
    },

    async clear(id: string, now: number): Promise<DeviceAlert> {
      await sql.run('UPDATE device_alerts SET cleared_at = ?, updated_at = ? WHERE id = ?', [
        now,
        now,
        id,
      ]);
      return byId(id);
    },

    async listOpen(): Promise<DeviceAlert[]> {
      const rows = await sql.all<AlertRow>(`${SELECT} WHERE cleared_at IS NULL ORDER BY raised_at`);
      return rows.map(toAlert);
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
