import type { BookingSettings, Building } from '@antre/domain';
import { epochOf } from '@antre/domain';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { readDemoBuilding } from '../building/first-start';
import { createNotifications } from '../notifications/notifications';
import type { PrintService } from '../printing/print-service';
import { openQueueEngine } from '../queue/queue-engine';
import { createPgQueueStorage } from '../queue/queue-storage-pg';
import { useSqlEngines } from '../testing/sql-engines';
import { MONDAY_MORNING } from '../testing/test-hub';
import { createBookingCheckIn } from './booking-check-in';
import { createBookingStore } from './booking-store';

// A check-in is a queue command whose batch also marks the booking checked in, and (through
// the notifications' save listener) lets the booking's phone follow its ticket. On PostgreSQL
// all of it is one transaction of the queue's own storage: kept together, or fenced together.

const [, postgres] = useSqlEngines();

const SERVICE = 'disdukcapil-akta-kelahiran';
const TODAY = '2026-11-23';
const SETTINGS: BookingSettings = {
  sessions: [{ id: 'pagi', start: '09:00', end: '10:00', places: 10 }],
  daysAhead: 14,
  cutoff: { kind: 'before_session', minutes: 0 },
  onlineOnly: [],
  checkInEarlyMinutes: 30,
  checkInLateMinutes: 15,
  lateArrival: 'refuse',
  ticketMark: 'B',
  closedDates: [],
};
const ADMIN: Principal = { kind: 'user', id: 'u1', role: 'admin', agencyId: null, name: 'Admin' };

describe('a booking checked in on PostgreSQL', () => {
  it('when a booking checks in, then its row, its ticket and its phone’s subscription are saved together; a batch that fails or is fenced saves none of them', async () => {
    const { sql, pg, takeOver } = await postgres!.open();
    const lease = await pg!.pool.query<{ epoch: number }>(
      'SELECT epoch FROM antre_cluster.leases WHERE building = $1',
      [pg!.building],
    );
    const epoch = Number(lease.rows[0]!.epoch);
    const demo = readDemoBuilding();
    const building: Building = {
      ...demo,
      services: demo.services.map((s) => (s.id === SERVICE ? { ...s, booking: SETTINGS } : s)),
    };
    const engine = await openQueueEngine(
      createPgQueueStorage(pg!, () => epoch),
      building,
      () => MONDAY_MORNING,
    );
    const notifications = await createNotifications({
      sql,
      engine,
      publicUrl: () => 'http://127.0.0.1',
    });
    // Saved after the booking's and the notifications' writes, in the same batch.
    let failNext = false;
    engine.onSave(() => {
      if (!failNext) return;
      failNext = false;
      throw new Error('disk I/O error');
    });
    const store = createBookingStore(sql);
    const checkIn = createBookingCheckIn({ engine, store, printing: {} as PrintService });
    const start = epochOf(TODAY, '09:00', building.site.timezone);
    const book = (code: string) =>
      store.transaction((tx) =>
        store.insert(tx, {
          id: `id-${code}`,
          code,
          service_id: SERVICE,
          date: TODAY,
          session_id: 'pagi',
          session_start: start,
          session_end: start + 60 * 60_000,
          nik_hash: 'hash',
          nik_last4: '0001',
          name: 'Siti Aminah',
          phone: '081234567890',
          language: 'id',
          created_at: MONDAY_MORNING - 86_400_000,
        }),
      );
    const saved = async (code: string) => ({
      booking: await sql.get<{ status: string; ticket_id: string | null }>(
        'SELECT status, ticket_id FROM bookings WHERE code = ?',
        [code],
      ),
      tickets: await sql.all<{ id: string; label: string }>(
        "SELECT t.id, t.label FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id WHERE e.data LIKE '%' || ? || '%'",
        [code],
      ),
      subscriptions: await sql.all<{ ticket_id: string; address: string }>(
        'SELECT s.ticket_id, s.address FROM notify_subscriptions s WHERE s.booking_id = ?',
        [`id-${code}`],
      ),
    });

    await book('KEPT0001');
    const ack = await checkIn.byStaff(
      ADMIN,
      { code: 'KEPT0001', commandId: 'c1' },
      { ip: '127.0.0.1', client: null },
    );
    expect(ack.ok).toBe(true);
    const ticketId = ack.ok ? ack.value.tickets[0]!.id : '';
    const kept = await saved('KEPT0001');
    expect(kept.booking).toEqual({ status: 'checked_in', ticket_id: ticketId });
    expect(kept.tickets).toEqual([{ id: ticketId, label: expect.stringMatching(/-B001$/) }]);
    expect(kept.subscriptions).toEqual([{ ticket_id: ticketId, address: '6281234567890' }]);

    await book('FAIL0001');
    failNext = true;
    const failed = await checkIn.byStaff(
      ADMIN,
      { code: 'FAIL0001', commandId: 'c2' },
      { ip: '127.0.0.1', client: null },
    );
    expect(failed.ok).toBe(false);
    expect(await saved('FAIL0001')).toEqual({
      booking: { status: 'booked', ticket_id: null },
      tickets: [],
      subscriptions: [],
    });

    await book('GONE0001');
    await takeOver!();
    const refused = await checkIn.byStaff(
      ADMIN,
      { code: 'GONE0001', commandId: 'c3' },
      { ip: '127.0.0.1', client: null },
    );
    expect(refused.ok).toBe(false);
    expect(await saved('GONE0001')).toEqual({
      booking: { status: 'booked', ticket_id: null },
      tickets: [],
      subscriptions: [],
    });
    await notifications.stop();
  });
});
