import type { Messages } from '@antre/ui';

export const MESSAGES = {
  id: {
    title: 'Papan Antrean',
    nowCalling: 'Nomor Antrean',
    recall: 'Panggilan ulang',
    counter: 'Loket',
    goTo: 'Silakan menuju',
    recent: 'Panggilan sebelumnya',
    nowServing: 'Sedang dilayani',
    noCalls: 'Belum ada panggilan',
    noCallsHint: 'Nomor yang dipanggil akan tampil di sini',
    idle: '—',
    enableSound: 'Aktifkan suara',
    enableSoundHint: 'Ketuk sekali agar panggilan terdengar',
    offline: 'Koneksi ke server terputus — menyambung kembali…',
    loading: 'Memuat papan antrean…',
    noToken: 'Papan ini belum terdaftar',
    noTokenHint: 'Buka tautan papan dari admin (…/display/?token=…) di perangkat ini.',
    refused: 'Papan ini tidak dapat masuk',
    pairTitle: 'Papan ini belum terdaftar',
    pairCode: 'Kode pemasangan',
    pairHint:
      'Minta admin memasukkan kode ini di halaman Perangkat. Papan akan tampil sendiri setelah disetujui.',
    pairRejected: 'Permintaan sebelumnya ditolak; ini kode baru',
    pairAsking: 'Meminta kode pemasangan…',
    pairOffline: 'Server belum dapat dihubungi — mencoba lagi…',
    runningText:
      'Selamat datang di {site}. Mohon menunggu nomor antrean Anda dipanggil. Layanan prioritas tersedia bagi penyandang disabilitas, lansia, ibu hamil, dan anak-anak.',
  },
  en: {
    title: 'Queue Board',
    nowCalling: 'Ticket Number',
    recall: 'Called again',
    counter: 'Counter',
    goTo: 'Please proceed to',
    recent: 'Earlier calls',
    nowServing: 'Now serving',
    noCalls: 'No calls yet',
    noCallsHint: 'Called numbers appear here',
    idle: '—',
    enableSound: 'Turn on sound',
    enableSoundHint: 'Tap once so calls can be heard',
    offline: 'Connection to the server lost — reconnecting…',
    loading: 'Loading the queue board…',
    noToken: 'This board is not registered',
    noTokenHint: "Open the board's link from the admin (…/display/?token=…) on this device.",
    refused: 'This board cannot sign in',
    pairTitle: 'This board is not registered yet',
    pairCode: 'Pairing code',
    pairHint:
      'Ask the admin to enter this code on the Devices page. The board starts by itself once approved.',
    pairRejected: 'The previous request was refused; this is a new code',
    pairAsking: 'Asking for a pairing code…',
    pairOffline: 'The server cannot be reached yet — retrying…',
    runningText:
      'Welcome to {site}. Please wait for your ticket number to be called. Priority service is available for people with disabilities, the elderly, pregnant women and children.',
  },
} satisfies Messages<string>;

export type MessageKey = keyof (typeof MESSAGES)['id'];
