import type { Messages } from '@antre/ui';

const ID = {
  title: 'Pantau Antrean',
  yourNumber: 'Nomor antrean Anda',
  ahead: '{n} orang di depan Anda',
  noneAhead: 'Anda berikutnya. Bersiaplah di dekat loket.',
  estimatedWait: 'Perkiraan tunggu {wait}',
  liveNote: 'Halaman ini diperbarui sendiri. Biarkan tetap terbuka.',
  printing: 'Tiket sedang dicetak…',
  goTo: 'Silakan menuju',
  counterNumber: 'Loket {n}',
  calledNote: 'Nomor {label} dipanggil',
  serving: 'Sedang dilayani di {counter}',
  parked: 'Antrean Anda ditunda',
  parkedNote:
    'Lengkapi dokumen yang diminta petugas, lalu kembali ke {counter}. Anda akan dipanggil lagi.',
  done: 'Layanan selesai',
  doneNote: 'Terima kasih telah berkunjung.',
  noShow: 'Anda tidak hadir saat dipanggil',
  noShowNote:
    'Jika Anda sudah di gedung, segera temui petugas {agency} agar dimasukkan kembali ke antrean.',
  transferred: 'Anda dialihkan dari layanan {from}. Nomor Anda tetap sama.',
  expired: 'Tiket sudah tidak berlaku',
  expiredNote:
    'Layanan telah tutup untuk hari ini. Silakan datang kembali pada hari kerja berikutnya.',
  cancelled: 'Tiket dibatalkan',
  cancelledNote:
    'Tiket ini dibatalkan oleh petugas. Silakan ambil nomor baru bila masih perlu dilayani.',
  void: 'Tiket tidak berlaku',
  voidNote: 'Tiket ini gagal dicetak dan tidak masuk antrean. Silakan ambil nomor baru di kiosk.',
  notFound: 'Tiket tidak ditemukan',
  notFoundNote: 'Periksa kembali tautan atau pindai ulang kode QR pada tiket Anda.',
  offline: 'Koneksi terputus. Menyambung kembali…',
  loading: 'Memuat…',
  enableAlerts: 'Aktifkan bunyi dan getar saat dipanggil',
  alertsOn: 'Bunyi dan getar aktif',
  priority: 'Prioritas: {kind}',
  language: 'English',
};

export type MessageKey = keyof typeof ID;

export const MESSAGES: Messages<MessageKey> = {
  id: ID,
  en: {
    title: 'Follow your queue',
    yourNumber: 'Your queue number',
    ahead: '{n} people ahead of you',
    noneAhead: 'You are next. Please stay near the counter.',
    estimatedWait: 'Estimated wait {wait}',
    liveNote: 'This page updates by itself. Keep it open.',
    printing: 'Your ticket is being printed…',
    goTo: 'Please go to',
    counterNumber: 'Counter {n}',
    calledNote: 'Number {label} is called',
    serving: 'Being served at {counter}',
    parked: 'Your turn is on hold',
    parkedNote:
      'Complete the documents the officer asked for, then return to {counter}. You will be called again.',
    done: 'Service complete',
    doneNote: 'Thank you for your visit.',
    noShow: 'You were not there when called',
    noShowNote:
      'If you are in the building, see a {agency} officer now to be put back in the queue.',
    transferred: 'You were transferred from {from}. Your number stays the same.',
    expired: 'This ticket is no longer valid',
    expiredNote: 'The service has closed for today. Please come back on the next working day.',
    cancelled: 'Ticket cancelled',
    cancelledNote:
      'An officer cancelled this ticket. Take a new number if you still need the service.',
    void: 'Ticket not valid',
    voidNote:
      'This ticket failed to print and never joined the queue. Please take a new number at the kiosk.',
    notFound: 'Ticket not found',
    notFoundNote: 'Check the link, or scan the QR code on your ticket again.',
    offline: 'Connection lost. Reconnecting…',
    loading: 'Loading…',
    enableAlerts: 'Turn on sound and vibration for your call',
    alertsOn: 'Sound and vibration on',
    priority: 'Priority: {kind}',
    language: 'Bahasa Indonesia',
  },
};
