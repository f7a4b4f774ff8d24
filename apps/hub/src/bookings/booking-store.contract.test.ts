import { describe, expect, it } from 'vitest';
import { FencedError } from '../cluster/lease';
import type { Sql, SqlRunner } from '../db/sql';
import { useSqlEngines } from '../testing/sql-engines';
import type { NewBooking } from './booking-store';
import { createBookingStore } from './booking-store';

// The booking store's contract on both engines: what the service, the check-in and the
// housekeeping count on, each case in a fresh empty building.

const engines = useSqlEngines();

const HOUR = 60 * 60_000;
const T0 = 1_800_000_000_000;
const KTP = 'ktp';
const KK = 'kk';

async function seedServices(sql: Sql): Promise<void> {
  await sql.run(
    "INSERT INTO agencies (id, name, short_name, position) VALUES ('dukcapil', 'Disdukcapil', 'Dukcapil', 0)",
  );
  for (const [position, id] of [KTP, KK].entries())
    await sql.run(
      `INSERT INTO services (id, agency_id, name, prefix, target_wait_minutes,
         default_service_minutes, priority_rule, standard, active, position)
       VALUES (?, 'dukcapil', ?, ?, 30, 10, '{}', '{}', 1, ?)`,
      [id, id.toUpperCase(), id.toUpperCase(), position],
    );
}

let made = 0;
function booking(fields: Partial<NewBooking> = {}): NewBooking {
  made += 1;
  return {
    id: `b${made}`,
    code: `CODE${String(made).padStart(4, '0')}`,
    service_id: KTP,
    date: '2027-01-15',
    session_id: 'pagi',
    session_start: T0,
    session_end: T0 + HOUR,
    nik_hash: `hash-${made}`,
    nik_last4: '0001',
    name: 'Siti Aminah',
    phone: null,
    language: 'id',
    created_at: T0 - 24 * HOUR,
    ...fields,
  };
}

/** A store whose `changed` notes what it saw, through the transaction it was given. */
async function openStore(engine: (typeof engines)[number]) {
  const opened = await engine.open();
  await seedServices(opened.sql);
  const changed: string[] = [];
  const store = createBookingStore(opened.sql, async (tx: SqlRunner, id: string) => {
    const row = await tx.get<{ status: string }>('SELECT status FROM bookings WHERE id = ?', [id]);
    changed.push(`${id} ${row?.status}`);
  });
  const insert = (row: NewBooking) => store.transaction((tx) => store.insert(tx, row));
  return { ...opened, store, changed, insert };
}

describe.each(engines)('the booking store on $name', (engine) => {
  it('when a booking is made, then it is found by code with its fields, and its change is told inside the transaction', async () => {
    const { store, changed, insert } = await openStore(engine);
    const row = booking({ phone: '081234567890', language: 'en' });
    await insert(row);
    expect(await store.byCode(row.code)).toEqual({
      ...row,
      status: 'booked',
      ticket_id: null,
      cancel_reason: null,
      cancelled_at: null,
      checked_in_at: null,
      purged_at: null,
    });
    expect(await store.byCode('NOSUCH')).toBeUndefined();
    expect(changed).toEqual([`${row.id} booked`]);
  });

  it('when what follows a booking fails, then the booking is not kept either', async () => {
    const { sql, store } = await engine.open().then(async (opened) => {
      await seedServices(opened.sql);
      return {
        sql: opened.sql,
        store: createBookingStore(opened.sql, () => Promise.reject(new Error('outbox full'))),
      };
    });
    const row = booking();
    await expect(store.transaction((tx) => store.insert(tx, row))).rejects.toThrow('outbox full');
    expect(await sql.all('SELECT id FROM bookings')).toEqual([]);
  });

  it('when places are counted, then booked and checked-in ones count per session and date, cancelled and no-shows do not', async () => {
    const { store, insert } = await openStore(engine);
    const rows = [
      booking(),
      booking(),
      booking({ session_id: 'siang' }),
      booking({ date: '2027-01-16' }),
      booking({ service_id: KK }),
      booking(),
      booking(),
      booking(),
    ];
    for (const row of rows) await insert(row);
    await store.transaction(async (tx) => {
      await store.checkIn(tx, rows[1]!.id, 't1', T0);
      await store.cancel(tx, rows[5]!.id, 'citizen', T0);
      await store.noShow(tx, rows[6]!.id);
    });
    const taken = await store.placesTaken(KTP, '2027-01-15', '2027-01-16');
    expect(taken('2027-01-15', 'pagi')).toBe(3); // booked, checked in, the last one booked
    expect(taken('2027-01-15', 'siang')).toBe(1);
    expect(taken('2027-01-16', 'pagi')).toBe(1);
    expect(taken('2027-01-17', 'pagi')).toBe(0);
    const oneDay = await store.placesTaken(KTP, '2027-01-16', '2027-01-16');
    expect(oneDay('2027-01-15', 'pagi')).toBe(0);
  });

  it('when a NIK has bookings, then its active ones are found and no other NIK’s', async () => {
    const { store, insert } = await openStore(engine);
    const mine = [booking({ nik_hash: 'n1' }), booking({ nik_hash: 'n1', service_id: KK })];
    const gone = booking({ nik_hash: 'n1', date: '2027-01-16' });
    for (const row of [...mine, gone, booking({ nik_hash: 'n2' })]) await insert(row);
    await store.transaction((tx) => store.cancel(tx, gone.id, 'citizen', T0));
    expect((await store.activeOfNik('n1')).map((r) => r.id).sort()).toEqual(
      mine.map((r) => r.id).sort(),
    );
  });

  it('when a booking is cancelled twice, then only the first cancels and tells its change', async () => {
    const { store, changed, insert } = await openStore(engine);
    const row = booking();
    await insert(row);
    changed.length = 0;
    expect(await store.transaction((tx) => store.cancel(tx, row.id, 'holiday: Nyepi', T0))).toBe(
      true,
    );
    expect(await store.transaction((tx) => store.cancel(tx, row.id, 'citizen', T0 + 1))).toBe(
      false,
    );
    expect(changed).toEqual([`${row.id} cancelled`]);
    expect(await store.byCode(row.code)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'holiday: Nyepi',
      cancelled_at: T0,
    });
    expect(await store.booked()).toEqual([]);
  });

  it('when a booking is checked in, moved or left, then its row says so; a no-show never overwrites a check-in', async () => {
    const { store, insert } = await openStore(engine);
    const [a, b, c] = [booking(), booking(), booking()];
    for (const row of [a, b, c]) await insert(row!);
    await store.transaction(async (tx) => {
      await store.checkIn(tx, a!.id, 'ticket-a', T0 + 5);
      await store.noShow(tx, a!.id);
      await store.noShow(tx, b!.id);
      await store.move(tx, c!.id, {
        date: '2027-01-20',
        sessionId: 'siang',
        start: T0 + 9 * HOUR,
        end: T0 + 10 * HOUR,
      });
    });
    expect(await store.byCode(a!.code)).toMatchObject({
      status: 'checked_in',
      ticket_id: 'ticket-a',
      checked_in_at: T0 + 5,
    });
    expect((await store.byCode(b!.code))?.status).toBe('no_show');
    expect(await store.byCode(c!.code)).toMatchObject({
      status: 'booked',
      date: '2027-01-20',
      session_id: 'siang',
      session_start: T0 + 9 * HOUR,
      session_end: T0 + 10 * HOUR,
    });
    expect((await store.booked()).map((r) => r.id)).toEqual([c!.id]);
  });

  it('when the retention has passed, then name, phone and NIK hash are emptied once, of finished bookings only', async () => {
    const { store, insert } = await openStore(engine);
    const done = booking({ phone: '0812' });
    const open = booking({ phone: '0813' });
    const recent = booking({ session_end: T0 + 10 * HOUR });
    for (const row of [done, open, recent]) await insert(row);
    await store.transaction(async (tx) => {
      await store.checkIn(tx, done.id, 't', T0);
      await store.noShow(tx, recent.id);
    });
    const before = T0 + 2 * HOUR;
    expect(await store.transaction((tx) => store.purge(tx, before, T0 + 3 * HOUR))).toBe(1);
    expect(await store.transaction((tx) => store.purge(tx, before, T0 + 4 * HOUR))).toBe(0);
    expect(await store.byCode(done.code)).toMatchObject({
      name: null,
      phone: null,
      nik_hash: null,
      nik_last4: '0001',
      purged_at: T0 + 3 * HOUR,
    });
    expect(await store.byCode(open.code)).toMatchObject({ name: 'Siti Aminah', phone: '0813' });
    expect((await store.byCode(recent.code))?.name).toBe('Siti Aminah');
  });

  it('when the list is asked by service, date, code or a piece of a name in any case, then it comes in session order', async () => {
    const { store, insert } = await openStore(engine);
    const late = booking({ name: 'Budi Santoso', session_start: T0 + HOUR });
    const early = booking({ name: 'BUDIMAN', created_at: T0 - 3 * HOUR });
    const same = booking({ name: 'Ani budiarti', created_at: T0 - 2 * HOUR });
    const other = booking({ name: 'Budi Lain', service_id: KK, created_at: T0 - HOUR });
    const percent = booking({ name: '100% Budi', date: '2027-01-16' });
    for (const row of [late, early, same, other, percent]) await insert(row);
    const ids = async (filter: Parameters<typeof store.list>[0]) =>
      (await store.list(filter)).map((r) => r.id);
    expect(await ids({ serviceIds: [KTP], date: '2027-01-15' })).toEqual([
      early.id,
      same.id,
      late.id,
    ]);
    expect(await ids({ q: 'budi' })).toEqual([early.id, same.id, other.id, late.id, percent.id]);
    expect(await ids({ q: '%' })).toEqual([percent.id]);
    expect(await ids({ q: late.code.toLowerCase() })).toEqual([late.id]);
    expect(await ids({ serviceIds: [] })).toEqual([]);
  });

  it('when NIKs are hashed, then the same NIK gives the same hash under the site’s one secret, another building another', async () => {
    const { sql, store } = await openStore(engine);
    const hash = await store.nikHash('3171010101900001');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await createBookingStore(sql).nikHash('3171010101900001')).toBe(hash);
    expect(await store.nikHash('3171010101900002')).not.toBe(hash);
    const elsewhere = createBookingStore((await engine.open()).sql);
    expect(await elsewhere.nikHash('3171010101900001')).not.toBe(hash);
    expect(await sql.all('SELECT name FROM site_secrets')).toEqual([{ name: 'booking-nik-hmac' }]);
  });

  it('when two bookings for the last place are decided at once, then one gets it', async () => {
    const { sql, store } = await openStore(engine);
    const decide = (row: NewBooking) =>
      store.transaction(async (tx) => {
        await store.lockDecisions(tx);
        const taken = await store.placesTaken(KTP, row.date, row.date, tx);
        // Both would count before the other inserts, were they not held apart.
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (taken(row.date, row.session_id) >= 1) return false;
        await store.insert(tx, row);
        return true;
      });
    const outcomes = await Promise.all([decide(booking()), decide(booking())]);
    expect(outcomes.sort()).toEqual([false, true]);
    expect(await sql.get('SELECT COUNT(*) AS n FROM bookings')).toEqual({ n: 1 });
  });

  if (engine.name === 'PostgreSQL')
    it('when another process has taken the building over, then no booking is written', async () => {
      const { sql, store, insert, takeOver } = await openStore(engine);
      const kept = booking();
      await insert(kept);
      await takeOver!();
      await expect(insert(booking())).rejects.toBeInstanceOf(FencedError);
      await expect(
        store.transaction((tx) => store.cancel(tx, kept.id, 'citizen', T0)),
      ).rejects.toBeInstanceOf(FencedError);
      expect(await sql.all('SELECT id, status FROM bookings')).toEqual([
        { id: kept.id, status: 'booked' },
      ]);
    });
});
