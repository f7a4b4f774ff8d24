import { describe, expect, it } from 'vitest';
import { fieldMessage } from './field-messages';

describe('field messages from the hub', () => {
  it.each([
    ['Too small: expected string to have >=1 characters', 'Wajib diisi.', 'Required.'],
    [
      'Too big: expected string to have <=120 characters',
      'Maksimal 120 karakter.',
      'At most 120 characters.',
    ],
    ['Too small: expected number to be >=1', 'Paling kecil 1.', 'At least 1.'],
    ['Invalid input: expected number, received string', 'Isi dengan angka.', 'Enter a number.'],
    [
      'one or two capital letters',
      'Satu atau dua huruf kapital, mis. A atau AB.',
      'One or two capital letters, e.g. A or AB.',
    ],
    ['unknown service', 'Layanan tidak ditemukan.', 'Unknown service.'],
    ["another agency's service", 'Layanan ini milik instansi lain.', "Another agency's service."],
    ['Unrecognized keys: "a", "b"', 'Isian tidak dikenal: "a", "b".', 'Unknown field: "a", "b".'],
    ['Invalid ISO date', 'Isi tanggal yang lengkap.', 'Enter a full date.'],
    [
      'a PNG, JPEG or WebP image',
      'Harus gambar PNG, JPEG atau WebP.',
      'Must be a PNG, JPEG or WebP image.',
    ],
    ['image larger than 200 KB', 'Gambar lebih dari 200 KB.', 'The image is over 200 KB.'],
    ['the template is empty', 'Templat masih kosong.', 'The template is empty.'],
    [
      'no device is waiting with this code',
      'Tidak ada perangkat yang menunggu dengan kode ini. Periksa kode di layar perangkat.',
      'No device is waiting with this code. Check the code on its screen.',
    ],
    [
      'this code has expired',
      'Kode ini sudah kedaluwarsa. Perangkat kini menampilkan kode baru; pakai kode itu.',
      'This code has expired. The device now shows a new code; use that one.',
    ],
    [
      'the device opened the display app',
      'Perangkat ini membuka aplikasi layar; setujui sebagai Layar.',
      'This device opened the display app; approve it as a Display.',
    ],
    [
      'name already used by another device',
      'Nama ini sudah dipakai perangkat lain. Pilih nama lain.',
      'Another device already has this name. Choose another.',
    ],
    [
      'Too small: expected array to have >=1 items',
      'Pilih paling sedikit 1.',
      'Choose at least 1.',
    ],
    [
      '3–64 lowercase letters, digits, dots, - or _',
      '3–64 karakter: huruf kecil, angka, titik, - atau _ (mis. petugas.budi).',
      '3–64 lowercase letters, digits, dots, - or _ (e.g. officer.budi).',
    ],
    ['at least 10 characters', 'Minimal 10 karakter.', 'At least 10 characters.'],
    [
      'an admin has no agency',
      'Admin gedung tidak terikat instansi.',
      'A building admin has no agency.',
    ],
    ['choose the agency', 'Pilih instansinya.', 'Choose the agency.'],
    [
      'not your own role or agency',
      'Peran dan instansi sendiri tidak dapat diubah.',
      'You cannot change your own role or agency.',
    ],
    [
      'Unknown placeholders: {{footr}}',
      'Isian tidak dikenal: {{footr}}. Pilih dari daftar isian.',
      'Unknown placeholders: {{footr}}. Choose from the list.',
    ],
    [
      'unknown placeholders: {{a}}, {{b}}',
      'Isian tidak dikenal: {{a}}, {{b}}. Pilih dari daftar isian.',
      'Unknown placeholders: {{a}}, {{b}}. Choose from the list.',
    ],
    [
      'control or text-direction characters are not allowed',
      'Berisi karakter kendali atau penanda arah teks yang tidak diizinkan. Ketik ulang teksnya.',
      'Contains control or text-direction characters, which are not allowed. Type it again.',
    ],
    [
      'something the hub may say one day',
      'something the hub may say one day',
      'something the hub may say one day',
    ],
  ])('"%s" reads "%s" in Indonesian and "%s" in English', (message, id, en) => {
    expect(fieldMessage(message, 'id')).toBe(id);
    expect(fieldMessage(message, 'en')).toBe(en);
  });
});
