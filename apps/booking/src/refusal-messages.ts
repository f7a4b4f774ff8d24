import type { BookingRefusal } from '@antre/protocol';
import type { Language, Messages } from '@antre/ui';

/** Each refusal a citizen can meet, in plain words with the next step to take. */
type RefusalCode = BookingRefusal | 'rate_limited' | 'bad_request' | 'offline' | 'internal';

const REFUSALS: Messages<RefusalCode> = {
  id: {
    invalid_nik: 'NIK tidak valid. Periksa lagi 16 angka NIK pada KTP Anda, lalu kirim ulang.',
    booking_not_offered:
      'Layanan ini tidak menerima pesanan online. Silakan datang dan ambil nomor di kios.',
    unknown_session: 'Sesi itu tidak ada pada tanggal tersebut. Pilih sesi lain.',
    date_not_bookable: 'Tanggal itu tidak bisa dipesan (libur atau tutup). Pilih tanggal lain.',
    window_closed:
      'Pemesanan untuk tanggal itu sudah ditutup atau belum dibuka. Pilih tanggal lain.',
    full: 'Sesi ini baru saja penuh. Pilih sesi atau tanggal lain.',
    duplicate_booking:
      'NIK ini sudah punya pesanan untuk layanan ini pada hari yang sama. Cek pesanan Anda, atau pilih hari lain.',
    too_many_bookings:
      'NIK ini sudah punya terlalu banyak pesanan aktif. Batalkan pesanan yang tidak diperlukan, lalu coba lagi.',
    booking_cancelled: 'Pesanan ini sudah dibatalkan. Silakan buat pesanan baru.',
    already_checked_in: 'Pesanan ini sudah check-in dan tidak bisa diubah lagi.',
    not_today: 'Pesanan ini untuk hari lain. Datang pada tanggal pesanan Anda.',
    too_early: 'Check-in belum dibuka. Datang lagi pada jam check-in.',
    too_late:
      'Waktu pesanan ini sudah lewat dan tidak bisa diubah. Silakan buat pesanan baru atau ambil nomor di kios.',
    booking_not_found:
      'Pesanan tidak ditemukan. Periksa kode booking dan NIK (keduanya harus sama dengan saat memesan).',
    rate_limited: 'Terlalu banyak percobaan. Tunggu beberapa menit, lalu coba lagi.',
    bad_request: 'Ada isian yang belum benar. Periksa lagi semua isian, lalu kirim ulang.',
    offline: 'Tidak tersambung ke internet. Periksa koneksi Anda, lalu coba lagi.',
    internal: 'Terjadi gangguan di server. Pesanan belum berubah; coba lagi sebentar.',
  },
  en: {
    invalid_nik: 'This NIK is not valid. Check the 16 digits on your KTP, then send again.',
    booking_not_offered:
      'This service takes no online bookings. Please come and take a number at the kiosk.',
    unknown_session: 'That session does not exist on that date. Choose another session.',
    date_not_bookable: 'That date cannot be booked (holiday or closed). Choose another date.',
    window_closed: 'Booking for that date is closed or not open yet. Choose another date.',
    full: 'This session has just filled up. Choose another session or date.',
    duplicate_booking:
      'This NIK already has a booking for this service on that day. Check your booking, or choose another day.',
    too_many_bookings:
      'This NIK has too many active bookings. Cancel one you do not need, then try again.',
    booking_cancelled: 'This booking was cancelled. Please make a new booking.',
    already_checked_in: 'This booking is checked in and cannot be changed any more.',
    not_today: 'This booking is for another day. Come on the date you booked.',
    too_early: 'Check-in is not open yet. Come back in the check-in time.',
    too_late:
      'This booking’s time has passed and it cannot be changed. Make a new booking or take a number at the kiosk.',
    booking_not_found:
      'Booking not found. Check the booking code and NIK (both must be as when you booked).',
    rate_limited: 'Too many attempts. Wait a few minutes, then try again.',
    bad_request: 'Something in the form is not right yet. Check every field, then send again.',
    offline: 'Not connected to the internet. Check your connection, then try again.',
    internal: 'The server had a problem. Nothing changed; try again shortly.',
  },
};

export function refusalText(code: string, language: Language): string {
  const texts = REFUSALS[language] as Record<string, string>;
  return texts[code] ?? texts.internal!;
}
