import type { Language, Messages } from '@antre/ui';
import { translator } from '@antre/ui';

// The words of Laporan and Hari ini beyond the shared ones in messages.ts.
const id = {
  called: 'Dipanggil',
  cancelled: 'Dibatalkan',
  transferred: 'Dialihkan',
  transferRule:
    'Tiket dihitung terbit di layanan tempat diambil. Bila dialihkan, tiket dihitung “dialihkan” di layanan asal, dan hasilnya (dilayani, tidak hadir) di layanan tujuan.',
  callerRule:
    'Loket dan petugas tidak menerbitkan tiket: “dipanggil” termasuk tiket yang kemudian dialihkan.',
  chartServedByService: 'Dilayani per layanan',
  countersNowTitle: 'Loket yang buka sekarang',
  noCountersOpen: 'Belum ada loket yang buka.',
  statusOpen: 'Buka',
  statusPaused: 'Istirahat',
  statusSince: 'sejak {time}',
  status: 'Status',
  heldTicket: 'Tiket di loket',
  ticketCalled: '{label} dipanggil · {service}',
  ticketServing: '{label} sedang dilayani · {service}',
  noTicketHeld: 'Tidak ada tiket',
  noOfficer: 'Tanpa petugas',
  servicesNowTitle: 'Layanan',
  showIdle: 'Tampilkan {n} layanan tanpa kegiatan hari ini',
  hideIdle: 'Sembunyikan layanan tanpa kegiatan',
  noActiveServices: 'Belum ada kegiatan di layanan mana pun hari ini.',
  waitTime: 'Waktu tunggu',
  serviceTime: 'Waktu layanan',
  minuteParts: 'rata‑rata · median · p90 (menit)',
  expired: 'Kedaluwarsa',
  voided: 'Gagal cetak',
  unfinished: 'Belum selesai',
  tallyRule:
    '{issued} diterbitkan = {served} dilayani + {noShow} tidak hadir + {cancelled} dibatalkan + {expired} kedaluwarsa + {unfinished} belum selesai. Dialihkan tidak ikut dijumlah (hasilnya dihitung di layanan tujuan); gagal cetak tidak pernah diterbitkan.',
  periodTimes: 'Seluruh periode: {wait}; {service}.',
  fromAfterTo: '“Dari” harus sebelum atau sama dengan “Sampai”.',
  allKinds: 'Semua jenis',
  notifyTitle: 'Notifikasi',
  notifyRule:
    'Pesan ke pengunjung dan staf yang dibuat pada periode ini, menurut hasil pengirimannya. Uji kirim tidak dihitung. “Tanpa kanal”: belum dicoba, atau dilewati karena tidak ada kanal.',
  notifyNone: 'Belum ada notifikasi pada periode ini.',
  notifyMessage: 'Jenis pesan',
  notifyChannel: 'Kanal',
  notifyNoChannel: 'Tanpa kanal',
  notifyAll: 'Semua pesan',
} as const;

type Key = keyof typeof id;

export const REPORT_MESSAGES: Messages<Key> = {
  id,
  en: {
    called: 'Called',
    cancelled: 'Cancelled',
    transferred: 'Transferred out',
    transferRule:
      'A ticket is issued at the service where it was taken. When transferred, it counts as “transferred out” at the service it left, and its outcome (served, no-show) at the service it went to.',
    callerRule:
      'Counters and officers issue no tickets: “called” includes tickets later transferred.',
    chartServedByService: 'Served per service',
    countersNowTitle: 'Counters open now',
    noCountersOpen: 'No counter is open yet.',
    statusOpen: 'Open',
    statusPaused: 'On a break',
    statusSince: 'since {time}',
    status: 'Status',
    heldTicket: 'Ticket at the counter',
    ticketCalled: '{label} called · {service}',
    ticketServing: '{label} being served · {service}',
    noTicketHeld: 'No ticket',
    noOfficer: 'No officer',
    servicesNowTitle: 'Services',
    showIdle: 'Show {n} services with no activity today',
    hideIdle: 'Hide services with no activity',
    noActiveServices: 'No activity at any service yet today.',
    waitTime: 'Waiting time',
    serviceTime: 'Service time',
    minuteParts: 'mean · median · p90 (minutes)',
    expired: 'Expired',
    voided: 'Print failed',
    unfinished: 'Not finished',
    tallyRule:
      '{issued} issued = {served} served + {noShow} no-show + {cancelled} cancelled + {expired} expired + {unfinished} not finished. Transfers are not added (the outcome counts at the service it went to); failed prints were never issued.',
    periodTimes: 'Whole period: {wait}; {service}.',
    fromAfterTo: '“From” must be on or before “To”.',
    allKinds: 'All kinds',
    notifyTitle: 'Notifications',
    notifyRule:
      'Messages to visitors and staff made in this period, by how their sending ended. Test sends are not counted. “No channel”: not tried yet, or skipped for want of a channel.',
    notifyNone: 'No notifications in this period.',
    notifyMessage: 'Message',
    notifyChannel: 'Channel',
    notifyNoChannel: 'No channel',
    notifyAll: 'All messages',
  },
};

export type ReportKey = Key;
export type ReportT = (key: ReportKey, values?: Record<string, string | number>) => string;
export const reportT = (language: Language): ReportT => translator(REPORT_MESSAGES, language);
