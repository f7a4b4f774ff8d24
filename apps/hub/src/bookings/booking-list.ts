import type { TimezoneCode } from '@antre/domain';
import type { BookingListItem } from '@antre/protocol';
import type { Principal } from '../auth/principal';
import type { QueueEngine } from '../queue/queue-engine';
import { localStamp } from '../reports/report-export';
import type { BookingStore } from './booking-store';

/** Supervisors see their agency's services; the admin all. */
export async function bookingListOf(
  engine: QueueEngine,
  store: BookingStore,
  principal: Principal,
  filter: { serviceId?: string | undefined; date?: string | undefined; q?: string | undefined },
): Promise<BookingListItem[]> {
  const services = [...engine.index.services.values()];
  const agencyId =
    principal.kind === 'user' && principal.role !== 'admin' ? principal.agencyId : null;
  const visible = services
    .filter((s) => agencyId === null || s.agencyId === agencyId)
    .filter((s) => !filter.serviceId || s.id === filter.serviceId)
    .map((s) => s.id);
  const rows = await store.list({ serviceIds: visible, date: filter.date, q: filter.q });
  const tickets = engine.queue.tickets;
  return rows.map((row) => {
    const ticket = row.ticket_id ? tickets.get(row.ticket_id) : undefined;
    const served = ticket?.status === 'done' || ticket?.status === 'serving';
    return {
      code: row.code,
      serviceId: row.service_id,
      serviceName: engine.index.services.get(row.service_id)?.name ?? row.service_id,
      date: row.date,
      sessionId: row.session_id,
      sessionStart: row.session_start,
      status: row.status === 'checked_in' && served ? 'served' : row.status,
      name: row.name,
      nikLast4: row.nik_last4,
      ticketLabel: ticket?.label ?? null,
      checkedInAt: row.checked_in_at,
      cancelReason: row.cancel_reason,
    };
  });
}

const STATUS_ID: Record<BookingListItem['status'], string> = {
  booked: 'Dipesan',
  checked_in: 'Sudah check-in',
  served: 'Dilayani',
  no_show: 'Tidak hadir',
  cancelled: 'Dibatalkan',
};

/** The list as file cells; no NIK beyond its last four digits, no phone number. */
export function bookingListCells(
  list: BookingListItem[],
  timezone: TimezoneCode,
): (string | number | null)[][] {
  return [
    [
      'Kode',
      'Layanan',
      'Tanggal',
      'Sesi',
      'Mulai',
      'Status',
      'Nama',
      'NIK (4 digit akhir)',
      'Tiket',
      'Check-in',
      'Alasan batal',
    ],
    ...list.map((b) => [
      b.code,
      b.serviceName,
      b.date,
      b.sessionId,
      localStamp(b.sessionStart, timezone).slice(11),
      STATUS_ID[b.status],
      b.name,
      b.nikLast4,
      b.ticketLabel,
      b.checkedInAt === null ? null : localStamp(b.checkedInAt, timezone),
      b.cancelReason,
    ]),
  ];
}
