import { SKM_ELEMENTS } from '@antre/domain';
import type { IkmReport } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';
import { serveAndAnswer } from '../testing/survey-answers';
import { csvLines, fetchFile, firstSheet } from '../testing/export-files';

let hub: TestHub;
let admin: string;
const DAY = 'from=2026-11-23&to=2026-11-23';
const KTP = 'disdukcapil-ktp-el';
const answers = (score: number) => Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score]));

// Three KTP-el visitors answer 3, 4 and 4 on every element: NRR 11/3 = 3.67, weighted 0.407,
// Σ weighted 3.667, IKM 25 × 11/3 = 91.67 (A). Two women in their thirties, one skipped all.
const BODIES = [
  { answers: answers(3), sex: 'perempuan', ageBand: '30-39', education: 's1_d4', job: 'pns' },
  { answers: answers(4), sex: 'perempuan', ageBand: '30-39', education: 'sma', job: 'swasta' },
  { answers: answers(4) },
];

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
  await serveAndAnswer(hub, KTP, BODIES);
});
afterAll(async () => hub.close());

const download = (query: string, token = admin) =>
  fetchFile(`${hub.url}/api/reports/ikm/export?${query}`, token);

describe('the IKM report', () => {
  it('when three visitors answered, then the weighted NRR, its sum and the profile are reported', async () => {
    const report = (await hub.api(`/api/reports/ikm?${DAY}`, { token: admin }))
      .body as unknown as IkmReport;
    expect(report.building).toMatchObject({ respondents: 3, weightedSum: 3.667, ikm: 91.67 });
    expect(report.building.elements[0]).toMatchObject({ total: 11, nrr: 3.67, weighted: 0.407 });
    expect(report.profile.sex).toEqual([
      { value: 'laki_laki', count: 0 },
      { value: 'perempuan', count: 2 },
      { value: null, count: 1 },
    ]);
    expect(report.profile.ageBand.find((c) => c.value === '30-39')?.count).toBe(2);
  });
});

describe('SKM/IKM exports', () => {
  it('when the elements are exported as XLSX, then exceljs reads back NRR, weighted NRR and IKM', async () => {
    const { response, bytes } = await download(`${DAY}&table=elements&format=xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      'antre-skm-elements-2026-11-23_2026-11-23.xlsx',
    );
    const sheet = await firstSheet(bytes);
    expect(String(sheet.getCell('A1').value)).toContain('NRR per unsur');
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'Unsur',
      'Nama unsur',
      'Jumlah nilai',
      'NRR',
      'NRR tertimbang',
      'Nilai (× 25)',
      'Mutu',
    ]);
    const u1 = sheet.getRow(4);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => u1.getCell(c).value)).toEqual([
      'U1',
      'Persyaratan',
      11,
      3.67,
      0.407,
      91.67,
      'A',
    ]);
    // Two decimals always: a 3 shows as 3,00 / 3.00 in Excel, whatever the locale.
    expect(u1.getCell(4).numFmt).toBe('0.00');
    expect(u1.getCell(5).numFmt).toBe('0.000');
    const total = sheet.getRow(4 + SKM_ELEMENTS.length);
    expect([1, 5, 6, 7].map((c) => total.getCell(c).value)).toEqual(['Jumlah', 3.667, 91.67, 'A']);
  });

  it('when the profile is exported as XLSX, then counts and shares per answer are there', async () => {
    const sheet = await firstSheet((await download(`${DAY}&table=profile&format=xlsx`)).bytes);
    const rows = sheet
      .getRows(4, sheet.rowCount - 3)!
      .map((r) => [1, 2, 3, 4].map((c) => r.getCell(c).value));
    expect(rows).toContainEqual(['Jenis kelamin', 'Perempuan', 2, 66.67]);
    expect(rows).toContainEqual(['Jenis kelamin', 'Tidak diisi', 1, 33.33]);
    expect(rows).toContainEqual(['Usia', '30–39 tahun', 2, 66.67]);
    expect(rows).toContainEqual(['Pekerjaan utama', 'PNS', 1, 33.33]);
  });

  it('when the services are exported as CSV, then IKM and NRR have exactly two decimals', async () => {
    const { response, bytes } = await download(`${DAY}&table=services&format=csv`);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = csvLines(bytes);
    expect(header!.split(',').slice(0, 9)).toEqual([
      'Layanan',
      'Instansi',
      'Responden',
      'Target sampel',
      'Dilayani',
      'IKM',
      'Mutu',
      'Kinerja',
      'NRR U1',
    ]);
    const ktp = rows.find((r) => r.startsWith('Perekaman'))!.split(',');
    expect(ktp.slice(2, 10)).toEqual(['3', '3', '3', '91.67', 'A', 'Sangat Baik', '3.67', '3.67']);
  });

  it('when a supervisor exports agencies, then only their agency is in the file; an officer is refused', async () => {
    const spv = await hub.login('spv.satpas');
    const lines = csvLines((await download(`${DAY}&table=agencies&format=csv`, spv)).bytes);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^[^,]*,0,/);
    const officer = await hub.login('petugas.disdukcapil');
    expect((await download(`${DAY}&table=agencies&format=csv`, officer)).response.status).toBe(403);
    expect((await download(`${DAY}&table=nope&format=csv`)).response.status).toBe(400);
  });
});
