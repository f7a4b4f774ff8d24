import type { BuildingIndex } from '@antre/domain';
import { checkInWindow, DEFAULT_BOOKING_POLICY } from '@antre/domain';
import type { BookingView } from '@antre/protocol';
import type { BookingRow } from './booking-store';

/** What the citizen sees of a booking: of the NIK only its last four digits. */
export function toBookingView(
  index: BuildingIndex,
  row: BookingRow,
  ticketCode: string | null,
): BookingView {
  const service = index.services.get(row.service_id);
  const agency = index.building.agencies.find((a) => a.id === service?.agencyId);
  const counters = index.countersByService.get(row.service_id) ?? [];
  const zoneIds = new Set(counters.map((c) => c.zoneId));
  const window = service?.booking
    ? checkInWindow(service.booking, { sessionStart: row.session_start })
    : { opensAt: row.session_start, closesAt: row.session_start };
  return {
    code: row.code,
    status: row.status,
    serviceId: row.service_id,
    serviceName: service?.name ?? row.service_id,
    agencyName: agency?.name ?? '',
    date: row.date,
    sessionId: row.session_id,
    sessionStart: row.session_start,
    sessionEnd: row.session_end,
    checkInOpensAt: window.opensAt,
    checkInClosesAt: window.closesAt,
    counterNumbers: counters.map((c) => c.number).sort((a, b) => a - b),
    zoneNames: index.building.zones.filter((z) => zoneIds.has(z.id)).map((z) => z.name),
    requirements: service?.standard.requirements ?? [],
    name: row.name ?? '',
    nikLast4: row.nik_last4,
    cancelReason: row.cancel_reason,
    ticketCode,
  };
}

export const bookingPolicyOf = (index: BuildingIndex) =>
  index.site.bookingPolicy ?? DEFAULT_BOOKING_POLICY;
