import type { Sql } from '../db/sql';
import type { RouteSpec } from '../http/routes';
import type { PrintService } from '../printing/print-service';
import type { QueueEngine } from '../queue/queue-engine';
import { createBookingCheckIn } from './booking-check-in';
import { bookingDeskRoutes } from './booking-desk-routes';
import { createBookingHousekeeping } from './booking-housekeeping';
import { bookingRoutes } from './booking-routes';
import type { VerifyCitizen } from './booking-service';
import { ACCEPT_EVERY_CITIZEN, createBookingService } from './booking-service';
import type { BookingChanged } from './booking-store';
import { createBookingStore } from './booking-store';

/** Antrean online in the hub: its routes, its tick, and what a building save does to it. */
export function createBookings(deps: {
  sql: Sql;
  engine: QueueEngine;
  printing: PrintService;
  verifyCitizen?: VerifyCitizen | undefined;
  /** In the transaction of a booking made or cancelled (its messages go to the outbox). */
  onChanged?: BookingChanged;
}) {
  const store = createBookingStore(deps.sql, deps.onChanged);
  const bookings = createBookingService({
    engine: deps.engine,
    store,
    verifyCitizen: deps.verifyCitizen ?? ACCEPT_EVERY_CITIZEN,
  });
  const checkIn = createBookingCheckIn({ engine: deps.engine, store, printing: deps.printing });
  const housekeeping = createBookingHousekeeping(deps.engine, store);
  const routes: RouteSpec[] = [
    ...bookingRoutes(bookings),
    ...bookingDeskRoutes({ engine: deps.engine, bookings, store, checkIn }),
  ];
  return { store, routes, tick: housekeeping.tick, strand: housekeeping.strand };
}
