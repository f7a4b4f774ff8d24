import type { Building } from '@antre/domain';
import { bookingSettings } from '@antre/domain/testing';
import type { RefusalDetail } from '@antre/protocol';
import { ErrorBodySchema } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFrom } from '../testing/from-address';
import type { TestHub } from '../testing/test-hub';
import { MONDAY_MORNING, startTestHub } from '../testing/test-hub';

// A refused check-in says what it is about as data (`error.detail`), so kiosks and counters
// word it without reading the English message. Real hub on port 0; the clock starts Monday
// 23 November 2026, 08:00 WIB.

const SERVICE = 'disdukcapil-akta-kelahiran';
const TODAY = '2026-11-23';
const TUESDAY = '2026-11-24';
const THURSDAY = '2026-11-26';
const MINUTE = 60_000;
const EIGHT = MONDAY_MORNING - 60 * MINUTE;
const SETTINGS = bookingSettings({
  sessions: [
    { id: 'pagi', start: '09:00', end: '10:00', places: 10 },
    { id: 'siang', start: '10:00', end: '12:00', places: 10 },
  ],
  cutoff: { kind: 'before_session', minutes: 0 },
});

let hub: TestHub;
let admin: string;
let officer: string;
let kiosk: string;
let lastAddress = 1;
const codes: Record<string, string> = {};

const nikOf = (n: number): string => `3171010101900${String(n).padStart(3, '0')}`;

async function book(n: number, date: string, sessionId: string): Promise<string> {
  const made = await apiFrom(`127.0.0.${++lastAddress}`, `${hub.url}/api/bookings`, {
    body: { serviceId: SERVICE, date, sessionId, nik: nikOf(n), name: 'Siti Aminah' },
  });
  expect(made.status).toBe(201);
  return made.body.code as string;
}

async function saveBuilding(change: (b: Building) => Building): Promise<void> {
  const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  const saved = await hub.api('/api/building', {
    method: 'PUT',
    token: admin,
    body: change(building),
  });
  expect(saved.status).toBe(200);
}

const checkIn = (code: string, token: string, commandId: string) =>
  hub.api(`/api/bookings/${code}/check-in`, {
    token,
    body: token === kiosk ? { commandId, printBy: 'self' } : { commandId },
  });

beforeAll(async () => {
  hub = await startTestHub();
  hub.setNow(EIGHT);
  admin = await hub.login('admin');
  officer = await hub.login('petugas.disdukcapil');
  kiosk = await hub.device('kiosk');
  await saveBuilding((b) => ({
    ...b,
    services: b.services.map((s) => ({ ...s, booking: s.id === SERVICE ? SETTINGS : null })),
  }));
  codes.siang = await book(1, TODAY, 'siang');
  codes.pagi = await book(2, TODAY, 'pagi');
  codes.tuesday = await book(3, TUESDAY, 'siang');
  codes.byCitizen = await book(4, TODAY, 'siang');
  codes.holiday = await book(5, THURSDAY, 'siang');
  codes.done = await book(6, TODAY, 'siang');

  const cancelled = await hub.api(`/api/bookings/${codes.byCitizen}`, {
    method: 'DELETE',
    body: { nik: nikOf(4) },
  });
  expect(cancelled.status).toBe(200);
  await saveBuilding((b) => ({
    ...b,
    site: { ...b.site, holidays: [...b.site.holidays, { date: THURSDAY, name: 'Cuti bersama' }] },
  }));
  hub.setNow(EIGHT + 100 * MINUTE);
  expect((await checkIn(codes.done!, officer, 'done-first-01')).status).toBe(201);
});
afterAll(async () => hub.close());

describe('a refused check-in carries its detail', () => {
  it.each<[string, string, number, string, RefusalDetail | undefined, string]>([
    ['it is before the window', 'siang', EIGHT, 'too_early', { time: '09:30' }, '(09:30)'],
    [
      'the window has closed',
      'pagi',
      EIGHT + 80 * MINUTE,
      'too_late',
      { time: '09:15' },
      '(09:15)',
    ],
    [
      'the booking is for Tuesday',
      'tuesday',
      EIGHT,
      'not_today',
      { date: TUESDAY },
      `(${TUESDAY})`,
    ],
    [
      'the citizen cancelled it',
      'byCitizen',
      EIGHT,
      'booking_cancelled',
      { reason: 'citizen' },
      '(citizen)',
    ],
    [
      'a holiday cancelled it',
      'holiday',
      EIGHT,
      'booking_cancelled',
      { reason: 'holiday', note: 'Cuti bersama' },
      '(holiday: Cuti bersama)',
    ],
    ['it is already checked in', 'done', EIGHT + 100 * MINUTE, 'already_checked_in', undefined, ''],
  ])(
    'when %s, then staff and kiosk get %s with its detail',
    async (_case, booking, at, code, detail, messageEnd) => {
      hub.setNow(at);
      for (const [token, who] of [
        [officer, 'staff'],
        [kiosk, 'kiosk'],
      ] as const) {
        const refused = await checkIn(codes[booking]!, token, `${who}-${booking}-01`);
        expect(refused.status).toBe(409);
        const body = ErrorBodySchema.parse(refused.body);
        expect(body.error.code).toBe(code);
        expect(body.error.detail).toEqual(detail);
        // The English message stays as it was, for API users.
        expect(body.error.message).toBe(
          `Check-in refused: ${code}${messageEnd && ` ${messageEnd}`}`,
        );
      }
    },
  );

  it('when a refused check-in is retried with the same command id, then the detail comes back too', async () => {
    hub.setNow(EIGHT);
    const first = await checkIn(codes.siang!, officer, 'retry-siang-01');
    const again = await checkIn(codes.siang!, officer, 'retry-siang-01');
    expect(again.body).toEqual(first.body);
    expect(again.body.error).toMatchObject({ code: 'too_early', detail: { time: '09:30' } });
  });

  it('when the OpenAPI document is read, then the error body declares the detail', async () => {
    const doc = (await hub.api('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const error = doc.paths['/api/bookings/{code}/check-in']?.post?.responses.default;
    expect(JSON.stringify(error)).toContain('"detail"');
    expect(JSON.stringify(error)).toContain('"reason"');
  });
});
