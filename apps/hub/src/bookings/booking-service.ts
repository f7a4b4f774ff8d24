import type { BookingErrorCode, BookingResult } from '@antre/domain';
import { addDays, bookingCalendar, checkNik, decideBooking, localMoment } from '@antre/domain';
import type { BookingView, CreateBookingBody } from '@antre/protocol';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http/routes';
import type { QueueEngine } from '../queue/queue-engine';
import type { BookingRow, BookingStore } from './booking-store';
import { toBooking } from './booking-store';
import { cancelReasonText, refusalDetail } from './booking-refusals';
import { bookingPolicyOf, toBookingView } from './booking-views';

/**
 * Checks a citizen against the population register (Dukcapil) before a booking is made. The
 * default accepts everyone whose NIK is plausible; a site plugs in its own through
 * HubOptions.verifyCitizen. It sees the NIK in clear: it must not log or keep it.
 */
export type VerifyCitizen = (nik: string, name: string) => Promise<boolean>;
export const ACCEPT_EVERY_CITIZEN: VerifyCitizen = () => Promise.resolve(true);

const REFUSAL_STATUS: Partial<Record<string, number>> = {
  invalid_nik: 400,
  booking_not_found: 404,
};
const MESSAGES: Record<BookingErrorCode, string> = {
  booking_not_offered: 'This service takes no online bookings',
  unknown_session: 'No such session on that day',
  date_not_bookable: 'That day takes no bookings',
  window_closed: 'Booking for that day is closed or not open yet',
  full: 'That session is full',
  duplicate_booking: 'This NIK already has a booking for this service on that day',
  too_many_bookings: 'This NIK has too many active bookings',
  booking_cancelled: 'This booking was cancelled',
  already_checked_in: 'This booking is already checked in',
  not_today: 'This booking is for another day',
  too_early: 'Check-in is not open yet',
  too_late: 'The check-in window has closed',
};

/** A refused booking rule as the HTTP answer UIs translate by its code. */
export function refusal(error: { code: BookingErrorCode; detail: string | null }): HttpError {
  const detail = error.detail ? ` (${error.detail})` : '';
  const message = `${MESSAGES[error.code]}${detail}`;
  return new HttpError(409, error.code, message, undefined, undefined, refusalDetail(error));
}
export const bookingError = (code: 'invalid_nik' | 'booking_not_found', message: string) =>
  new HttpError(REFUSAL_STATUS[code] ?? 409, code, message);

const NOT_FOUND = () => bookingError('booking_not_found', 'No booking with this code and NIK');

// No 0/O or 1/I: the code is read aloud and typed on a kiosk keypad.
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newBookingCode = (): string =>
  [...randomBytes(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');

export function createBookingService(deps: {
  engine: QueueEngine;
  store: BookingStore;
  verifyCitizen: VerifyCitizen;
}) {
  const { engine, store } = deps;

  const view = async (row: BookingRow): Promise<BookingView> =>
    toBookingView(engine.index, row, row.ticket_id ? await store.ticketCode(row.ticket_id) : null);

  /** The NIK as typed, checked; refused with invalid_nik before anything is looked up. */
  async function nikOf(input: string): Promise<{ nik: string; last4: string; hash: string }> {
    const checked = checkNik(input);
    if (!checked.ok)
      throw bookingError('invalid_nik', `This is not a valid NIK (${checked.problem})`);
    return { ...checked, hash: await store.nikHash(checked.nik) };
  }

  /** The booking with this code whose NIK matches; never says which of the two was wrong. */
  async function find(code: string, nikInput: string): Promise<BookingRow> {
    const checked = checkNik(nikInput);
    const row = await store.byCode(code);
    if (!checked.ok || !row?.nik_hash) throw NOT_FOUND();
    const given = Buffer.from(await store.nikHash(checked.nik), 'hex');
    const kept = Buffer.from(row.nik_hash, 'hex');
    if (given.length !== kept.length || !timingSafeEqual(given, kept)) throw NOT_FOUND();
    return row;
  }

  const unwrap = <T>(result: BookingResult<T>): T => {
    if (!result.ok) throw refusal(result.error);
    return result.value;
  };

  /** Count, decide and insert in one transaction that holds off the others: none can overbook. */
  async function create(body: CreateBookingBody): Promise<BookingView> {
    const nik = await nikOf(body.nik);
    if (!(await deps.verifyCitizen(nik.nik, body.name)))
      throw bookingError('invalid_nik', 'This NIK could not be verified');
    const service = engine.index.services.get(body.serviceId);
    if (!service) throw refusal({ code: 'booking_not_offered', detail: null });
    const row = await store.transaction(async (tx) => {
      await store.lockDecisions(tx);
      const now = engine.now();
      const taken = await store.placesTaken(service.id, body.date, body.date, tx);
      const sameNik = (await store.activeOfNik(nik.hash, tx)).map(toBooking);
      const decided = unwrap(
        decideBooking({
          site: engine.index.site,
          service,
          policy: bookingPolicyOf(engine.index),
          date: body.date,
          sessionId: body.sessionId,
          now,
          taken,
          sameNik,
        }),
      );
      const fresh = {
        id: randomUUID(),
        code: newBookingCode(),
        service_id: service.id,
        date: body.date,
        session_id: body.sessionId,
        session_start: decided.sessionStart,
        session_end: decided.sessionEnd,
        nik_hash: nik.hash,
        nik_last4: nik.last4,
        name: body.name,
        phone: body.consent && body.phone ? body.phone : null,
        language: body.language,
        created_at: now,
      };
      await store.insert(tx, fresh);
      return store.byCode(fresh.code, tx);
    });
    if (!row) throw new HttpError(500, 'internal', 'The booking was not saved');
    return view(row);
  }

  async function cancelByCitizen(code: string, nik: string): Promise<BookingView> {
    const row = await find(code, nik);
    if (row.status === 'cancelled') throw refusal({ code: 'booking_cancelled', detail: null });
    if (row.status === 'checked_in') throw refusal({ code: 'already_checked_in', detail: null });
    if (row.status === 'no_show') throw refusal({ code: 'too_late', detail: null });
    await store.transaction((tx) =>
      store.cancel(tx, row.id, cancelReasonText('citizen'), engine.now()),
    );
    return view((await store.byCode(code)) ?? row);
  }

  /** Another day or session of the same service; decided like a new booking, without itself. */
  async function move(
    code: string,
    nik: string,
    date: string,
    sessionId: string,
  ): Promise<BookingView> {
    const found = await find(code, nik);
    const service = engine.index.services.get(found.service_id);
    if (!service) throw refusal({ code: 'booking_not_offered', detail: null });
    await store.transaction(async (tx) => {
      await store.lockDecisions(tx);
      const row = (await store.byCode(code, tx)) ?? found;
      if (row.status !== 'booked')
        throw refusal({
          code: row.status === 'checked_in' ? 'already_checked_in' : 'booking_cancelled',
          detail: null,
        });
      const taken = await store.placesTaken(service.id, date, date, tx);
      const sameNik = (await store.activeOfNik(row.nik_hash ?? '', tx))
        .filter((b) => b.id !== row.id)
        .map(toBooking);
      const decided = unwrap(
        decideBooking({
          site: engine.index.site,
          service,
          policy: bookingPolicyOf(engine.index),
          date,
          sessionId,
          now: engine.now(),
          taken: (d, s) => taken(d, s) - (d === row.date && s === row.session_id ? 1 : 0),
          sameNik,
        }),
      );
      await store.move(tx, row.id, {
        date,
        sessionId,
        start: decided.sessionStart,
        end: decided.sessionEnd,
      });
    });
    return view((await store.byCode(code)) ?? found);
  }

  /** Days, sessions and places left of a service, from today through its booking window. */
  async function availability(serviceId: string, from?: string, to?: string) {
    const service = engine.index.services.get(serviceId);
    if (!service?.booking) throw refusal({ code: 'booking_not_offered', detail: null });
    const now = engine.now();
    const today = localMoment(now, engine.index.site.timezone).date;
    const taken = await store.placesTaken(
      service.id,
      today,
      addDays(today, service.booking.daysAhead),
    );
    const days = bookingCalendar(engine.index.site, service, now, taken).filter(
      (d) => (!from || d.date >= from) && (!to || d.date <= to),
    );
    return { serviceId, timezone: engine.index.site.timezone, days };
  }

  return { view, find, create, cancelByCitizen, move, availability, nikOf };
}

export type BookingService = ReturnType<typeof createBookingService>;
