import type { Feedback } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';
import { csvLines, fetchFile, firstSheet } from '../testing/export-files';

let hub: TestHub;
let admin: string;

/** Three messages: a complaint and a suggestion at Disdukcapil, a complaint at Satpas. */
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
  const sent = [
    ['disdukcapil', 'complaint', 'Antrean lama sekali'],
    ['disdukcapil', 'suggestion', 'Tambah kursi, "ruang" tunggu'],
    ['satpas', 'complaint', 'AC ruang tunggu mati'],
  ] as const;
  for (const [agencyId, kind, message] of sent) {
    hub.advance(60_000);
    const response = await hub.api('/api/feedback', { body: { agencyId, kind, message } });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
  }
}, 60_000);
afterAll(async () => hub.close(), 60_000);

const list = async (query: string, token = admin) =>
  (await hub.api(`/api/feedback?${query}`, { token })).body as unknown as Feedback[];
const file = (query: string, token = admin) =>
  fetchFile(`${hub.url}/api/feedback/export?${query}`, token);

describe('Masukan filters', () => {
  it.each([
    ['', 3],
    ['agencyId=disdukcapil', 2],
    ['kind=complaint', 2],
    ['agencyId=disdukcapil&kind=suggestion', 1],
    ['agencyId=satpas&kind=suggestion', 0],
  ])('when the admin asks %s, then %i messages', async (query, n) => {
    expect(await list(query)).toHaveLength(n);
  });

  it('when a supervisor asks, then only their agency; another agency is refused; a bad kind 400', async () => {
    const spv = await hub.login('spv.disdukcapil');
    expect((await list('kind=complaint', spv)).map((f) => f.message)).toEqual([
      'Antrean lama sekali',
    ]);
    expect((await hub.api('/api/feedback?agencyId=satpas', { token: spv })).status).toBe(403);
    expect((await hub.api('/api/feedback?kind=praise', { token: admin })).status).toBe(400);
  });
});

describe('Masukan export', () => {
  it('when exported as XLSX, then exceljs reads back the newest first with Indonesian kinds', async () => {
    const { response, bytes } = await file('format=xlsx&agencyId=disdukcapil');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('antre-masukan-2026-11-23.xlsx');
    const sheet = await firstSheet(bytes);
    expect(String(sheet.getCell('A1').value)).toContain('Masukan');
    const rows = [3, 4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1, 5));
    expect(rows).toEqual([
      ['Waktu', 'Instansi', 'Jenis', 'Isi'],
      [
        '2026-11-23 09.02',
        'Dinas Kependudukan dan Pencatatan Sipil Kota Harapan',
        'Saran',
        'Tambah kursi, "ruang" tunggu',
      ],
      [
        '2026-11-23 09.01',
        'Dinas Kependudukan dan Pencatatan Sipil Kota Harapan',
        'Pengaduan',
        'Antrean lama sekali',
      ],
    ]);
    expect(sheet.rowCount).toBe(5);
  });

  it('when exported as CSV by kind, then only suggestions, quoted where needed', async () => {
    const { response, bytes } = await file('format=csv&kind=suggestion');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = csvLines(bytes);
    expect(lines[0]).toBe('Waktu,Instansi,Jenis,Isi,Tiket,Layanan');
    expect(lines.slice(1)).toEqual([
      '2026-11-23 09.02,Dinas Kependudukan dan Pencatatan Sipil Kota Harapan,Saran,"Tambah kursi, ""ruang"" tunggu",,',
    ]);
  });

  it('when a supervisor exports, then only their agency is in the file', async () => {
    const spv = await hub.login('spv.satpas');
    const { bytes } = await file('format=csv', spv);
    const lines = bytes.toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('AC ruang tunggu mati');
  });
});
