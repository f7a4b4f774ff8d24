import { placeOfService } from '@antre/domain';
import type { Sql, SqlRunner } from '../db/sql';
import type { QueueEngine } from '../queue/queue-engine';
import type { NotifyStore } from './notify-store';
import type { PlannedMessage } from './visitor-messages';
import { clockText, placeText } from './visitor-messages';

interface BookingForMessage {
  id: string;
  code: string;
  service_id: string;
  date: string;
  session_start: number;
  status: string;
  phone: string | null;
  language: 'id' | 'en';
  created_at: number;
  cancel_reason: string | null;
  cancelled_at: number | null;
}

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

const CANCEL_WORDS: Record<'id' | 'en', Record<string, string>> = {
  id: {
    holiday: 'hari libur',
    service_closed: 'layanan ditutup',
    closed_day: 'MPP tutup pada hari itu',
    session_removed: 'sesi ditiadakan',
    places_reduced: 'kuota dikurangi',
    booking_off: 'layanan tidak lagi menerima pemesanan',
  },
  en: {
    holiday: 'a public holiday',
    service_closed: 'the service is closed',
    closed_day: 'the MPP is closed that day',
    session_removed: 'the session was removed',
    places_reduced: 'fewer places',
    booking_off: 'the service no longer takes bookings',
  },
};

/** "holiday: Idul Fitri" → "hari libur (Idul Fitri)". */
export function cancelReasonWords(stored: string | null, language: 'id' | 'en'): string {
  if (!stored) return '';
  const [code = '', ...rest] = stored.split(':');
  const note = rest.join(':').trim();
  const words = CANCEL_WORDS[language][code.trim()] ?? stored;
  return note && words !== stored ? `${words} (${note})` : words;
}

/**
 * Messages about bookings go to the phone given with consent: confirmation, reminders the
 * day before and an hour before, and a cancellation by the building. Each is found from the
 * bookings table itself on every tick, so a hub that stopped at any moment still sends it
 * once (the outbox key), and the booking's own transaction adds it at once where it can.
 */
export function createBookingMessages(deps: { sql: Sql; store: NotifyStore; engine: QueueEngine }) {
  const { sql, store, engine } = deps;
  const byId = (id: string, on: SqlRunner = sql) =>
    on.get<BookingForMessage>('SELECT * FROM bookings WHERE id = ?', [id]);

  function message(
    b: BookingForMessage,
    what: 'booking.confirmed' | 'booking.reminder' | 'booking.cancelled',
    key: string,
  ): PlannedMessage {
    const index = engine.index;
    const lang = b.language;
    return {
      key: `booking:${b.id}:${key}`,
      recipient: `booking:${b.id}`,
      message: what,
      language: lang,
      params: {
        code: b.code,
        service: index.services.get(b.service_id)?.name ?? b.service_id,
        date: dateText(b.date, lang),
        time: clockText(index, b.session_start, lang),
        place: placeText(placeOfService(index, b.service_id), lang),
        reason: cancelReasonWords(b.cancel_reason, lang),
      },
    };
  }

  function plannedFor(b: BookingForMessage, now: number): PlannedMessage[] {
    if (!b.phone) return [];
    if (b.status === 'cancelled') {
      const byBuilding = b.cancel_reason !== null && !b.cancel_reason.startsWith('citizen');
      return byBuilding && (b.cancelled_at ?? 0) >= now - DAY
        ? [message(b, 'booking.cancelled', 'cancelled')]
        : [];
    }
    if (b.status !== 'booked') return [];
    const planned: PlannedMessage[] = [];
    if (b.created_at >= now - DAY) planned.push(message(b, 'booking.confirmed', 'confirmed'));
    const before = b.session_start - now;
    if (before > 2 * HOUR && before <= DAY && b.created_at < b.session_start - DAY)
      planned.push(message(b, 'booking.reminder', 'remind-day'));
    if (before > 0 && before <= HOUR && b.created_at < b.session_start - HOUR)
      planned.push(message(b, 'booking.reminder', 'remind-hour'));
    return planned;
  }

  async function due(now: number): Promise<PlannedMessage[]> {
    const rows = await sql.all<BookingForMessage>(
      `SELECT * FROM bookings WHERE phone IS NOT NULL AND (
         (status = 'booked' AND (created_at >= ? OR session_start BETWEEN ? AND ?))
         OR (status = 'cancelled' AND cancelled_at >= ?))
       ORDER BY created_at, id`,
      [now - DAY, now, now + DAY, now - DAY],
    );
    return rows.flatMap((b) => plannedFor(b, now));
  }

  return {
    phoneOf: async (id: string): Promise<string | null> => (await byId(id))?.phone ?? null,

    /** In a booking's own transaction (`tx`): its confirmation or cancellation goes out at once. */
    async changed(tx: SqlRunner, bookingId: string): Promise<void> {
      const b = await byId(bookingId, tx);
      const now = engine.now();
      if (b) await store.enqueue(tx, plannedFor(b, now), now);
    },

    /** Every tick: whatever is due and not yet in the outbox goes in. */
    async remind(now: number): Promise<number> {
      return (await store.enqueueAlone(await due(now), now)).length;
    },
  };
}

function dateText(date: string, language: 'id' | 'en'): string {
  const [y, m, d] = date.split('-').map(Number);
  const at = new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1, 12));
  return at.toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
