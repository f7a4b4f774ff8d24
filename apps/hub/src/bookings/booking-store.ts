import type { Booking, BookingStatus } from '@antre/domain';
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';

/** A bookings row as the 0010 migration made it. Name, phone and hash are null once purged. */
export interface BookingRow {
  id: string;
  code: string;
  service_id: string;
  date: string;
  session_id: string;
  session_start: number;
  session_end: number;
  nik_hash: string | null;
  nik_last4: string;
  name: string | null;
  phone: string | null;
  language: 'id' | 'en';
  status: BookingStatus;
  created_at: number;
  ticket_id: string | null;
  cancel_reason: string | null;
  cancelled_at: number | null;
  checked_in_at: number | null;
  purged_at: number | null;
}

export type NewBooking = Omit<
  BookingRow,
  'ticket_id' | 'cancel_reason' | 'cancelled_at' | 'checked_in_at' | 'purged_at' | 'status'
>;

export const toBooking = (row: BookingRow): Booking => ({
  id: row.id,
  code: row.code,
  serviceId: row.service_id,
  date: row.date,
  sessionId: row.session_id,
  sessionStart: row.session_start,
  sessionEnd: row.session_end,
  nikHash: row.nik_hash ?? '',
  nikLast4: row.nik_last4,
  status: row.status,
  createdAt: row.created_at,
  ticketId: row.ticket_id,
  cancelReason: row.cancel_reason,
});

const NIK_SECRET = 'booking-nik-hmac';

/**
 * The site's key for hashing NIKs: made once by this hub (32 random bytes) and kept in its
 * database, so backups of the site can still find bookings; never in the repository, never in
 * an export of the building.
 */
function siteSecret(db: Db): Buffer {
  const found = db
    .prepare<[string], { value: Buffer }>('SELECT value FROM site_secrets WHERE name = ?')
    .get(NIK_SECRET);
  if (found) return found.value;
  const value = randomBytes(32);
  db.prepare('INSERT INTO site_secrets (name, value) VALUES (?, ?)').run(NIK_SECRET, value);
  return value;
}

/**
 * `changed` runs inside the transaction that made or cancelled a booking, so what follows from
 * it (the confirmation or cancellation message in the outbox) is kept with it or not at all.
 */
export function createBookingStore(db: Db, changed: (bookingId: string) => void = () => {}) {
  const secret = siteSecret(db);
  const insert = db.prepare<NewBooking>(
    `INSERT INTO bookings (id, code, service_id, date, session_id, session_start, session_end,
       nik_hash, nik_last4, name, phone, language, status, created_at)
     VALUES (@id, @code, @service_id, @date, @session_id, @session_start, @session_end,
       @nik_hash, @nik_last4, @name, @phone, @language, 'booked', @created_at)`,
  );
  const byCode = db.prepare<[string], BookingRow>('SELECT * FROM bookings WHERE code = ?');
  const byTicket = db.prepare<[string], BookingRow>('SELECT * FROM bookings WHERE ticket_id = ?');
  const ticketCode = db.prepare<[string], { code: string }>(
    'SELECT code FROM tickets WHERE id = ?',
  );
  const taken = db.prepare<[string, string, string], { n: number }>(
    `SELECT count(*) AS n FROM bookings WHERE service_id = ? AND date = ? AND session_id = ?
       AND status IN ('booked', 'checked_in')`,
  );
  const activeOfNik = db.prepare<[string], BookingRow>(
    "SELECT * FROM bookings WHERE nik_hash = ? AND status IN ('booked', 'checked_in')",
  );
  const booked = db.prepare<[], BookingRow>("SELECT * FROM bookings WHERE status = 'booked'");
  const cancel = db.prepare<[string, number, string]>(
    "UPDATE bookings SET status = 'cancelled', cancel_reason = ?, cancelled_at = ? WHERE id = ? AND status = 'booked'",
  );
  const checkIn = db.prepare<[string, number, string]>(
    "UPDATE bookings SET status = 'checked_in', ticket_id = ?, checked_in_at = ? WHERE id = ?",
  );
  const noShow = db.prepare<[string]>(
    "UPDATE bookings SET status = 'no_show' WHERE id = ? AND status = 'booked'",
  );
  const move = db.prepare<[string, string, number, number, string]>(
    'UPDATE bookings SET date = ?, session_id = ?, session_start = ?, session_end = ? WHERE id = ?',
  );
  const purge = db.prepare<[number, number]>(
    `UPDATE bookings SET name = NULL, phone = NULL, nik_hash = NULL, purged_at = ?
     WHERE purged_at IS NULL AND status != 'booked' AND session_end < ?`,
  );

  return {
    /** HMAC-SHA256 of the NIK under the site's secret: all that is kept of it. */
    nikHash: (nik: string): string => createHmac('sha256', secret).update(nik).digest('hex'),
    insert(row: NewBooking): void {
      insert.run(row);
      changed(row.id);
    },
    byCode: (code: string): BookingRow | undefined => byCode.get(code),
    ticketCode: (ticketId: string): string | null => ticketCode.get(ticketId)?.code ?? null,
    byTicket: (ticketId: string): BookingRow | undefined => byTicket.get(ticketId),
    taken: (serviceId: string, date: string, sessionId: string): number =>
      taken.get(serviceId, date, sessionId)?.n ?? 0,
    activeOfNik: (nikHash: string): BookingRow[] => activeOfNik.all(nikHash),
    booked: (): BookingRow[] => booked.all(),
    cancel(id: string, reason: string, at: number): boolean {
      const done = cancel.run(reason, at, id).changes === 1;
      if (done) changed(id);
      return done;
    },
    checkIn: (id: string, ticketId: string, at: number): void => void checkIn.run(ticketId, at, id),
    noShow: (id: string): void => void noShow.run(id),
    move: (id: string, date: string, sessionId: string, start: number, end: number): void =>
      void move.run(date, sessionId, start, end, id),
    /** Empties the personal fields of bookings whose session ended before `before`. */
    purge: (before: number, at: number): number => purge.run(at, before).changes,
    list(filter: { serviceIds?: readonly string[]; date?: string; q?: string }): BookingRow[] {
      const where: string[] = [];
      const args: string[] = [];
      if (filter.serviceIds) {
        if (filter.serviceIds.length === 0) return [];
        where.push(`service_id IN (${filter.serviceIds.map(() => '?').join(', ')})`);
        args.push(...filter.serviceIds);
      }
      if (filter.date) {
        where.push('date = ?');
        args.push(filter.date);
      }
      if (filter.q) {
        where.push("(code = ? OR name LIKE ? ESCAPE '\\')");
        args.push(filter.q.toUpperCase(), `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`);
      }
      const sql = `SELECT * FROM bookings ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY date, session_start, created_at LIMIT 5000`;
      return db.prepare<string[], BookingRow>(sql).all(...args);
    },
    transaction: <T>(run: () => T): T => db.transaction(run)(),
  };
}

export type BookingStore = ReturnType<typeof createBookingStore>;
