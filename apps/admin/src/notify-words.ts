import type { ChannelBody, DeliveryView, NotifyMessage } from '@antre/protocol';
import type { Language, Messages } from '@antre/ui';
import type { GatewayPreset } from './notify-api';

// Names the Notifikasi page gives to what the hub sends as codes.

export const KIND_LABELS: Messages<ChannelBody['kind']> = {
  id: { whatsapp: 'WhatsApp Cloud API', http: 'Gateway HTTP', webpush: 'Web Push', log: 'Log' },
  en: { whatsapp: 'WhatsApp Cloud API', http: 'HTTP gateway', webpush: 'Web Push', log: 'Log' },
};

export const MESSAGE_NAMES: Messages<NotifyMessage> = {
  id: {
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
  },
  en: {
    'ticket.near': 'Turn is near',
    'ticket.called': 'Number called',
    'ticket.transferred': 'Ticket transferred',
    'ticket.parked': 'Ticket on hold',
    'ticket.missed': 'Call missed',
    'booking.confirmed': 'Booking confirmed',
    'booking.reminder': 'Booking reminder',
    'booking.cancelled': 'Booking cancelled',
    'alarm.raised': 'Staff alert',
    test: 'Test message',
  },
};

/** What each {placeholder} of a message stands for; the hub may know newer ones. */
export const PLACEHOLDER_NAMES: Record<Language, Record<string, string>> = {
  id: {
    label: 'nomor antrean',
    ahead: 'jumlah nomor sebelum giliran',
    place: 'loket dan lantai',
    counter: 'nama loket',
    service: 'nama layanan',
    until: 'batas jam kembali ke antrean',
    code: 'kode pemesanan',
    date: 'tanggal layanan',
    time: 'jam sesi',
    reason: 'alasan pembatalan',
    text: 'isi peringatan',
    site: 'nama gedung',
  },
  en: {
    label: 'ticket number',
    ahead: 'numbers before the turn',
    place: 'counters and floor',
    counter: 'counter name',
    service: 'service name',
    until: 'time to rejoin the queue by',
    code: 'booking code',
    date: 'date of the visit',
    time: 'session time',
    reason: 'reason for the cancellation',
    text: 'the alert',
    site: 'building name',
  },
};

export const STATUS_NAMES: Messages<DeliveryView['status']> = {
  id: { pending: 'Tertunda', sent: 'Terkirim', failed: 'Gagal', skipped: 'Dilewati' },
  en: { pending: 'Pending', sent: 'Sent', failed: 'Failed', skipped: 'Skipped' },
};

/** The log names a recipient by kind only (the hub's words), never by a number. */
export const RECIPIENT_NAMES: Record<Language, Record<string, string>> = {
  id: { visitor: 'Pengunjung', booking: 'Pemesan', staff: 'Staf', test: 'Uji kirim' },
  en: { visitor: 'Visitor', booking: 'Booking holder', staff: 'Staff', test: 'Test send' },
};

const PRESET_NOTES: Record<Language, Record<string, string>> = {
  id: {
    fonnte:
      'Authorization: token perangkat dari dasbor Fonnte. Fonnte menjawab penolakan (mis. token salah) dengan status false, yang dicatat sebagai gagal.',
    wablas:
      'Ganti SERVER dengan server yang tertera di dasbor Wablas Anda (jogja, solo, …). Authorization: token perangkat; akun dengan secret key mengirim token.secretkey, digabung titik.',
    'zenziva-wa':
      'Belum dicocokkan dengan dokumentasi resmi Zenziva: bandingkan alamat dan isiannya dengan konsol Zenziva Anda. USERKEY dan PASSKEY ditulis di isi permintaan dan disimpan sebagai pengaturan, bukan rahasia.',
    'zenziva-sms':
      'Belum dicocokkan dengan dokumentasi resmi Zenziva: bandingkan alamat dan isiannya dengan konsol Zenziva Anda. Satu SMS memuat 160 karakter; USERKEY dan PASSKEY disimpan sebagai pengaturan, bukan rahasia.',
  },
  en: {
    fonnte:
      'Authorization: the device token from the Fonnte dashboard. Fonnte answers a refusal (an invalid token, say) with status false, which is logged as a failure.',
    wablas:
      'Replace SERVER with the server your Wablas dashboard names (jogja, solo, …). Authorization: the device token; accounts with a secret key send token.secretkey, joined by a dot.',
    'zenziva-wa':
      'Not checked against Zenziva’s own documentation: compare the address and fields with your Zenziva console. USERKEY and PASSKEY go in the body and are kept as a setting, not as a secret.',
    'zenziva-sms':
      'Not checked against Zenziva’s own documentation: compare the address and fields with your Zenziva console. An SMS part holds 160 characters; USERKEY and PASSKEY are kept as a setting, not as a secret.',
  },
};

/** A preset's note in the admin's language; one this app does not know yet in the hub's words. */
export const presetNote = (language: Language, preset: GatewayPreset): string =>
  PRESET_NOTES[language][preset.id] ?? preset.note;
