import type { Building } from '@antre/domain';
import { DEFAULT_BOOKING_POLICY, dueNoShows, strandedBookings } from '@antre/domain';
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
    tick(now = engine.now()): { noShows: number; purged: number } {
      const services = engine.index.services;
      const due = dueNoShows(
        store.booked().map(toBooking),
        (id) => services.get(id)?.booking ?? null,
        now,
      );
      const policy = engine.index.site.bookingPolicy ?? DEFAULT_BOOKING_POLICY;
      const purged = store.transaction(() => {
        for (const booking of due) store.noShow(booking.id);
        return store.purge(now - policy.retentionDays * DAY_MS, now);
      });
      return { noShows: due.length, purged };
    },

    /** Called inside the building's save transaction, so both are kept or neither. */
    strand(next: Building, at: number): number {
      const upcoming = store
        .booked()
        .filter((b) => b.session_end > at)
        .map(toBooking);
      let cancelled = 0;
      const known = new Set(next.services.map((s) => s.id));
      for (const b of upcoming.filter((b) => !known.has(b.serviceId)))
        cancelled += store.cancel(b.id, cancelReasonText('booking_off'), at) ? 1 : 0;
      for (const service of next.services) {
        for (const { booking, reason, detail } of strandedBookings(next.site, service, upcoming))
          cancelled += store.cancel(booking.id, cancelReasonText(reason, detail), at) ? 1 : 0;
      }
      return cancelled;
    },
  };
}
