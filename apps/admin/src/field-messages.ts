// The hub names bad fields in English (zod's words and the building schema's). Forms speak
// the admin's language: known messages are translated, anything else is shown as it came.

import { NOTIFY_FIELD_RULES } from './notify-field-rules';

export type FieldRule = [RegExp, (m: RegExpMatchArray) => { id: string; en: string }];

const RULES: FieldRule[] = [
  ...NOTIFY_FIELD_RULES,
  [
    /^Too small: expected string to have >=1 characters?$/,
    () => ({ id: 'Wajib diisi.', en: 'Required.' }),
  ],
  [
    /^Too small: expected string to have >=(\d+) characters$/,
    (m) => ({ id: `Minimal ${m[1]} karakter.`, en: `At least ${m[1]} characters.` }),
  ],
  [
    /^Too big: expected string to have <=(\d+) characters$/,
    (m) => ({ id: `Maksimal ${m[1]} karakter.`, en: `At most ${m[1]} characters.` }),
  ],
  [
    /^Too small: expected number to be >=?(-?[\d.]+)$/,
    (m) => ({ id: `Paling kecil ${m[1]}.`, en: `At least ${m[1]}.` }),
  ],
  [
    /^Too big: expected number to be <=?(-?[\d.]+)$/,
    (m) => ({ id: `Paling besar ${m[1]}.`, en: `At most ${m[1]}.` }),
  ],
  [
    /^Too small: expected array to have >=(\d+) items?$/,
    (m) => ({ id: `Pilih paling sedikit ${m[1]}.`, en: `Choose at least ${m[1]}.` }),
  ],
  [/^Invalid input: expected number/, () => ({ id: 'Isi dengan angka.', en: 'Enter a number.' })],
  [/^Invalid input: expected string/, () => ({ id: 'Wajib diisi.', en: 'Required.' })],
  [/^Invalid input/, () => ({ id: 'Isian tidak valid.', en: 'Invalid value.' })],
  [/^Invalid option/, () => ({ id: 'Pilihan tidak dikenal.', en: 'Unknown choice.' })],
  [
    /^lowercase letters, digits and dashes$/,
    () => ({
      id: 'Hanya huruf kecil, angka dan tanda hubung.',
      en: 'Lowercase letters, digits and dashes only.',
    }),
  ],
  [
    /^an address like https:\/\/antre\.example\.go\.id, not loopback$/,
    () => ({
      id: 'Tulis alamat seperti https://antre.mpp-kota.go.id atau http://192.168.1.10:8080: http atau https, tanpa jalur, bukan 127.0.0.1/localhost.',
      en: 'Write an address like https://antre.mpp-kota.go.id or http://192.168.1.10:8080: http or https, no path, not 127.0.0.1/localhost.',
    }),
  ],
  [/^a time like 07:30$/, () => ({ id: 'Tulis jam seperti 07:30.', en: 'A time like 07:30.' })],
  [
    /^closes before it opens$/,
    () => ({ id: 'Jam tutup sebelum jam buka.', en: 'Closes before it opens.' }),
  ],
  [
    /^one or two capital letters$/,
    () => ({
      id: 'Satu atau dua huruf kapital, mis. A atau AB.',
      en: 'One or two capital letters, e.g. A or AB.',
    }),
  ],
  [
    /^the session ends before it starts$/,
    () => ({ id: 'Sesi selesai sebelum dimulai.', en: 'The session ends before it starts.' }),
  ],
  [
    /^sessions overlap$/,
    () => ({ id: 'Sesi ini bertumpang tindih dengan sesi lain.', en: 'Sessions overlap.' }),
  ],
  [
    /^two sessions share an id$/,
    () => ({ id: 'Dua sesi memakai kode yang sama.', en: 'Two sessions share an id.' }),
  ],
  [
    /^one capital letter$/,
    () => ({ id: 'Satu huruf kapital, mis. B.', en: 'One capital letter, e.g. B.' }),
  ],
  [/^duplicate id$/, () => ({ id: 'Kode ini sudah dipakai.', en: 'This id is already used.' })],
  [
    /^prefix already used$/,
    () => ({
      id: 'Awalan ini sudah dipakai layanan lain.',
      en: 'Another service uses this prefix.',
    }),
  ],
  [
    /^number already used$/,
    () => ({ id: 'Nomor loket ini sudah dipakai.', en: 'Another counter has this number.' }),
  ],
  [
    /^3–64 lowercase letters, digits, dots, - or _$/,
    () => ({
      id: '3–64 karakter: huruf kecil, angka, titik, - atau _ (mis. petugas.budi).',
      en: '3–64 lowercase letters, digits, dots, - or _ (e.g. officer.budi).',
    }),
  ],
  [
    /^at least (\d+) characters$/,
    (m) => ({ id: `Minimal ${m[1]} karakter.`, en: `At least ${m[1]} characters.` }),
  ],
  [
    /^an admin has no agency$/,
    () => ({ id: 'Admin gedung tidak terikat instansi.', en: 'A building admin has no agency.' }),
  ],
  [/^choose the agency$/, () => ({ id: 'Pilih instansinya.', en: 'Choose the agency.' })],
  [
    /^not your own role or agency$/,
    () => ({
      id: 'Peran dan instansi sendiri tidak dapat diubah.',
      en: 'You cannot change your own role or agency.',
    }),
  ],
  [
    /^unknown placeholders?: (.+)$/i,
    (m) => ({
      id: `Isian tidak dikenal: ${m[1]}. Pilih dari daftar isian.`,
      en: `Unknown placeholders: ${m[1]}. Choose from the list.`,
    }),
  ],
  [/^nothing to change$/, () => ({ id: 'Tidak ada yang diubah.', en: 'Nothing to change.' })],
  [/^unknown agency$/, () => ({ id: 'Instansi tidak ditemukan.', en: 'Unknown agency.' })],
  [/^unknown zone$/, () => ({ id: 'Zona tidak ditemukan.', en: 'Unknown zone.' })],
  [/^unknown service$/, () => ({ id: 'Layanan tidak ditemukan.', en: 'Unknown service.' })],
  [
    /^another agency's service$/,
    () => ({ id: 'Layanan ini milik instansi lain.', en: "Another agency's service." }),
  ],
  [
    /^Unrecognized keys?: (.+)$/,
    (m) => ({ id: `Isian tidak dikenal: ${m[1]}.`, en: `Unknown field: ${m[1]}.` }),
  ],
  [/^Invalid ISO date$/, () => ({ id: 'Isi tanggal yang lengkap.', en: 'Enter a full date.' })],
  [
    /^control or text-direction characters are not allowed$/,
    () => ({
      id: 'Berisi karakter kendali atau penanda arah teks yang tidak diizinkan. Ketik ulang teksnya.',
      en: 'Contains control or text-direction characters, which are not allowed. Type it again.',
    }),
  ],
  [
    /^a PNG, JPEG or WebP image$/,
    () => ({ id: 'Harus gambar PNG, JPEG atau WebP.', en: 'Must be a PNG, JPEG or WebP image.' }),
  ],
  [
    /^the template is empty$/,
    () => ({ id: 'Templat masih kosong.', en: 'The template is empty.' }),
  ],
  [
    /^no device is waiting with this code$/,
    () => ({
      id: 'Tidak ada perangkat yang menunggu dengan kode ini. Periksa kode di layar perangkat.',
      en: 'No device is waiting with this code. Check the code on its screen.',
    }),
  ],
  [
    /^this code has expired$/,
    () => ({
      id: 'Kode ini sudah kedaluwarsa. Perangkat kini menampilkan kode baru; pakai kode itu.',
      en: 'This code has expired. The device now shows a new code; use that one.',
    }),
  ],
  [
    /^the device opened the (kiosk|display) app$/,
    (m) =>
      m[1] === 'display'
        ? {
            id: 'Perangkat ini membuka aplikasi layar; setujui sebagai Layar.',
            en: 'This device opened the display app; approve it as a Display.',
          }
        : {
            id: 'Perangkat ini membuka aplikasi kios; setujui sebagai Kios.',
            en: 'This device opened the kiosk app; approve it as a Kiosk.',
          },
  ],
  [
    /^name already used by another device$/,
    () => ({
      id: 'Nama ini sudah dipakai perangkat lain. Pilih nama lain.',
      en: 'Another device already has this name. Choose another.',
    }),
  ],
  [
    /^image larger than 200 KB$/,
    () => ({ id: 'Gambar lebih dari 200 KB.', en: 'The image is over 200 KB.' }),
  ],
];

/** The message in the admin's words, or null when this app does not know it yet. */
export function knownFieldMessage(message: string, language: 'id' | 'en'): string | null {
  for (const [pattern, words] of RULES) {
    const match = pattern.exec(message);
    if (match) return words(match)[language];
  }
  return null;
}

export function fieldMessage(message: string, language: 'id' | 'en'): string {
  return knownFieldMessage(message, language) ?? message;
}

/** The language the app set on the page (App keeps <html lang> current). */
export const pageLanguage = (): 'id' | 'en' =>
  typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'id';
