import type { ErrorCode } from '@antre/protocol';
import type { PriorityKind } from '@antre/domain';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** An app's texts: Indonesian first, English with the same keys. */
export type Messages<K extends string> = { id: Record<K, string>; en: Record<K, string> };

/** `t('waiting', { n: 3 })` fills {n}; a missing key shows itself, never a crash. */
export function translator<K extends string>(messages: Messages<K>, language: Language) {
  return (key: K, values: Record<string, string | number> = {}): string => {
    const template = messages[language][key] ?? messages.id[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  };
}

export const PRIORITY_LABELS: Messages<PriorityKind> = {
  id: {
    disability: 'Penyandang disabilitas',
    elderly: 'Lansia',
    pregnant: 'Ibu hamil',
    child: 'Anak-anak',
    disaster_victim: 'Korban bencana',
  },
  en: {
    disability: 'Person with disability',
    elderly: 'Elderly',
    pregnant: 'Pregnant woman',
    child: 'Child',
    disaster_victim: 'Disaster victim',
  },
};

/** Plain words for every error code a hub may answer with. */
export const ERROR_MESSAGES: Messages<ErrorCode> = {
  id: {
    bad_request: 'Data yang dikirim tidak valid.',
    unknown_event: 'Perintah tidak dikenal oleh server.',
    unauthorized: 'Silakan masuk kembali.',
    forbidden: 'Anda tidak berwenang melakukan ini.',
    locked:
      'Terlalu banyak kata sandi salah. Akun dikunci 15 menit; coba lagi nanti atau hubungi admin.',
    rate_limited: 'Terlalu banyak permintaan dari perangkat ini. Tunggu sebentar lalu coba lagi.',
    not_found: 'Data tidak ditemukan.',
    version_mismatch: 'Aplikasi perlu diperbarui.',
    conflict: 'Perintah ini bentrok dengan perintah lain.',
    offline: 'Tidak tersambung ke server. Coba lagi sebentar.',
    internal: 'Terjadi gangguan di server. Tidak ada yang berubah.',
    service_not_found: 'Layanan tidak ditemukan.',
    service_inactive: 'Layanan ini sedang tidak tersedia.',
    service_closed: 'Layanan ini sedang tutup.',
    quota_reached: 'Kuota antrean hari ini sudah habis.',
    counter_not_found: 'Loket tidak ditemukan.',
    counter_closed: 'Loket belum dibuka.',
    counter_paused: 'Loket sedang istirahat.',
    counter_busy: 'Selesaikan dulu tiket yang sedang dipanggil.',
    counter_idle: 'Tidak ada tiket di loket ini.',
    not_served_here: 'Loket ini tidak melayani tiket tersebut.',
    queue_empty: 'Tidak ada antrean menunggu.',
    ticket_not_found: 'Tiket tidak ditemukan.',
    illegal_transition: 'Tindakan ini tidak bisa dilakukan untuk tiket ini sekarang.',
    recall_required: 'Panggil ulang dulu sebelum menandai tidak hadir.',
    requeue_window_passed: 'Batas waktu untuk mengantre kembali sudah lewat.',
    same_service: 'Tiket sudah berada di layanan tersebut.',
    online_only: 'Pada jam ini layanan ini hanya melayani antrean online (booking).',
    invalid_nik: 'NIK tidak valid. Periksa kembali 16 digit NIK Anda.',
    booking_not_offered: 'Layanan ini tidak menerima booking online.',
    unknown_session: 'Sesi tersebut tidak ada pada hari itu.',
    date_not_bookable: 'Tanggal tersebut tidak bisa dipesan.',
    window_closed: 'Pemesanan untuk tanggal itu sudah ditutup atau belum dibuka.',
    full: 'Sesi ini sudah penuh.',
    duplicate_booking: 'NIK ini sudah memesan layanan ini pada hari yang sama.',
    too_many_bookings: 'NIK ini sudah memiliki terlalu banyak booking aktif.',
    booking_cancelled: 'Booking ini sudah dibatalkan.',
    already_checked_in: 'Booking ini sudah check-in.',
    not_today: 'Booking ini untuk hari lain.',
    too_early: 'Check-in belum dibuka.',
    too_late: 'Waktu check-in sudah lewat.',
    booking_not_found: 'Booking tidak ditemukan. Periksa kode dan NIK.',
  },
  en: {
    bad_request: 'The data sent is not valid.',
    unknown_event: 'The server does not know this command.',
    unauthorized: 'Please sign in again.',
    forbidden: 'You are not allowed to do this.',
    locked:
      'Too many wrong passwords. The account is locked for 15 minutes; try again later or ask the admin.',
    rate_limited: 'Too many requests from this device. Wait a moment, then try again.',
    not_found: 'Not found.',
    version_mismatch: 'This app needs an update.',
    conflict: 'This command clashes with another.',
    offline: 'Not connected to the server. Try again shortly.',
    internal: 'The server had a problem. Nothing was changed.',
    service_not_found: 'Service not found.',
    service_inactive: 'This service is not available.',
    service_closed: 'This service is closed now.',
    quota_reached: "Today's quota for this service is used up.",
    counter_not_found: 'Counter not found.',
    counter_closed: 'The counter is not open.',
    counter_paused: 'The counter is on a break.',
    counter_busy: 'Finish the ticket being called first.',
    counter_idle: 'This counter holds no ticket.',
    not_served_here: 'This counter does not serve that ticket.',
    queue_empty: 'Nobody is waiting.',
    ticket_not_found: 'Ticket not found.',
    illegal_transition: 'This cannot be done to this ticket now.',
    recall_required: 'Recall first before marking absent.',
    requeue_window_passed: 'Too late to rejoin the queue.',
    same_service: 'The ticket is already in that service.',
    online_only: 'At this hour this service serves online bookings only.',
    invalid_nik: 'This NIK is not valid. Check its 16 digits.',
    booking_not_offered: 'This service takes no online bookings.',
    unknown_session: 'That session does not exist on that day.',
    date_not_bookable: 'That date cannot be booked.',
    window_closed: 'Booking for that date is closed or not open yet.',
    full: 'This session is full.',
    duplicate_booking: 'This NIK already booked this service on that day.',
    too_many_bookings: 'This NIK has too many active bookings.',
    booking_cancelled: 'This booking was cancelled.',
    already_checked_in: 'This booking is already checked in.',
    not_today: 'This booking is for another day.',
    too_early: 'Check-in is not open yet.',
    too_late: 'The check-in time has passed.',
    booking_not_found: 'Booking not found. Check the code and NIK.',
  },
};

export function errorText(code: string, language: Language): string {
  return (
    (ERROR_MESSAGES[language] as Record<string, string>)[code] ?? ERROR_MESSAGES[language].internal
  );
}
