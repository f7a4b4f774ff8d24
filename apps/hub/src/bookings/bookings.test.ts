import type { Building, BookingSettings } from '@antre/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFrom } from '../testing/from-address';
import type { TestHub } from '../testing/test-hub';
import { MONDAY_MORNING, startTestHub, until } from '../testing/test-hub';

// Antrean online through the real hub: REST on port 0, SQLite, sockets for the counter. The
// test clock starts Monday 23 November 2026, 09:00 WIB; the service under test is Akta
// Kelahiran, given booking settings here (the demo gives it none).

const SERVICE = 'disdukcapil-akta-kelahiran';
const TODAY = '2026-11-23';
const TUESDAY = '2026-11-24';
const WEDNESDAY = '2026-11-25';
const THURSDAY = '2026-11-26';
const MINUTE = 60_000;
const SETTINGS: BookingSettings = {
  sessions: [
    { id: 'pagi', start: '09:00', end: '10:00', places: 10 },
    { id: 'siang', start: '10:00', end: '12:00', places: 10 },
    { id: 'sore', start: '13:00', end: '15:00', places: 1 },
  ],
  daysAhead: 14,
  cutoff: { kind: 'before_session', minutes: 0 },
  onlineOnly: [],
  checkInEarlyMinutes: 30,
  checkInLateMinutes: 15,
  lateArrival: 'refuse',
  ticketMark: 'B',
  closedDates: [],
};

/** A plausible NIK (DKI Jakarta, born 1 January 1990) with serial n. */
const nikOf = (n: number): string => `3171010101900${String(n).padStart(3, '0')}`;

let hub: TestHub;
let admin: string;
let building: Building;
let lastAddress = 1;
// Each request from its own loopback address, so the per-address limit is met only on purpose.
const fresh = () => `127.0.0.${++lastAddress}`;

const book = (body: Record<string, unknown>, from = fresh()) =>
  apiFrom(from, `${hub.url}/api/bookings`, {
    body: { serviceId: SERVICE, date: TUESDAY, sessionId: 'siang', name: 'Siti Aminah', ...body },
  });
const errorOf = (r: { body: Record<string, unknown> }) =>
  (r.body as { error?: { code: string } }).error?.code;
const show = (code: string, nik: string) =>
  hub.api(`/api/bookings/${code}`, { headers: { 'x-antre-nik': nik } });

async function saveBuilding(change: (b: Building) => Building): Promise<void> {
  building = change(structuredClone(building));
  const saved = await hub.api('/api/building', { method: 'PUT', token: admin, body: building });
  expect(saved.status).toBe(200);
}

beforeAll(async () => {
  hub = await startTestHub(undefined, { tickMs: 50 });
  admin = await hub.login('admin');
  building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  await saveBuilding((b) => ({
    ...b,
    site: { ...b.site, bookingPolicy: { maxActivePerNik: 2, retentionDays: 30 } },
    // Only the service under test takes bookings: the demo's own bookings are cancelled
    // (booking turned off), so the day's figures below are this file's alone.
    services: b.services.map((s) => ({ ...s, booking: s.id === SERVICE ? SETTINGS : null })),
  }));
});
afterAll(async () => hub.close());

describe('a citizen books, finds, moves and cancels', () => {
  it('when a booking is made, then it is found by code and NIK only, moved and cancelled', async () => {
    const made = await book({ nik: nikOf(1) });
    expect(made.status).toBe(201);
    const code = made.body.code as string;
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(made.body).toMatchObject({ status: 'booked', nikLast4: '0001', sessionId: 'siang' });

    expect((await show(code, nikOf(1))).body).toMatchObject({ code, name: 'Siti Aminah' });
    expect((await hub.api(`/api/bookings/${code}?nik=${nikOf(1)}`)).status).toBe(200);
    const wrong = await show(code, nikOf(2));
    expect([wrong.status, errorOf(wrong)]).toEqual([404, 'booking_not_found']);
    const ics = await fetch(`${hub.url}/api/bookings/${code}/calendar.ics`, {
      headers: { 'x-antre-nik': nikOf(1) },
    });
    expect(await ics.text()).toContain('BEGIN:VEVENT');

    const moved = await apiFrom(fresh(), `${hub.url}/api/bookings/${code}/move`, {
      body: { nik: nikOf(1), date: WEDNESDAY, sessionId: 'pagi' },
    });
    expect(moved.body).toMatchObject({ date: WEDNESDAY, sessionId: 'pagi', status: 'booked' });

    const cancel = () =>
      hub.api(`/api/bookings/${code}`, { method: 'DELETE', body: { nik: nikOf(1) } });
    expect((await cancel()).body).toMatchObject({ status: 'cancelled', cancelReason: 'citizen' });
    const again = await cancel();
    expect([again.status, errorOf(again)]).toEqual([409, 'booking_cancelled']);
  });

  it.each([
    ['the NIK is implausible', { nik: '1234567890123456' }, 400, 'invalid_nik'],
    ['the session does not exist', { nik: nikOf(3), sessionId: 'malam' }, 409, 'unknown_session'],
    ['the day is a Sunday', { nik: nikOf(3), date: '2026-11-29' }, 409, 'date_not_bookable'],
    ['the day is beyond the window', { nik: nikOf(3), date: '2026-12-09' }, 409, 'window_closed'],
    [
      'the session has started',
      { nik: nikOf(3), date: TODAY, sessionId: 'pagi' },
      409,
      'window_closed',
    ],
    [
      'the service takes no bookings',
      { nik: nikOf(3), serviceId: 'disdukcapil-kia' },
      409,
      'booking_not_offered',
    ],
  ])('when %s, then the booking is refused with %s', async (_case, body, status, code) => {
    const refused = await book(body);
    expect([refused.status, errorOf(refused)]).toEqual([status, code]);
  });

  it('when a NIK books twice a day, more than its limit, or a full session, then each is refused', async () => {
    expect((await book({ nik: nikOf(4) })).status).toBe(201);
    expect(errorOf(await book({ nik: nikOf(4), sessionId: 'pagi' }))).toBe('duplicate_booking');
    expect((await book({ nik: nikOf(4), date: WEDNESDAY })).status).toBe(201);
    expect(errorOf(await book({ nik: nikOf(4), date: THURSDAY }))).toBe('too_many_bookings');
    expect((await book({ nik: nikOf(5), sessionId: 'sore' })).status).toBe(201);
    expect(errorOf(await book({ nik: nikOf(6), sessionId: 'sore' }))).toBe('full');
  });

  it('when one address or one NIK asks too often, then it is refused with rate_limited', async () => {
    const from = fresh();
    const answers = [];
    for (let i = 0; i < 21; i++)
      answers.push(await book({ nik: nikOf(30 + i), sessionId: 'x' }, from));
    expect(answers.slice(0, 20).map((a) => a.status)).not.toContain(429);
    expect([answers[20]?.status, errorOf(answers[20]!)]).toEqual([429, 'rate_limited']);
    // Ten more for the same NIK from other addresses: the NIK's budget (10 an hour) is spent.
    const nik = nikOf(8);
    for (let i = 0; i < 10; i++) await book({ nik, sessionId: 'x' });
    const last = await book({ nik, sessionId: 'x' });
    expect([last.status, errorOf(last)]).toEqual([429, 'rate_limited']);
  });
});

describe('the last places under a race', () => {
  it('when 500 people book the last 10 places at once, then exactly 10 get one', async () => {
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        book({ nik: nikOf(100 + i), date: THURSDAY, sessionId: 'pagi' }, `127.0.1.${1 + (i % 50)}`),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(490);
    expect(new Set(answers.filter((a) => a.status === 409).map(errorOf))).toEqual(
      new Set(['full']),
    );
  }, 60_000);

  it('when the database and audit log are read, then no NIK is in them in clear', async () => {
    const niks = [1, 4, 5, 100, 350, 599].map(nikOf);
    // Every row of every table, on either engine.
    const tables = await hub.sql.all<{ name: string }>(
      hub.sql.dialect === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'table'"
        : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()',
    );
    expect(tables.map((t) => t.name)).toContain('bookings');
    const rows = await Promise.all(
      tables.map((t) => hub.sql.all<Record<string, unknown>>(`SELECT * FROM ${t.name}`)),
    );
    // Binary columns read as their bytes, not as a list of numbers.
    const saved = JSON.stringify(
      rows
        .flat()
        .map((row) =>
          Object.values(row).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v)),
        ),
    );
    for (const nik of niks) expect(saved).not.toContain(nik);
    if (!hub.onPostgres) {
      // SQLite's file also keeps what was overwritten, until its pages are reused.
      await hub.backupNow(); // checkpoint-free read: the file and its WAL are both searched
      const bytes = ['antre.db', 'antre.db-wal']
        .map((f) => {
          try {
            return readFileSync(join(hub.dataDir, f)).toString('latin1');
          } catch {
            return '';
          }
        })
        .join('');
      for (const nik of niks) expect(bytes).not.toContain(nik);
    }
    const audit = JSON.stringify(await hub.sql.all('SELECT * FROM audit_log'));
    expect(audit).not.toContain(nikOf(1).slice(0, 12));
  });
});

describe('check-in, no-show, closure and retention', () => {
  it('when a 09:00 booking checks in at 08:40, then it is called after an 08:50 walk-in and before a 09:05 one', async () => {
    hub.setNow(MONDAY_MORNING - 30 * MINUTE);
    const code = (await book({ nik: nikOf(20), date: TODAY, sessionId: 'pagi' })).body
      .code as string;
    const officer = await hub.login('petugas.disdukcapil');
    hub.setNow(MONDAY_MORNING - 20 * MINUTE);
    const checkedIn = await hub.api(`/api/bookings/${code}/check-in`, {
      token: officer,
      body: { commandId: 'check-in-0001' },
    });
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body).toMatchObject({ booking: { status: 'checked_in' } });
    const label = (checkedIn.body.ticket as { label: string }).label;
    expect(label).toMatch(/^C-B\d{3}$/);
    const retried = await hub.api(`/api/bookings/${code}/check-in`, {
      token: officer,
      body: { commandId: 'check-in-0001' },
    });
    expect((retried.body.ticket as { label: string }).label).toBe(label);
    const twice = await hub.api(`/api/bookings/${code}/check-in`, {
      token: officer,
      body: { commandId: 'check-in-0002' },
    });
    expect([twice.status, errorOf(twice)]).toEqual([409, 'already_checked_in']);

    const walkIn = async (at: number) => {
      hub.setNow(at);
      const issued = await hub.api('/api/tickets', {
        token: officer,
        body: { serviceId: SERVICE, priority: null },
      });
      return issued.body.label as string;
    };
    const early = await walkIn(MONDAY_MORNING - 10 * MINUTE);
    const late = await walkIn(MONDAY_MORNING + 5 * MINUTE);
    hub.setNow(MONDAY_MORNING + 10 * MINUTE);
    const counter = await hub.client(officer);
    expect((await counter.command('counter:open', { counterId: 'loket-3' })).ok).toBe(true);
    const called: string[] = [];
    for (let i = 0; i < 3; i++) {
      const call = await counter.command('counter:call-next', { counterId: 'loket-3' });
      called.push(call.ok ? (call.value.tickets[0]?.label ?? '') : call.error.code);
      await counter.command('counter:finish', { counterId: 'loket-3' });
    }
    expect(called).toEqual([early, label, late]);
  });

  it('when a kiosk checks in too early, or a kiosk prints itself, then it is refused or printing', async () => {
    hub.setNow(MONDAY_MORNING + 10 * MINUTE);
    const code = (await book({ nik: nikOf(21), date: TODAY, sessionId: 'siang' })).body
      .code as string;
    const kiosk = await hub.device('kiosk');
    const early = await hub.api(`/api/bookings/${code}/check-in`, {
      token: kiosk,
      body: { commandId: 'kiosk-early-01', printBy: 'self' },
    });
    expect([early.status, errorOf(early)]).toEqual([409, 'too_early']);
    hub.setNow(MONDAY_MORNING + 40 * MINUTE);
    const printing = await hub.api(`/api/bookings/${code}/check-in`, {
      token: kiosk,
      body: { commandId: 'kiosk-ontime-01', printBy: 'self' },
    });
    expect(printing.status).toBe(201);
    expect(printing.body).toMatchObject({
      ticket: { status: 'printing' },
      print: { outcome: 'print_yourself' },
    });

    // A kiosk the hub prints for (a virtual printer): printed, and the ticket queues at once.
    const other = (await book({ nik: nikOf(24), date: TODAY, sessionId: 'siang' }, fresh())).body
      .code as string;
    const made = await hub.api('/api/devices', {
      token: admin,
      body: {
        name: 'Kiosk booking printer',
        role: 'kiosk',
        settings: { printer: { kind: 'virtual' } },
      },
    });
    const printed = await hub.api(`/api/bookings/${other}/check-in`, {
      token: made.body.token as string,
      body: { commandId: 'kiosk-hub-print-1', printBy: 'hub' },
    });
    expect(printed.body).toMatchObject({
      ticket: { status: 'waiting' },
      print: { outcome: 'printed' },
      booking: { status: 'checked_in' },
    });
  });

  it('when the check-in window passes, then the booking becomes a no-show, and a late kiosk is refused', async () => {
    hub.setNow(MONDAY_MORNING + 50 * MINUTE);
    const code = (await book({ nik: nikOf(22), date: TODAY, sessionId: 'siang' })).body
      .code as string;
    // The window of the 10:00 session closes at 10:15; the hub's tick marks it.
    hub.setNow(MONDAY_MORNING + 76 * MINUTE);
    let status = '';
    for (let i = 0; i < 100 && status !== 'no_show'; i++) {
      status = (await show(code, nikOf(22))).body.status as string;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe('no_show');
    const late = await hub.api(`/api/bookings/${code}/check-in`, {
      token: await hub.login('petugas.disdukcapil'),
      body: { commandId: 'late-check-in-1' },
    });
    expect(errorOf(late)).toBe('too_late');
  });

  it('when the admin reads the report and the booking list, then online is split out and no NIK is shown', async () => {
    const report = await hub.api(`/api/reports/summary?from=${TODAY}&to=${TODAY}`, {
      token: admin,
    });
    const channels = report.body.channels as { channel: string; issued: number }[];
    expect(channels.find((c) => c.channel === 'online')?.issued).toBe(3);
    expect(channels.find((c) => c.channel === 'staff')?.issued).toBe(2);
    expect(report.body.online).toMatchObject({ checkedIn: 3, noShow: 1, noShowRate: 0.25 });
    const channelFile = await fetch(
      `${hub.url}/api/reports/export?from=${TODAY}&to=${TODAY}&table=channels&format=csv`,
      { headers: { authorization: `Bearer ${admin}` } },
    );
    const channelCsv = await channelFile.text();
    expect(channelCsv).toContain('Antrean online,3,');
    expect(channelCsv).toContain('Booking online tidak hadir (%),25,');

    const list = await hub.api(`/api/admin/bookings?date=${TODAY}&serviceId=${SERVICE}`, {
      token: admin,
    });
    const statuses = (list.body.bookings as { status: string }[]).map((b) => b.status).sort();
    expect(statuses).toEqual(['checked_in', 'checked_in', 'no_show', 'served']);
    const csv = await fetch(`${hub.url}/api/admin/bookings?date=${TODAY}&format=csv`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const text = await csv.text();
    expect(text).toContain('Tidak hadir');
    expect(text).not.toContain(nikOf(22));
  });

  it('when the admin adds a holiday on a booked day, then its bookings are cancelled with the reason', async () => {
    const code = (await book({ nik: nikOf(23), date: THURSDAY, sessionId: 'siang' })).body
      .code as string;
    await saveBuilding((b) => ({
      ...b,
      site: { ...b.site, holidays: [...b.site.holidays, { date: THURSDAY, name: 'Cuti bersama' }] },
    }));
    expect((await show(code, nikOf(23))).body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'holiday: Cuti bersama',
    });
  });

  it('when the retention has passed, then name and NIK hash are gone', async () => {
    // 30 days after the last session booked (Thursday 26 November), and a day more.
    hub.setNow(MONDAY_MORNING + 35 * 24 * 60 * MINUTE);
    const left = async () =>
      (await hub.sql.get<{ n: number }>(
        "SELECT count(*) AS n FROM bookings WHERE date <= '2026-11-26' AND (name IS NOT NULL OR nik_hash IS NOT NULL)",
      ))!.n;
    await until(async () => (await left()) === 0, 5_000);
    expect(await left()).toBe(0);
  });
});
