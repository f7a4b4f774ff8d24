import type { Building } from '@antre/domain';
import { DEFAULT_BOOKING_POLICY, dueNoShows, strandedBookings } from '@antre/domain';
import type { SqlRunner } from '../db/sql';
import type { QueueEngine } from '../queue/queue-engine';
import { cancelReasonText } from './booking-refusals';
import type { BookingStore } from './booking-store';
import { toBooking } from './booking-store';

const DAY_MS = 86_400_000;

/**
 * What the hub's tick and a building save do to bookings: no-shows after the check-in window,
 * personal data purged after the retention, and bookings a new building strands cancelled.
 * A cancellation's reason is a code UIs translate (`holiday`, `session_removed`…), with its
 * note when there is one (see cancelReasonText).
 */
export function createBookingHousekeeping(engine: QueueEngine, store: BookingStore) {
  return {
    async tick(now = engine.now()): Promise<{ noShows: number; purged: number }> {
      const services = engine.index.services;
      const due = dueNoShows(
        (await store.booked()).map(toBooking),
        (id) => services.get(id)?.booking ?? null,
        now,
      );
      const policy = engine.index.site.bookingPolicy ?? DEFAULT_BOOKING_POLICY;
      const purged = await store.transaction(async (tx) => {
        for (const booking of due) await store.noShow(tx, booking.id);
        return store.purge(tx, now - policy.retentionDays * DAY_MS, now);
      });
      return { noShows: due.length, purged };
    },

    /** Writes through `tx`, the building's save transaction, so both are kept or neither. */
    async strand(tx: SqlRunner, next: Building, at: number): Promise<number> {
      const upcoming = (await store.booked(tx)).filter((b) => b.session_end > at).map(toBooking);
      const reasons: { id: string; reason: string }[] = [];
      const known = new Set(next.services.map((s) => s.id));
      for (const b of upcoming.filter((b) => !known.has(b.serviceId)))
        reasons.push({ id: b.id, reason: cancelReasonText('booking_off') });
      for (const service of next.services) {
        for (const { booking, reason, detail } of strandedBookings(next.site, service, upcoming))
          reasons.push({ id: booking.id, reason: cancelReasonText(reason, detail) });
      }
      let cancelled = 0;
      for (const { id, reason } of reasons)
        cancelled += (await store.cancel(tx, id, reason, at)) ? 1 : 0;
      return cancelled;
    },
  };
}
