import type { Booking, BookingStatus, TakenPlaces } from '@antre/domain';
import { createHmac, randomBytes } from 'node:crypto';
import type { Sql, SqlParam, SqlRunner } from '../db/sql';

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

/** Runs in the transaction that made or cancelled a booking (its messages go to the outbox). */
export type BookingChanged = (tx: SqlRunner, bookingId: string) => Promise<void>;

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
const ACTIVE = "status IN ('booked', 'checked_in')";

/**
 * The site's key for hashing NIKs: made once (32 random bytes) and kept in its database, so
 * backups of the site can still find bookings; never in the repository, never in an export
 * of the building. Two processes making it at once keep the first one written.
 */
async function siteSecret(sql: Sql): Promise<Buffer> {
  const read = () =>
    sql.get<{ value: Buffer }>('SELECT value FROM site_secrets WHERE name = ?', [NIK_SECRET]);
  const found = await read();
  if (found) return found.value;
  await sql.run(
    'INSERT INTO site_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
    [NIK_SECRET, randomBytes(32)],
  );
  const made = await read();
  if (!made) throw new Error('The NIK secret was not saved');
  return made.value;
}

/**
 * Writes take the caller's transaction (`tx`); `changed` runs in the transaction that made or
 * cancelled a booking, so what follows from it (the confirmation or cancellation message in the
 * outbox) is kept with it or not at all.
 */
export function createBookingStore(sql: Sql, changed: BookingChanged = () => Promise.resolve()) {
  let secret: Promise<Buffer> | undefined;
  const secretOnce = (): Promise<Buffer> => {
    // A failed read is tried again by the next caller, not remembered.
    secret ??= siteSecret(sql).catch((error: unknown) => {
      secret = undefined;
      throw error;
    });
    return secret;
  };

  return {
    /** HMAC-SHA256 of the NIK under the site's secret: all that is kept of it. */
    async nikHash(nik: string): Promise<string> {
      return createHmac('sha256', await secretOnce())
        .update(nik)
        .digest('hex');
    },

    /**
     * The first statement of a transaction that decides on places and a NIK's bookings: on
     * PostgreSQL two such transactions would each count before the other's insert (SQLite's
     * transactions already run one at a time).
     */
    async lockDecisions(tx: SqlRunner): Promise<void> {
      if (sql.dialect === 'postgres')
        await tx.get(
          "SELECT pg_advisory_xact_lock(hashtext('antre bookings ' || current_schema()))",
        );
    },

    async insert(tx: SqlRunner, row: NewBooking): Promise<void> {
      await tx.run(
        `INSERT INTO bookings (id, code, service_id, date, session_id, session_start, session_end,
           nik_hash, nik_last4, name, phone, language, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?)`,
        [
          row.id,
          row.code,
          row.service_id,
          row.date,
          row.session_id,
          row.session_start,
          row.session_end,
          row.nik_hash,
          row.nik_last4,
          row.name,
          row.phone,
          row.language,
          row.created_at,
        ],
      );
      await changed(tx, row.id);
    },

    byCode: (code: string, on: SqlRunner = sql): Promise<BookingRow | undefined> =>
      on.get<BookingRow>('SELECT * FROM bookings WHERE code = ?', [code]),

    async ticketCode(ticketId: string): Promise<string | null> {
      const row = await sql.get<{ code: string }>('SELECT code FROM tickets WHERE id = ?', [
        ticketId,
      ]);
      return row?.code ?? null;
    },

    /** Places taken (booked or checked in) per session of a service between two dates. */
    async placesTaken(
      serviceId: string,
      from: string,
      to: string,
      on: SqlRunner = sql,
    ): Promise<TakenPlaces> {
      const rows = await on.all<{ date: string; session_id: string; n: number }>(
        `SELECT date, session_id, COUNT(*) AS n FROM bookings
         WHERE service_id = ? AND date >= ? AND date <= ? AND ${ACTIVE}
         GROUP BY date, session_id`,
        [serviceId, from, to],
      );
      const taken = new Map(rows.map((r) => [`${r.date} ${r.session_id}`, r.n]));
      return (date, sessionId) => taken.get(`${date} ${sessionId}`) ?? 0;
    },

    activeOfNik: (nikHash: string, on: SqlRunner = sql): Promise<BookingRow[]> =>
      on.all<BookingRow>(`SELECT * FROM bookings WHERE nik_hash = ? AND ${ACTIVE}`, [nikHash]),

    booked: (on: SqlRunner = sql): Promise<BookingRow[]> =>
      on.all<BookingRow>("SELECT * FROM bookings WHERE status = 'booked'"),

    /** Only a booking still booked is cancelled; says whether this one was. */
    async cancel(tx: SqlRunner, id: string, reason: string, at: number): Promise<boolean> {
      const { changes } = await tx.run(
        "UPDATE bookings SET status = 'cancelled', cancel_reason = ?, cancelled_at = ? WHERE id = ? AND status = 'booked'",
        [reason, at, id],
      );
      if (changes === 1) await changed(tx, id);
      return changes === 1;
    },

    async checkIn(tx: SqlRunner, id: string, ticketId: string, at: number): Promise<void> {
      await tx.run(
        "UPDATE bookings SET status = 'checked_in', ticket_id = ?, checked_in_at = ? WHERE id = ?",
        [ticketId, at, id],
      );
    },

    async noShow(tx: SqlRunner, id: string): Promise<void> {
      await tx.run("UPDATE bookings SET status = 'no_show' WHERE id = ? AND status = 'booked'", [
        id,
      ]);
    },

    async move(
      tx: SqlRunner,
      id: string,
      to: { date: string; sessionId: string; start: number; end: number },
    ): Promise<void> {
      await tx.run(
        'UPDATE bookings SET date = ?, session_id = ?, session_start = ?, session_end = ? WHERE id = ?',
        [to.date, to.sessionId, to.start, to.end, id],
      );
    },

    /** Empties the personal fields of bookings whose session ended before `before`. */
    async purge(tx: SqlRunner, before: number, at: number): Promise<number> {
      const { changes } = await tx.run(
        `UPDATE bookings SET name = NULL, phone = NULL, nik_hash = NULL, purged_at = ?
         WHERE purged_at IS NULL AND status != 'booked' AND session_end < ?`,
        [at, before],
      );
      return changes;
    },

    async list(filter: {
      serviceIds?: readonly string[];
      date?: string | undefined;
      q?: string | undefined;
    }): Promise<BookingRow[]> {
      const where: string[] = [];
      const args: SqlParam[] = [];
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
        // A name matches whatever its case, as SQLite's LIKE did.
        where.push("(code = ? OR LOWER(name) LIKE LOWER(?) ESCAPE '\\')");
        args.push(filter.q.toUpperCase(), `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`);
      }
      return sql.all<BookingRow>(
        `SELECT * FROM bookings ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY date, session_start, created_at LIMIT 5000`,
        args,
      );
    },

    transaction: <T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> => sql.transaction(work),
  };
}

export type BookingStore = ReturnType<typeof createBookingStore>;
