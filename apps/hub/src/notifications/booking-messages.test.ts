import type { Building } from '@antre/domain';
import { bookingSettings } from '@antre/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

// A booking's confirmation and a cancellation by the building enter the outbox in the booking's
// own transaction. The hub's housekeeping tick (which would also find them) is left at its
// 30 s default, so it never runs here: what the outbox holds was written with the booking.

const SERVICE = 'disdukcapil-akta-kelahiran';
const TUESDAY = '2026-11-24';
const SETTINGS = bookingSettings({
  sessions: [{ id: 'siang', start: '10:00', end: '12:00', places: 10 }],
  cutoff: { kind: 'before_session', minutes: 0 },
});

let hub: TestHub;
let admin: string;
let building: Building;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
  building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  await saveBuilding((b) => ({
    ...b,
    services: b.services.map((s) => ({ ...s, booking: s.id === SERVICE ? SETTINGS : null })),
  }));
});
afterAll(async () => hub.close());

async function saveBuilding(change: (b: Building) => Building): Promise<void> {
  building = change(structuredClone(building));
  const saved = await hub.api('/api/building', { method: 'PUT', token: admin, body: building });
  expect(saved.status).toBe(200);
}

const outboxOf = (bookingCode: string) =>
  hub.sql.all<{ key: string; message: string }>(
    `SELECT o.key, o.message FROM notify_outbox o
     JOIN bookings b ON o.recipient = 'booking:' || b.id WHERE b.code = ? ORDER BY o.seq`,
    [bookingCode],
  );

const book = (nik: string, phone: string | null) =>
  hub.api('/api/bookings', {
    body: {
      serviceId: SERVICE,
      date: TUESDAY,
      sessionId: 'siang',
      name: 'Siti Aminah',
      nik,
      ...(phone ? { phone, consent: true } : {}),
      language: 'id',
    },
  });

describe('booking messages are written with the booking', () => {
  it('when a booking with a phone is made and then cancelled by a holiday, then its confirmation and cancellation are in the outbox at once; one without a phone gets none', async () => {
    const withPhone = await book('3171010101900001', '081234567890');
    const withoutPhone = await book('3171010101900002', null);
    expect([withPhone.status, withoutPhone.status]).toEqual([201, 201]);
    const code = withPhone.body.code as string;
    expect((await outboxOf(code)).map((m) => m.message)).toEqual(['booking.confirmed']);
    expect(await outboxOf(withoutPhone.body.code as string)).toEqual([]);

    await saveBuilding((b) => ({
      ...b,
      site: { ...b.site, holidays: [...b.site.holidays, { date: TUESDAY, name: 'Cuti bersama' }] },
    }));
    expect((await outboxOf(code)).map((m) => m.message)).toEqual([
      'booking.confirmed',
      'booking.cancelled',
    ]);
    expect(await outboxOf(withoutPhone.body.code as string)).toEqual([]);
  });
});
