import type { ConflictReason } from '@antre/protocol';
import { fieldError } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { conflictText, refusalNotice, refusalText } from './conflict-messages';

const refusal = (reasons: ConflictReason[]) => ({ message: 'Not saved: in English', reasons });

describe('conflict reasons from the hub', () => {
  it.each([
    [
      { code: 'service_open_tickets', name: 'KTP-el', label: 'A-004' },
      'Layanan “KTP-el” masih punya nomor antrean yang belum selesai hari ini (mis. A-004); biarkan layanan ini atau nonaktifkan saja.',
      'Service “KTP-el” still has open tickets today (e.g. A-004); keep it or deactivate it.',
    ],
    [
      { code: 'counter_open', name: 'Loket 3' },
      'Loket “Loket 3” sedang buka; tutup dulu sebelum menghapusnya.',
      'Counter “Loket 3” is open; close it before deleting it.',
    ],
    [
      { code: 'agency_in_use', name: 'Samsat' },
      'Instansi “Samsat” masih dipakai oleh pengguna atau riwayat antrean.',
      'Agency “Samsat” is still used by people or ticket history.',
    ],
    [
      { code: 'username_taken', name: 'petugas.satu' },
      'Nama pengguna “petugas.satu” sudah dipakai. Pilih nama lain.',
      'The username “petugas.satu” is taken. Choose another.',
    ],
  ] as const)('%o reads in Indonesian and English', (reason, id, en) => {
    expect(conflictText(refusal([reason]), 'id')).toBe(id);
    expect(conflictText(refusal([reason]), 'en')).toBe(en);
  });

  it('when there are many reasons, then three are read and the rest counted', () => {
    const reasons = ['1', '2', '3', '4', '5'].map((n): ConflictReason => ({
      code: 'counter_paused',
      name: `Loket ${n}`,
    }));
    const text = conflictText(refusal(reasons), 'id');
    expect(text).toMatch(/^Loket “Loket 1” sedang istirahat; .*Loket “Loket 3”.* Dan 2 lainnya\.$/);
    expect(text).not.toContain('Loket 4');
  });

  it('when the hub gives no reasons or one this app does not know, then its error code is read, never its English', () => {
    expect(conflictText({ code: 'conflict', message: 'Not saved: something new' }, 'id')).toBe(
      'Perintah ini bentrok dengan perintah lain.',
    );
    const unknown = { code: 'zone_renamed', name: 'Lantai 1' } as unknown as ConflictReason;
    expect(conflictText(refusal([unknown]), 'en')).toBe('This command clashes with another.');
  });
});

describe('any refusal from the hub', () => {
  it.each([
    [
      { code: 'forbidden', message: 'A supervisor may not do this' },
      'Anda tidak berwenang melakukan ini.',
      'You are not allowed to do this.',
    ],
    [
      {
        code: 'not_found',
        message: 'No device is waiting with code ZZZ-999; check the code on its screen',
        fields: [fieldError('code', 'pairing_code_unknown')],
      },
      'Tidak ada perangkat yang menunggu dengan kode ini. Periksa kode di layar perangkat.',
      'No device is waiting with this code. Check the code on its screen.',
    ],
    [
      {
        code: 'conflict',
        message: 'This device opened the display app; pair it as a display',
        fields: [fieldError('role', 'device_app', { variant: 'display' })],
      },
      'Perangkat ini membuka aplikasi layar; setujui sebagai Layar.',
      'This device opened the display app; approve it as a Display.',
    ],
    [
      {
        code: 'bad_request',
        message: 'the template is empty',
        fields: [{ path: 'template', rule: 'a_newer_rule', message: 'x y z' }],
      },
      'Data yang dikirim tidak valid.',
      'The data sent is not valid.',
    ],
    [
      { code: 'offline', message: 'offline' },
      'Tidak tersambung ke server. Coba lagi sebentar.',
      'Not connected to the server. Try again shortly.',
    ],
  ])("%o reads in the admin's words", (given, id, en) => {
    expect(refusalText(given, 'id')).toBe(id);
    expect(refusalText(given, 'en')).toBe(en);
  });
});

describe('the notice over a refused form', () => {
  const error = { code: 'not_found', message: 'No device is waiting with this code' };
  it.each([
    [400, 'Ada isian yang perlu diperbaiki; lihat tanda merah.'],
    [403, 'Anda tidak berwenang untuk ini.'],
    [409, 'Tidak dapat disimpan: Data tidak ditemukan.'],
    [404, 'Ditolak oleh server: Data tidak ditemukan.'],
  ])('when the hub answers %i, then the notice says what to do', (status, words) => {
    expect(refusalNotice({ status, error }, 'id')).toBe(words);
  });
});
