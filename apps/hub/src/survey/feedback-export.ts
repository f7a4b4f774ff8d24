import { FEEDBACK_KINDS } from '@antre/protocol';
import type { Feedback } from '@antre/protocol';
import { z } from 'zod';

/** Masukan's filters: an admin may narrow to one agency; anyone to one kind. */
export const FeedbackQuerySchema = z.strictObject({
  agencyId: z.string().min(1).max(64).optional(),
  kind: z.enum(FEEDBACK_KINDS).optional(),
});
export const FeedbackExportQuerySchema = FeedbackQuerySchema.extend({
  format: z.enum(['xlsx', 'csv']),
});

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
