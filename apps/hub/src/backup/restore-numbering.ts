import { openDatabase } from '../db/database';

interface DayNumber {
  serviceId: string;
  serviceDay: string;
  lastNumber: number;
}

export type NumberingCarried =
  | { from: 'nothing' }
  /** raised: days whose numbering moved ahead; dropped: services the backup does not have. */
  | { from: 'replaced'; raised: DayNumber[]; dropped: DayNumber[] }
  | { from: 'unreadable'; reason: string };

/**
 * A backup is older than the database it replaces, so the numbers issued since (already
 * printed, maybe still in people's hands) would be issued again. The next number of a
 * service comes from service_days.last_number, so each day's last number is carried from
 * the database being replaced into the restored one when it is higher.
 */
export function carryNumbering(
  restoredPath: string,
  replacedPath: string | null,
): NumberingCarried {
  if (!replacedPath) return { from: 'nothing' };
  const db = openDatabase(restoredPath);
  try {
    let newer: (DayNumber & { known: 0 | 1 })[];
    try {
      db.prepare('ATTACH DATABASE ? AS replaced').run(replacedPath);
      newer = db
        .prepare<[], DayNumber & { known: 0 | 1 }>(
          `SELECT r.service_id AS serviceId, r.service_day AS serviceDay, r.last_number AS lastNumber,
                  r.service_id IN (SELECT id FROM main.services) AS known
           FROM replaced.service_days r
           LEFT JOIN main.service_days m USING (service_id, service_day)
           WHERE r.last_number > COALESCE(m.last_number, 0)`,
        )
        .all();
    } catch (error) {
      return { from: 'unreadable', reason: (error as Error).message };
    }
    const raise = db.prepare(
      `INSERT INTO service_days (service_id, service_day, last_number, regular_streak)
       VALUES (?, ?, ?, NULL)
       ON CONFLICT (service_id, service_day) DO UPDATE SET last_number = excluded.last_number`,
    );
    const raised = newer.filter((d) => d.known === 1).map(({ known: _, ...day }) => day);
    db.transaction(() => {
      for (const d of raised) raise.run(d.serviceId, d.serviceDay, d.lastNumber);
    })();
    const dropped = newer.filter((d) => d.known === 0).map(({ known: _, ...day }) => day);
    return { from: 'replaced', raised, dropped };
  } finally {
    if (db.open) {
      try {
        db.prepare('DETACH DATABASE replaced').run();
      } catch {
        // not attached
      }
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }
  }
}
