import type { FieldRule } from './field-messages';

// The notification schemas' field messages (packages/protocol/src/notifications.ts).
export const NOTIFY_FIELD_RULES: FieldRule[] = [
  [/^required$/, () => ({ id: 'Wajib diisi.', en: 'Required.' })],
  [
    /^Invalid input: expected int/,
    () => ({ id: 'Isi dengan bilangan bulat.', en: 'Enter a whole number.' }),
  ],
  [
    /^an http:\/\/ or https:\/\/ address$/,
    () => ({
      id: 'Tulis alamat lengkap yang diawali http:// atau https://.',
      en: 'A full address starting with http:// or https://.',
    }),
  ],
  [
    /^a Graph API version like v21\.0$/,
    () => ({ id: 'Tulis versi seperti v21.0.', en: 'A version like v21.0.' }),
  ],
  [
    /^the phone number id: digits$/,
    () => ({
      id: 'Phone number ID berisi angka saja (5–20 digit), dari WhatsApp Manager.',
      en: 'The phone number ID is digits only (5–20), from WhatsApp Manager.',
    }),
  ],
  [
    /^a template name: a-z, 0-9, _$/,
    () => ({
      id: 'Nama templat hanya huruf kecil, angka dan _ (mis. antrean_dipanggil).',
      en: 'A template name has lowercase letters, digits and _ only (e.g. ticket_called).',
    }),
  ],
  [
    /^a header name$/,
    () => ({
      id: 'Nama header hanya huruf, angka dan tanda hubung (mis. Authorization).',
      en: 'A header name has letters, digits and dashes only (e.g. Authorization).',
    }),
  ],
  [
    /^mailto:admin@… or an https:\/\/ address$/,
    () => ({
      id: 'Tulis mailto: dan alamat email (mis. mailto:admin@mpp-kota.go.id) atau alamat https://.',
      en: 'Write mailto: and an email (e.g. mailto:admin@mpp-kota.go.id) or an https:// address.',
    }),
  ],
  [
    /^a mobile number like 081234567890$/,
    () => ({
      id: 'Tulis nomor HP seperti 081234567890 atau +6281234567890.',
      en: 'A mobile number like 081234567890 or +6281234567890.',
    }),
  ],
  [
    /^not a channel for phone numbers$/,
    () => ({
      id: 'Saluran ini tidak mengirim ke nomor telepon; pilih WhatsApp, gateway atau Log.',
      en: 'This channel does not send to phone numbers; choose WhatsApp, a gateway or Log.',
    }),
  ],
  [
    /^unknown placeholder (\{\w+\})$/,
    (m) => ({
      id: `Isian ${m[1]} tidak dikenal pesan ini. Pakai isian dari daftar di atas.`,
      en: `This message has no placeholder ${m[1]}. Use one from the list above.`,
    }),
  ],
];
