import type { TimezoneCode } from '@antre/domain';
import { addDays, epochOf } from '@antre/domain';
import type { DeliveryCounts, NotifyCounts } from '@antre/protocol';
import { NOTIFY_CHANNELS_REPORTED, NOTIFY_MESSAGES } from '@antre/protocol';
import type { NotifyStore } from '../notifications/notify-store';

type Channel = (typeof NOTIFY_CHANNELS_REPORTED)[number];
type Message = NotifyCounts['byMessage'][number]['message'];

const REPORTED_MESSAGES = NOTIFY_MESSAGES.filter((m) => m !== 'test');
const none = (): DeliveryCounts => ({ sent: 0, failed: 0, skipped: 0, pending: 0 });

/**
 * The outbox's messages written in the period's service days (site time), by channel kind and
 * by message; a supervisor's only those about their agency (message-agency.ts).
 */
export function createNotifyReport(store: NotifyStore) {
  return async (
    timezone: TimezoneCode,
    period: { from: string; to: string; agencyId: string | undefined },
  ): Promise<NotifyCounts> => {
    const start = epochOf(period.from, '00:00', timezone);
    const end = epochOf(addDays(period.to, 1), '00:00', timezone);
    const totals = none();
    const byChannel = new Map<Channel, DeliveryCounts>();
    const byMessage = new Map<Message, DeliveryCounts>();
    const add = <K>(
      groups: Map<K, DeliveryCounts>,
      key: K,
      status: keyof DeliveryCounts,
      n: number,
    ) => {
      const group = groups.get(key) ?? none();
      group[status] += n;
      groups.set(key, group);
    };
    for (const row of await store.counts(start, end, period.agencyId)) {
      totals[row.status] += row.n;
      add(byChannel, row.channel ?? 'none', row.status, row.n);
      add(byMessage, row.message, row.status, row.n);
    }
    return {
      totals,
      byChannel: NOTIFY_CHANNELS_REPORTED.map((channel) => ({
        channel,
        ...(byChannel.get(channel) ?? none()),
      })),
      byMessage: REPORTED_MESSAGES.map((message) => ({
        message,
        ...(byMessage.get(message) ?? none()),
      })),
    };
  };
}

export type NotifyReport = ReturnType<typeof createNotifyReport>;

// Indonesian, as the other exported tables: the files go into reports as they are.
const MESSAGE_NAMES: Record<Message, string> = {
  'ticket.near': 'Giliran hampir tiba',
  'ticket.called': 'Nomor dipanggil',
  'ticket.transferred': 'Antrean dialihkan',
  'ticket.parked': 'Antrean ditunda',
  'ticket.missed': 'Panggilan terlewat',
  'booking.confirmed': 'Pemesanan diterima',
  'booking.reminder': 'Pengingat pemesanan',
  'booking.cancelled': 'Pemesanan dibatalkan',
  'alarm.raised': 'Peringatan staf',
  test: 'Pesan uji',
};
const CHANNEL_NAMES: Record<Channel, string> = {
  whatsapp: 'WhatsApp',
  http: 'Gateway HTTP',
  webpush: 'Web Push',
  log: 'Log',
  none: 'Tanpa kanal',
};

const countCells = (c: DeliveryCounts) => [
  c.sent,
  c.failed,
  c.skipped,
  c.pending,
  c.sent + c.failed + c.skipped + c.pending,
];

/** The notification counts as one table: all messages, then per message, then per channel. */
export function notifyCells(counts: NotifyCounts | undefined): (string | number | null)[][] {
  const c = counts ?? { totals: none(), byChannel: [], byMessage: [] };
  return [
    ['Notifikasi', 'Terkirim', 'Gagal', 'Dilewati', 'Tertunda', 'Jumlah'],
    ['Semua pesan', ...countCells(c.totals)],
    ...c.byMessage.map((m) => [`Pesan: ${MESSAGE_NAMES[m.message]}`, ...countCells(m)]),
    ...c.byChannel.map((k) => [`Kanal: ${CHANNEL_NAMES[k.channel]}`, ...countCells(k)]),
  ];
}
