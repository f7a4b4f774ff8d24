import type { PriorityKind } from '@antre/domain';
import type { AlarmView, DeviceAlert, ErrorCode } from '@antre/protocol';
import type { Language, Messages, Translator } from './i18n';
import { translator } from './i18n';

// Words every app says the same way, and those packages/ui shows itself: each app's catalogue
// adds its own words to these (withSharedWords) and may not say one of them differently.
// Groups keyed by a code (error.…, priority.…) list every code, or this does not compile.
type CodeKey =
  | `error.${ErrorCode}`
  | `priority.${PriorityKind}`
  | `alarm.${AlarmView['kind']}`
  | `printerState.${Exclude<DeviceAlert['state'], 'ready'>}`;

const id = {
  // Buttons and states
  language: 'English',
  loading: 'Memuat…',
  back: 'Kembali',
  close: 'Tutup',
  cancel: 'Batal',
  save: 'Simpan',
  saving: 'Menyimpan…',
  edit: 'Ubah',
  delete: 'Hapus',
  done: 'Selesai',
  checking: 'Memeriksa…',
  sending: 'Mengirim…',
  // Sign-in (SignInScreen)
  signIn: 'Masuk',
  signingIn: 'Sedang masuk…',
  signOut: 'Keluar',
  username: 'Nama pengguna',
  password: 'Kata sandi',
  wrongPassword: 'Nama pengguna atau kata sandi salah. Periksa lalu coba lagi.',
  serverUnreachable: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.',
  loginLocked:
    'Akun ini dikunci karena terlalu banyak kata sandi salah. Coba lagi dalam {minutes} menit, atau minta admin membuka kuncinya.',
  // Pairing a device
  pairCode: 'Kode pemasangan',
  pairAsking: 'Meminta kode pemasangan…',
  pairOffline: 'Server belum dapat dihubungi — mencoba lagi…',
  // The building and its queue
  agency: 'Instansi',
  service: 'Layanan',
  counter: 'Loket',
  date: 'Tanggal',
  statusOpen: 'Buka',
  called: 'Dipanggil',
  noShow: 'Tidak hadir',
  // A visitor’s ticket
  yourNumber: 'Nomor antrean Anda',
  ahead: '{n} orang di depan Anda',
  goTo: 'Silakan menuju',
  estimatedWait: 'Perkiraan tunggu {wait}',
  placeCounters: 'Loket {numbers}',
  notifyFinished: 'Tiket ini sudah selesai; tidak ada pesan yang akan dikirim.',
  notifyFailed: 'Belum berhasil. Coba lagi sebentar lagi.',
  // The service standard (standar pelayanan)
  chooseService: 'Pilih layanan',
  standardTitle: 'Standar pelayanan',
  requirements: 'Persyaratan',
  procedure: 'Prosedur',
  duration: 'Jangka waktu',
  cost: 'Biaya / tarif',
  product: 'Produk layanan',
  complaints: 'Pengaduan',
  // The SKM form (SkmForm, SkmSteps)
  'skm.surveyTitle': 'Bagaimana pelayanan kami?',
  'skm.surveyAnonymous': 'Jawaban Anda anonim: tidak ada nama atau NIK yang dicatat.',
  'skm.surveyProgress': '{n} dari 9 terjawab',
  'skm.surveyDemographics': 'Data responden (tidak wajib)',
  'skm.surveyDemographicsNote':
    'Boleh dilewati. Langsung tekan "Kirim penilaian" jika tidak ingin mengisi.',
  'skm.surveyChoose': '— pilih —',
  'skm.ageBand': 'Usia',
  'skm.sex': 'Jenis kelamin',
  'skm.education': 'Pendidikan terakhir',
  'skm.job': 'Pekerjaan',
  'skm.surveySubmit': 'Kirim penilaian',
  'skm.stepCount': 'Pertanyaan {n} dari {total}',
  'skm.stepPrevious': 'Pertanyaan sebelumnya',
  'skm.stepNext': 'Lanjut',
  'skm.stepLast': 'Hampir selesai',
  'error.offline': 'Tidak tersambung ke server. Coba lagi sebentar.',
  'skm.errorSurvey': 'Jawaban belum terkirim. Silakan coba lagi.',
  // Staff alarms (alarmText), on the admin’s live page and a supervisor’s counter
  'alarm.title': 'Peringatan antrean',
  'alarm.wait_over_target':
    '{service}: tunggu terlama melewati target {target} menit (nomor {ticket})',
  'alarm.too_many_waiting': '{service}: {waiting} orang menunggu, melebihi batas {max}',
  'alarm.no_open_counter': '{service}: {waiting} orang menunggu, tidak ada loket yang buka',
  'alarm.counter_paused_long': '{counter} istirahat lebih dari {limit} menit',
  'alarm.printer': 'Printer {device}: {alert}',
  'alarm.reason': ' ({reason})',
  'alarm.since': 'sejak {time}, {duration}',
  'alarm.minutes': '{m} menit',
  'alarm.hours': '{h} jam {m} menit',
  // A kiosk printer’s state, in an alarm
  'printerState.paper_out': 'kertas habis',
  'printerState.paper_near_end': 'kertas hampir habis',
  'printerState.cover_open': 'tutup terbuka',
  'printerState.offline': 'mati atau tidak terhubung',
  'printerState.no_answer': 'tidak menjawab',
  'printerState.write_failed': 'gagal mencetak',
  'printerState.no_printer': 'belum diatur',
  // Priority groups (UU 25/2009 ps. 29)
  'priority.disability': 'Penyandang disabilitas',
  'priority.elderly': 'Lansia',
  'priority.pregnant': 'Ibu hamil',
  'priority.child': 'Anak-anak',
  'priority.disaster_victim': 'Korban bencana',
  // Every error code a hub may answer with (errorText)
  'error.bad_request': 'Data yang dikirim tidak valid.',
  'error.unknown_event': 'Perintah tidak dikenal oleh server.',
  'error.unauthorized': 'Silakan masuk kembali.',
  'error.forbidden': 'Anda tidak berwenang melakukan ini.',
  'error.locked':
    'Terlalu banyak kata sandi salah. Akun dikunci 15 menit; coba lagi nanti atau hubungi admin.',
  'error.rate_limited':
    'Terlalu banyak permintaan dari perangkat ini. Tunggu sebentar lalu coba lagi.',
  'error.not_found': 'Data tidak ditemukan.',
  'error.version_mismatch': 'Aplikasi perlu diperbarui.',
  'error.conflict': 'Perintah ini bentrok dengan perintah lain.',
  'error.internal': 'Terjadi gangguan di server. Tidak ada yang berubah.',
  'error.service_not_found': 'Layanan tidak ditemukan.',
  'error.service_inactive': 'Layanan ini sedang tidak tersedia.',
  'error.service_closed': 'Layanan ini sedang tutup.',
  'error.quota_reached': 'Kuota antrean hari ini sudah habis.',
  'error.counter_not_found': 'Loket tidak ditemukan.',
  'error.counter_closed': 'Loket belum dibuka.',
  'error.counter_paused': 'Loket sedang istirahat.',
  'error.counter_busy': 'Selesaikan dulu tiket yang sedang dipanggil.',
  'error.counter_idle': 'Tidak ada tiket di loket ini.',
  'error.not_served_here': 'Loket ini tidak melayani tiket tersebut.',
  'error.queue_empty': 'Tidak ada antrean menunggu.',
  'error.ticket_not_found': 'Tiket tidak ditemukan.',
  'error.illegal_transition': 'Tindakan ini tidak bisa dilakukan untuk tiket ini sekarang.',
  'error.recall_required': 'Panggil ulang dulu sebelum menandai tidak hadir.',
  'error.requeue_window_passed': 'Batas waktu untuk mengantre kembali sudah lewat.',
  'error.same_service': 'Tiket sudah berada di layanan tersebut.',
  'error.online_only': 'Pada jam ini layanan ini hanya melayani antrean online (booking).',
  'error.invalid_nik': 'NIK tidak valid. Periksa kembali 16 digit NIK Anda.',
  'error.booking_not_offered': 'Layanan ini tidak menerima booking online.',
  'error.unknown_session': 'Sesi tersebut tidak ada pada hari itu.',
  'error.date_not_bookable': 'Tanggal tersebut tidak bisa dipesan.',
  'error.window_closed': 'Pemesanan untuk tanggal itu sudah ditutup atau belum dibuka.',
  'error.full': 'Sesi ini sudah penuh.',
  'error.duplicate_booking': 'NIK ini sudah memesan layanan ini pada hari yang sama.',
  'error.too_many_bookings': 'NIK ini sudah memiliki terlalu banyak booking aktif.',
  'error.booking_cancelled': 'Booking ini sudah dibatalkan.',
  'error.already_checked_in': 'Booking ini sudah check-in.',
  'error.not_today': 'Booking ini untuk hari lain.',
  'error.too_early': 'Check-in belum dibuka.',
  'error.too_late': 'Waktu check-in sudah lewat.',
  'error.booking_not_found': 'Booking tidak ditemukan. Periksa kode dan NIK.',
} satisfies Record<CodeKey, string> & Record<string, string>;

export type SharedWord = keyof typeof id;

export const SHARED_WORDS: Messages<SharedWord> = {
  id,
  en: {
    // Buttons and states
    language: 'Bahasa Indonesia',
    loading: 'Loading…',
    back: 'Back',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    saving: 'Saving…',
    edit: 'Edit',
    delete: 'Delete',
    done: 'Done',
    checking: 'Checking…',
    sending: 'Sending…',
    // Sign-in (SignInScreen)
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signOut: 'Sign out',
    username: 'Username',
    password: 'Password',
    wrongPassword: 'Wrong username or password. Check and try again.',
    serverUnreachable: 'The server cannot be reached. Check the network and try again.',
    loginLocked:
      'This account is locked after too many wrong passwords. Try again in {minutes} minutes, or ask the admin to unlock it.',
    // Pairing a device
    pairCode: 'Pairing code',
    pairAsking: 'Asking for a pairing code…',
    pairOffline: 'The server cannot be reached yet — retrying…',
    // The building and its queue
    agency: 'Agency',
    service: 'Service',
    counter: 'Counter',
    date: 'Date',
    statusOpen: 'Open',
    called: 'Called',
    noShow: 'No-show',
    // A visitor’s ticket
    yourNumber: 'Your queue number',
    ahead: '{n} people ahead of you',
    goTo: 'Please go to',
    estimatedWait: 'Estimated wait {wait}',
    placeCounters: 'Counter {numbers}',
    notifyFinished: 'This ticket is finished; no messages will be sent.',
    notifyFailed: 'That did not work. Please try again in a moment.',
    // The service standard (standar pelayanan)
    chooseService: 'Choose a service',
    standardTitle: 'Service standard',
    requirements: 'Requirements',
    procedure: 'Procedure',
    duration: 'Time needed',
    cost: 'Cost',
    product: 'What you receive',
    complaints: 'Complaints',
    // The SKM form (SkmForm, SkmSteps)
    'skm.surveyTitle': 'How was our service?',
    'skm.surveyAnonymous': 'Your answers are anonymous: no name or NIK is recorded.',
    'skm.surveyProgress': '{n} of 9 answered',
    'skm.surveyDemographics': 'About you (optional)',
    'skm.surveyDemographicsNote':
      'You may skip this. Press "Send my rating" if you prefer not to say.',
    'skm.surveyChoose': '— choose —',
    'skm.ageBand': 'Age',
    'skm.sex': 'Sex',
    'skm.education': 'Highest education',
    'skm.job': 'Occupation',
    'skm.surveySubmit': 'Send my rating',
    'skm.stepCount': 'Question {n} of {total}',
    'skm.stepPrevious': 'Previous question',
    'skm.stepNext': 'Next',
    'skm.stepLast': 'Almost done',
    'error.offline': 'Not connected to the server. Try again shortly.',
    'skm.errorSurvey': 'Your answers were not sent. Please try again.',
    // Staff alarms (alarmText), on the admin’s live page and a supervisor’s counter
    'alarm.title': 'Queue alerts',
    'alarm.wait_over_target':
      '{service}: longest wait is past the {target}-minute target (number {ticket})',
    'alarm.too_many_waiting': '{service}: {waiting} people waiting, over the limit of {max}',
    'alarm.no_open_counter': '{service}: {waiting} people waiting, no counter open',
    'alarm.counter_paused_long': '{counter} on a break for over {limit} minutes',
    'alarm.printer': 'Printer {device}: {alert}',
    'alarm.reason': ' ({reason})',
    'alarm.since': 'since {time}, {duration}',
    'alarm.minutes': '{m} min',
    'alarm.hours': '{h} h {m} min',
    // A kiosk printer’s state, in an alarm
    'printerState.paper_out': 'out of paper',
    'printerState.paper_near_end': 'paper nearly out',
    'printerState.cover_open': 'cover open',
    'printerState.offline': 'off or disconnected',
    'printerState.no_answer': 'not answering',
    'printerState.write_failed': 'printing failed',
    'printerState.no_printer': 'not set up',
    // Priority groups (UU 25/2009 ps. 29)
    'priority.disability': 'Person with disability',
    'priority.elderly': 'Elderly',
    'priority.pregnant': 'Pregnant woman',
    'priority.child': 'Child',
    'priority.disaster_victim': 'Disaster victim',
    // Every error code a hub may answer with (errorText)
    'error.bad_request': 'The data sent is not valid.',
    'error.unknown_event': 'The server does not know this command.',
    'error.unauthorized': 'Please sign in again.',
    'error.forbidden': 'You are not allowed to do this.',
    'error.locked':
      'Too many wrong passwords. The account is locked for 15 minutes; try again later or ask the admin.',
    'error.rate_limited': 'Too many requests from this device. Wait a moment, then try again.',
    'error.not_found': 'Not found.',
    'error.version_mismatch': 'This app needs an update.',
    'error.conflict': 'This command clashes with another.',
    'error.internal': 'The server had a problem. Nothing was changed.',
    'error.service_not_found': 'Service not found.',
    'error.service_inactive': 'This service is not available.',
    'error.service_closed': 'This service is closed now.',
    'error.quota_reached': "Today's quota for this service is used up.",
    'error.counter_not_found': 'Counter not found.',
    'error.counter_closed': 'The counter is not open.',
    'error.counter_paused': 'The counter is on a break.',
    'error.counter_busy': 'Finish the ticket being called first.',
    'error.counter_idle': 'This counter holds no ticket.',
    'error.not_served_here': 'This counter does not serve that ticket.',
    'error.queue_empty': 'Nobody is waiting.',
    'error.ticket_not_found': 'Ticket not found.',
    'error.illegal_transition': 'This cannot be done to this ticket now.',
    'error.recall_required': 'Recall first before marking absent.',
    'error.requeue_window_passed': 'Too late to rejoin the queue.',
    'error.same_service': 'The ticket is already in that service.',
    'error.online_only': 'At this hour this service serves online bookings only.',
    'error.invalid_nik': 'This NIK is not valid. Check its 16 digits.',
    'error.booking_not_offered': 'This service takes no online bookings.',
    'error.unknown_session': 'That session does not exist on that day.',
    'error.date_not_bookable': 'That date cannot be booked.',
    'error.window_closed': 'Booking for that date is closed or not open yet.',
    'error.full': 'This session is full.',
    'error.duplicate_booking': 'This NIK already booked this service on that day.',
    'error.too_many_bookings': 'This NIK has too many active bookings.',
    'error.booking_cancelled': 'This booking was cancelled.',
    'error.already_checked_in': 'This booking is already checked in.',
    'error.not_today': 'This booking is for another day.',
    'error.too_early': 'Check-in is not open yet.',
    'error.too_late': 'The check-in time has passed.',
    'error.booking_not_found': 'Booking not found. Check the code and NIK.',
  },
};

export const sharedT = (language: Language): Translator<SharedWord> =>
  translator(SHARED_WORDS, language);

/** An app's catalogue: the shared words and its own, none of which may reuse a shared key. */
export function withSharedWords<K extends string>(own: {
  id: Record<K, string> & { readonly [W in SharedWord]?: never };
  en: Record<NoInfer<K>, string>;
}): Messages<K | SharedWord> {
  return { id: { ...SHARED_WORDS.id, ...own.id }, en: { ...SHARED_WORDS.en, ...own.en } };
}

/** Plain words for an error code; an unknown one (a newer hub's) as `internal`. */
export function errorText(code: string, language: Language): string {
  const key = `error.${code}`;
  return sharedT(language)(key in SHARED_WORDS.id ? (key as SharedWord) : 'error.internal');
}
