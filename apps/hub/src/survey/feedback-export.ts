import type { Feedback } from '@antre/protocol';

const KIND_ID: Record<Feedback['kind'], string> = {
  complaint: 'Pengaduan', // as Masukan shows it
  suggestion: 'Saran',
  compliment: 'Pujian',
};

/** The feedback list as cells, header first; the time is local, as the page shows it. */
export function feedbackCells(
  list: readonly Feedback[],
  localTime: (at: number) => string,
): (string | number | null)[][] {
  return [
    ['Waktu', 'Instansi', 'Jenis', 'Isi', 'Tiket', 'Layanan'],
    ...list.map((f) => [
      localTime(f.createdAt),
      f.agencyName,
      KIND_ID[f.kind],
      f.message,
      f.ticketLabel,
      f.serviceName,
    ]),
  ];
}
