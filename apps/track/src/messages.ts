import type { Translator } from '@antre/ui';
import { catalogue, withSharedWords } from '@antre/ui';

// The visitor’s tracking page's one catalogue: Indonesian first, then English under the same keys (a
// missing one does not compile). The words every app shares come from @antre/ui.
const id = {
  // Following a ticket, the SKM, feedback and notifications
  title: 'Pantau Antrean',
  noneAhead: 'Anda berikutnya. Bersiaplah di dekat loket.',
  placeLabel: 'Tempat layanan',
  opensLater: 'Layanan buka pukul {time}',
  opensLaterNote: 'Anda akan dipanggil setelah loket buka.',
  onBreak: 'Layanan sedang istirahat sampai pukul {time}',
  onBreakNote: 'Anda akan dipanggil setelah istirahat selesai.',
  countersPaused: 'Loket layanan ini sedang istirahat',
  countersPausedNote: 'Anda akan dipanggil setelah loket kembali melayani.',
  noCounterOpen: 'Belum ada loket yang buka untuk layanan ini',
  noCounterOpenNote: 'Anda akan dipanggil setelah loket dibuka.',
  closedToday: 'Layanan ini sudah tutup hari ini',
  closedTodayNote:
    'Nomor Anda tidak dapat dilayani lagi hari ini. Tanyakan petugas informasi, atau datang kembali pada hari layanan berikutnya dan ambil nomor baru.',
  liveNote: 'Halaman ini diperbarui sendiri. Biarkan tetap terbuka.',
  printing: 'Tiket sedang dicetak…',
  counterNumber: 'Loket {n}',
  calledNote: 'Nomor {label} dipanggil',
  serving: 'Sedang dilayani di {counter}',
  parked: 'Antrean Anda ditunda',
  parkedNote:
    'Lengkapi dokumen yang diminta petugas, lalu kembali ke {counter}. Anda akan dipanggil lagi.',
  doneTitle: 'Layanan selesai',
  doneNote: 'Terima kasih telah berkunjung.',
  noShowTitle: 'Anda tidak hadir saat dipanggil',
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
  enableAlerts: 'Aktifkan bunyi dan getar saat dipanggil',
  alertsOn: 'Bunyi dan getar aktif',
  priority: 'Prioritas: {kind}',
  surveyIntro:
    'Bantu kami memperbaiki layanan {agency}. Pilih satu jawaban untuk setiap pertanyaan.',
  surveyThanks: 'Terima kasih',
  surveyThanksNote: 'Penilaian Anda sudah kami terima dan membantu kami melayani lebih baik.',
  errorOffline: 'Tidak tersambung ke internet. Periksa koneksi Anda, lalu coba lagi.',
  feedbackTitle: 'Sampaikan pengaduan atau saran',
  feedbackKind: 'Jenis pesan',
  complaint: 'Pengaduan',
  suggestion: 'Saran',
  compliment: 'Pujian',
  feedbackMessage: 'Pesan Anda untuk {agency}',
  feedbackHint: 'Paling sedikit 5 huruf. Jangan menulis NIK atau nomor telepon.',
  feedbackSend: 'Kirim pesan',
  feedbackSent: 'Terkirim ke {agency}',
  feedbackSentNote: 'Terima kasih. Pesan Anda akan ditindaklanjuti oleh petugas.',
  feedbackAnother: 'Kirim pesan lain',
  errorFeedback: 'Pesan belum terkirim. Periksa isinya (5–2000 huruf), lalu coba lagi.',
  lapor: 'Anda juga dapat melapor melalui kanal pengaduan nasional',
  notifyTitle: 'Beri tahu saya',
  notifyIntro: 'Kami kabari saat giliran Anda sudah dekat dan saat Anda dipanggil.',
  pushButton: 'Kirim notifikasi ke ponsel ini',
  pushOn: 'Notifikasi aktif di ponsel ini',
  pushDenied:
    'Notifikasi diblokir di browser ini. Izinkan di pengaturan browser, atau pakai nomor ponsel di bawah.',
  pushFailed: 'Notifikasi tidak dapat diaktifkan di browser ini. Pakai nomor ponsel di bawah.',
  pushUnavailable: 'Notifikasi ponsel sedang tidak tersedia. Pakai nomor ponsel di bawah.',
  orByPhone: 'atau lewat nomor ponsel',
  phoneLabel: 'Nomor ponsel',
  phoneHint: 'Contoh: 0812 3456 7890',
  phoneConsent:
    'Saya setuju nomor ini dipakai hanya untuk mengabari saya tentang antrean ini (giliran sudah dekat, dipanggil, dialihkan). Nomor dihapus otomatis setelah masa simpan.',
  phoneSend: 'Kabari ke nomor ini',
  // \u2060 (word joiner): '…7890' never breaks after the dots.
  phoneOn: 'Pesan dikirim ke nomor …\u2060{end}',
  notifyStop: 'Berhenti',
  notifyStopped: 'Tidak ada pesan lagi. Nomor atau notifikasi Anda sudah dihapus.',
  notifyPhoneInvalid:
    'Nomor ponsel belum benar. Tulis nomor HP yang diawali 08, misalnya 081234567890.',
  notifyConsentMissing:
    'Centang kotak persetujuan dulu. Tanpa persetujuan, nomor Anda tidak kami simpan.',
  notifyTooMany: 'Terlalu banyak percobaan. Tunggu {n} detik, lalu coba lagi.',
};

export const MESSAGES = withSharedWords({
  id,
  en: {
    // Following a ticket, the SKM, feedback and notifications
    title: 'Follow your queue',
    noneAhead: 'You are next. Please stay near the counter.',
    placeLabel: 'Where you are served',
    opensLater: 'The service opens at {time}',
    opensLaterNote: 'You will be called once a counter opens.',
    onBreak: 'The service is on a break until {time}',
    onBreakNote: 'You will be called after the break.',
    countersPaused: "This service's counters are on a break",
    countersPausedNote: 'You will be called once a counter serves again.',
    noCounterOpen: 'No counter is open for this service yet',
    noCounterOpenNote: 'You will be called once a counter opens.',
    closedToday: 'This service has closed for today',
    closedTodayNote:
      'Your number cannot be served any more today. Ask the information desk, or come back on the next service day and take a new number.',
    liveNote: 'This page updates by itself. Keep it open.',
    printing: 'Your ticket is being printed…',
    counterNumber: 'Counter {n}',
    calledNote: 'Number {label} is called',
    serving: 'Being served at {counter}',
    parked: 'Your turn is on hold',
    parkedNote:
      'Complete the documents the officer asked for, then return to {counter}. You will be called again.',
    doneTitle: 'Service complete',
    doneNote: 'Thank you for your visit.',
    noShowTitle: 'You were not there when called',
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
    enableAlerts: 'Turn on sound and vibration for your call',
    alertsOn: 'Sound and vibration on',
    priority: 'Priority: {kind}',
    surveyIntro: 'Help {agency} improve. Choose one answer for each question.',
    surveyThanks: 'Thank you',
    surveyThanksNote: 'We received your rating. It helps us serve you better.',
    errorOffline: 'No internet connection. Check your connection, then try again.',
    feedbackTitle: 'Send a complaint or suggestion',
    feedbackKind: 'Kind of message',
    complaint: 'Complaint',
    suggestion: 'Suggestion',
    compliment: 'Compliment',
    feedbackMessage: 'Your message to {agency}',
    feedbackHint: 'At least 5 letters. Do not write your NIK or phone number.',
    feedbackSend: 'Send message',
    feedbackSent: 'Sent to {agency}',
    feedbackSentNote: 'Thank you. An officer will follow up on your message.',
    feedbackAnother: 'Send another message',
    errorFeedback: 'Your message was not sent. Check it (5–2000 letters), then try again.',
    lapor: 'You can also report through the national complaints channel',
    notifyTitle: 'Notify me',
    notifyIntro: 'We tell you when your turn is near and when you are called.',
    pushButton: 'Send notifications to this phone',
    pushOn: 'Notifications are on for this phone',
    pushDenied:
      'Notifications are blocked in this browser. Allow them in the browser settings, or use a mobile number below.',
    pushFailed: 'Notifications cannot be turned on in this browser. Use a mobile number below.',
    pushUnavailable: 'Phone notifications are not available now. Use a mobile number below.',
    orByPhone: 'or by mobile number',
    phoneLabel: 'Mobile number',
    phoneHint: 'For example: 0812 3456 7890',
    phoneConsent:
      'I agree that this number is used only to tell me about this queue number (turn near, called, transferred). The number is deleted automatically after the retention period.',
    phoneSend: 'Send messages to this number',
    phoneOn: 'Messages go to the number ending …\u2060{end}',
    notifyStop: 'Stop',
    notifyStopped: 'No more messages. Your number or notifications were deleted.',
    notifyPhoneInvalid:
      'This mobile number is not right. Write a number starting with 08, for example 081234567890.',
    notifyConsentMissing: 'Tick the consent box first. Without consent we do not keep your number.',
    notifyTooMany: 'Too many tries. Wait {n} seconds, then try again.',
  },
});

export type MessageKey = keyof typeof MESSAGES.id;
export type Translate = Translator<MessageKey>;
export const { translate, isMessageKey } = catalogue(MESSAGES);
