import type { Alarm } from '@antre/domain';
import type { AlarmView } from '@antre/protocol';
import type { Sql, SqlRunner } from '../db/sql';

export interface AlarmRow {
  id: number;
  key: string;
  kind: AlarmView['kind'];
  agency_id: string | null;
  subject_id: string;
  detail: string;
  since: number;
  raised_at: number;
  cleared_at: number | null;
}

/** Alarms as raised and cleared: one open row per key (alarms_open), kept once cleared. */
export function createAlarmStore(sql: Sql) {
  return {
    open: (): Promise<AlarmRow[]> =>
      sql.all<AlarmRow>('SELECT * FROM alarms WHERE cleared_at IS NULL ORDER BY id'),

    /** In the caller's transaction; answers the new row's id (its staff messages' key). */
    async raise(tx: SqlRunner, alarm: Alarm, now: number): Promise<number> {
      const row = await tx.get<{ id: number }>(
        `INSERT INTO alarms (key, kind, agency_id, subject_id, detail, since, raised_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          alarm.key,
          alarm.kind,
          alarm.agencyId,
          alarm.subjectId,
          JSON.stringify(alarm.detail),
          alarm.since,
          now,
        ],
      );
      if (!row) throw new Error(`The alarm ${alarm.key} was not saved`);
      return row.id;
    },

    async clear(tx: SqlRunner, id: number, now: number): Promise<void> {
      await tx.run('UPDATE alarms SET cleared_at = ? WHERE id = ?', [now, id]);
    },

    transaction: <T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> => sql.transaction(work),
  };
}

export type AlarmStore = ReturnType<typeof createAlarmStore>;
