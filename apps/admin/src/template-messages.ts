import type { Language, Messages } from '@antre/ui';
import { translator } from '@antre/ui';

// The ticket template page's own strings, beside the other pages' files.
const id = {
  title: 'Tiket',
  intro:
    'Atur isi tiket yang dicetak kiosk. Pratinjau di kanan memakai dokumen yang sama dengan yang diterima printer, dengan data contoh.',
  editorLabel: 'Templat tiket (receiptline)',
  placeholdersTitle: 'Isian yang tersedia',
  placeholdersHint: 'Tulis {{nama}}. Baris yang semua isiannya kosong tidak dicetak.',
  preview: 'Pratinjau',
  paper: 'Kertas {mm} mm',
  previewAlt: 'Pratinjau tiket di kertas {mm} mm',
  previewing: 'Memperbarui pratinjau…',
  save: 'Simpan',
  saving: 'Menyimpan…',
  saved: 'Tersimpan. Tiket berikutnya dicetak dengan templat ini.',
  reset: 'Kembalikan ke bawaan',
  resetHint: 'Mengisi editor dengan templat bawaan; tekan Simpan untuk memakainya.',
  unsaved: 'Ada perubahan yang belum disimpan.',
  isDefault: 'Saat ini memakai templat bawaan.',
  isCustom: 'Saat ini memakai templat sendiri.',
  refused: 'Tidak disimpan: {reason}',
  unknownNames: 'isian tidak dikenal {names}. Pilih dari daftar isian di bawah.',
  previewFailed: 'Pratinjau gagal: {reason}',
  offline: 'Server tidak dapat dihubungi. Periksa jaringan lalu coba lagi.',
  loadFailed: 'Templat tidak dapat dimuat: {reason}',
  siteName: 'nama gedung',
  agencyName: 'nama instansi',
  serviceName: 'nama layanan',
  place: 'loket dan lantai tujuan',
  label: 'nomor antrean',
  bigLabel: 'nomor antrean, huruf besar',
  priorityLabel: 'prioritas (jika ada)',
  onlineMark: 'tanda antrean online (jika dipesan online)',
  onlineSession: 'sesi yang dipesan (jika dipesan online)',
  issuedAt: 'tanggal dan jam',
  issuedDate: 'tanggal',
  issuedTime: 'jam',
  peopleAhead: 'jumlah antrean di depan',
  estimatedWait: 'perkiraan waktu tunggu',
  trackingUrl: 'alamat pantau tiket',
  trackingHint: 'ajakan memindai QR',
  footer: 'salam penutup',
} as const;

type Key = keyof typeof id;

const MESSAGES: Messages<Key> = {
  id,
  en: {
    title: 'Ticket',
    intro:
      'Set what the kiosks print on a ticket. The preview on the right uses the same document the printer receives, with sample data.',
    editorLabel: 'Ticket template (receiptline)',
    placeholdersTitle: 'Available placeholders',
    placeholdersHint: 'Write {{name}}. A line whose placeholders are all empty is not printed.',
    preview: 'Preview',
    paper: '{mm} mm paper',
    previewAlt: 'Ticket preview on {mm} mm paper',
    previewing: 'Updating the preview…',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved. The next tickets print with this template.',
    reset: 'Back to the default',
    resetHint: 'Fills the editor with the default template; press Save to use it.',
    unsaved: 'There are unsaved changes.',
    isDefault: 'The default template is in use.',
    isCustom: 'A custom template is in use.',
    refused: 'Not saved: {reason}',
    unknownNames: 'unknown placeholders {names}. Choose from the list below.',
    previewFailed: 'Preview failed: {reason}',
    offline: 'The server cannot be reached. Check the network and try again.',
    loadFailed: 'The template could not be loaded: {reason}',
    siteName: 'building name',
    agencyName: 'agency name',
    serviceName: 'service name',
    place: 'counters and floor to go to',
    label: 'ticket number',
    bigLabel: 'ticket number, large',
    priorityLabel: 'priority (if any)',
    onlineMark: 'online booking mark (if booked online)',
    onlineSession: 'booked session (if booked online)',
    issuedAt: 'date and time',
    issuedDate: 'date',
    issuedTime: 'time',
    peopleAhead: 'people ahead',
    estimatedWait: 'estimated wait',
    trackingUrl: 'ticket tracking address',
    trackingHint: 'invitation to scan the QR',
    footer: 'closing words',
  },
};

export type TemplateKey = Key;
export type TemplateT = (key: TemplateKey, values?: Record<string, string | number>) => string;
export const templateT = (language: Language): TemplateT => translator(MESSAGES, language);
/** Whether a placeholder name has a description here (the hub may know newer ones). */
export const describes = (name: string): name is TemplateKey => name in id;
