import type { FieldError } from '@antre/protocol';
import { fieldError } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { importProblems, placeOf } from './import-problems';

// A building file as an admin might have broken it by hand.
const file = {
  format: 'antre-building',
  version: 1,
  exportedAt: '2026-11-23',
  building: {
    site: { name: 'MPP', holidays: [{ date: '2026-13-01', name: 'Tahun Baru' }] },
    zones: [],
    agencies: [{ id: 'disdukcapil', name: 'Disdukcapil' }],
    services: [
      { id: 'ktp', name: 'Perekaman KTP-el', prefix: 'a', standard: { requirements: [''] } },
      { id: 'kk', name: '  ', prefix: 'B' },
    ],
    counters: [
      { id: 'loket-1', name: 'Loket 1', services: [{ serviceId: 'ktp' }, { serviceId: 'x' }] },
    ],
  },
};

describe('the bad fields of an import, as a person reads them', () => {
  it.each([
    [
      'building.services.0.prefix',
      { rule: 'prefix_letters' },
      'Layanan «Perekaman KTP-el» › Awalan: Satu atau dua huruf kapital, mis. A atau AB.',
      'Service «Perekaman KTP-el» › Prefix: One or two capital letters, e.g. A or AB.',
    ],
    [
      'building.services.1.name',
      { rule: 'required' },
      'Layanan 2 › Nama: Wajib diisi.',
      'Service 2 › Name: Required.',
    ],
    [
      'building.services.0.standard.requirements.0',
      { rule: 'required' },
      'Layanan «Perekaman KTP-el» › Standar pelayanan › Persyaratan 1: Wajib diisi.',
      'Service «Perekaman KTP-el» › Service standard › Requirement 1: Required.',
    ],
    [
      'building.counters.0.services.0.weight',
      { rule: 'too_small', values: { min: 1 } },
      'Loket «Loket 1» › Layanan «Perekaman KTP-el» › Bobot: Paling kecil 1.',
      'Counter «Loket 1» › Service «Perekaman KTP-el» › Weight: At least 1.',
    ],
    [
      'building.counters.0.services.1.serviceId',
      { rule: 'unknown_service' },
      'Loket «Loket 1» › Layanan 2 › Kode layanan: Layanan tidak ditemukan.',
      'Counter «Loket 1» › Service 2 › Service id: Unknown service.',
    ],
    [
      'building.site.hours.mon.open',
      { rule: 'clock_time' },
      'Pengaturan gedung › Jam kerja › Senin › Buka: Tulis jam seperti 07:30.',
      'Site settings › Working hours › Monday › Opens: A time like 07:30.',
    ],
    [
      'building.site.holidays.0.date',
      { rule: 'date' },
      'Pengaturan gedung › Hari libur «Tahun Baru» › Tanggal: Isi tanggal yang lengkap.',
      'Site settings › Holiday «Tahun Baru» › Date: Enter a full date.',
    ],
    [
      'building.zones',
      { rule: 'too_few', values: { min: 1 } },
      'Zona: Pilih paling sedikit 1.',
      'Zones: Choose at least 1.',
    ],
    [
      'building.services.0',
      { rule: 'unknown_keys', values: { names: '"colour"' } },
      'Layanan «Perekaman KTP-el»: Isian tidak dikenal: "colour".',
      'Service «Perekaman KTP-el»: Unknown field: "colour".',
    ],
    [
      'building.services.7.prefix',
      { rule: 'prefix_used' },
      'Layanan 8 › Awalan: Awalan ini sudah dipakai layanan lain.',
      'Service 8 › Prefix: Another service uses this prefix.',
    ],
    [
      'format',
      { rule: 'invalid' },
      'Jenis berkas: Isian tidak valid.',
      'File type: Invalid value.',
    ],
    ['(root)', { rule: 'invalid' }, 'Berkas: Isian tidak valid.', 'File: Invalid value.'],
    [
      'building.services.0.colour',
      { rule: 'colour_scheme', message: 'something new' },
      'Layanan «Perekaman KTP-el» › colour: something new',
      'Service «Perekaman KTP-el» › colour: something new',
    ],
  ] as [string, Partial<FieldError>, string, string][])(
    '%s %o reads "%s" and "%s"',
    (path, broken, id, en) => {
      const fields = { [path]: { path, message: 'in English', ...broken } as FieldError };
      expect(importProblems(fields, file, 'id')).toEqual([id]);
      expect(importProblems(fields, file, 'en')).toEqual([en]);
    },
  );

  it('names the place even when the file is not an object at all', () => {
    expect(placeOf('building.services.0.prefix', 'not a file', 'id')).toBe('Layanan 1 › Awalan');
  });

  it.each([
    [5, 5, null],
    [7, 5, ['…dan 2 lainnya.', '…and 2 more.']],
  ])('with %i bad fields, shows %i and then how many more', (count, shown, more) => {
    const fields = Object.fromEntries(
      Array.from({ length: count }, (_, i) => {
        const path = `building.services.${i}.prefix`;
        return [path, fieldError(path, 'duplicate_id')];
      }),
    );
    const id = importProblems(fields, file, 'id');
    const en = importProblems(fields, file, 'en');
    expect(id.slice(0, shown).every((line) => line.endsWith('Kode ini sudah dipakai.'))).toBe(true);
    expect(id.slice(shown)).toEqual(more ? [more[0]] : []);
    expect(en.slice(shown)).toEqual(more ? [more[1]] : []);
  });
});
