import type { LIVE_TABLES, LiveReport } from '@antre/protocol';

export const LIVE_TITLES = {
  'live-services': 'Layanan hari ini',
  'live-counters': 'Loket yang buka',
} as const;

const STATUS_ID: Record<string, string> = { open: 'Buka', paused: 'Istirahat' };
const TICKET_ID: Record<string, string> = { called: 'dipanggil', serving: 'sedang dilayani' };

/** Hari ini's two tables as cells, header first, in the words the page shows. */
export function liveCells(
  report: LiveReport,
  table: (typeof LIVE_TABLES)[number],
  agencyName: (id: string) => string,
  timeOf: (at: number) => string,
): (string | number | null)[][] {
  if (table === 'live-services')
    return [
      ['Layanan', 'Instansi', 'Menunggu', 'Tunggu terlama (menit)', 'Dilayani', 'Loket buka'],
      ...report.services.map((s) => [
        s.name,
        agencyName(s.agencyId),
        s.waiting,
        s.longestWaitMinutes,
        s.servedToday,
        s.countersOpen,
      ]),
    ];
  return [
    ['Loket', 'Instansi', 'Status', 'Alasan istirahat', 'Sejak', 'Petugas', 'Tiket', 'Layanan'],
    ...report.counters.map((c) => [
      c.name,
      agencyName(c.agencyId),
      STATUS_ID[c.status] ?? c.status,
      c.pauseReason,
      timeOf(c.since),
      c.officerName,
      c.ticketLabel && c.ticketStatus
        ? `${c.ticketLabel} ${TICKET_ID[c.ticketStatus] ?? c.ticketStatus}`
        : c.ticketLabel,
      c.serviceName,
    ]),
  ];
}
