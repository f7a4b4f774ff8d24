import type { Translator } from '@antre/ui';
import { catalogue, withSharedWords } from '@antre/ui';

// The display board's one catalogue: Indonesian first, then English under the same keys (a
// missing one does not compile). The words every app shares come from @antre/ui.
const id = {
  // The board
  title: 'Papan Antrean',
  nowCalling: 'Nomor Antrean',
  recall: 'Panggilan ulang',
  online: 'Online',
  onlineTitle: 'Antrean online (booking)',
  proceedTo: 'Silakan menuju',
  recent: 'Panggilan sebelumnya',
  nowServing: 'Sedang dilayani',
  noCalls: 'Belum ada panggilan',
  waitingNext: 'Menunggu panggilan berikutnya',
  waitingTitle: 'Menunggu',
  people: '{count} orang',
  counterClosed: 'Tutup',
  counterPaused: 'Istirahat',
  noCallsHint: 'Nomor yang dipanggil akan tampil di sini',
  idle: '—',
  enableSound: 'Aktifkan suara',
  enableSoundHint: 'Ketuk sekali agar panggilan terdengar',
  offline: 'Koneksi ke server terputus — menyambung kembali…',
  loadingBoard: 'Memuat papan antrean…',
  noToken: 'Papan ini belum terdaftar',
  noTokenHint: 'Buka tautan papan dari admin (…/display/?token=…) di perangkat ini.',
  refused: 'Papan ini tidak dapat masuk',
  pairTitle: 'Papan ini belum terdaftar',
  pairHint:
    'Minta admin memasukkan kode ini di halaman Perangkat. Papan akan tampil sendiri setelah disetujui.',
  pairRejected: 'Permintaan sebelumnya ditolak; ini kode baru',
  runningText:
    'Selamat datang di {site}. Mohon menunggu nomor antrean Anda dipanggil. Layanan prioritas tersedia bagi penyandang disabilitas, lansia, ibu hamil, dan anak-anak.',
};

export const MESSAGES = withSharedWords({
  id,
  en: {
    // The board
    title: 'Queue Board',
    nowCalling: 'Ticket Number',
    recall: 'Called again',
    online: 'Online',
    onlineTitle: 'Online booking',
    proceedTo: 'Please proceed to',
    recent: 'Earlier calls',
    nowServing: 'Now serving',
    noCalls: 'No calls yet',
    waitingNext: 'Waiting for the next call',
    waitingTitle: 'Waiting',
    people: '{count} waiting',
    counterClosed: 'Closed',
    counterPaused: 'On break',
    noCallsHint: 'Called numbers appear here',
    idle: '—',
    enableSound: 'Turn on sound',
    enableSoundHint: 'Tap once so calls can be heard',
    offline: 'Connection to the server lost — reconnecting…',
    loadingBoard: 'Loading the queue board…',
    noToken: 'This board is not registered',
    noTokenHint: "Open the board's link from the admin (…/display/?token=…) on this device.",
    refused: 'This board cannot sign in',
    pairTitle: 'This board is not registered yet',
    pairHint:
      'Ask the admin to enter this code on the Devices page. The board starts by itself once approved.',
    pairRejected: 'The previous request was refused; this is a new code',
    runningText:
      'Welcome to {site}. Please wait for your ticket number to be called. Priority service is available for people with disabilities, the elderly, pregnant women and children.',
  },
});

export type MessageKey = keyof typeof MESSAGES.id;
export type Translate = Translator<MessageKey>;
export const { translate, isMessageKey } = catalogue(MESSAGES);
