import type { LiveReport, SummaryReport } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { DEMO_PASSWORD, startTestHub } from '../testing/test-hub';
import { csvLines, fetchFile, firstSheet } from '../testing/export-files';

const MIN = 60_000;

/**
 * "No wrong door": a KTP-el ticket is called at Loket 5, sent on to KIA, and served there.
 * The rule: issued where it was issued, transferred where it left, served where it ended.
 */
describe('a transferred ticket', () => {
  const KTP = 'disdukcapil-ktp-el';
  const KIA = 'disdukcapil-kia';
  let other: TestHub;
  let token: string;
  let officerName: string;
  let run: (
    name: 'counter:open' | 'counter:call-next' | 'counter:start' | 'counter:finish',
  ) => Promise<void>;

  beforeAll(async () => {
    other = await startTestHub();
    token = await other.login('admin');
    await other.api('/api/tickets', { token, body: { serviceId: KTP } });
    const login = await other.api('/api/auth/login', {
      body: { username: 'petugas.disdukcapil', password: DEMO_PASSWORD },
    });
    officerName = (login.body.user as { displayName: string }).displayName;
    const officer = await other.client(login.body.token as string);
    const counterId = 'loket-5'; // it serves both KTP-el and KIA
    run = async (name) => {
      const ack = await officer.command(name, { counterId });
      if (!ack.ok) throw new Error(`${name}: ${ack.error.message}`);
    };
    await run('counter:open');
    other.advance(5 * MIN);
    await run('counter:call-next');
    const sent = await officer.command('counter:transfer', { counterId, toServiceId: KIA });
    if (!sent.ok) throw new Error(sent.error.message);
    other.advance(3 * MIN);
    await run('counter:call-next');
    await run('counter:start');
  }, 60_000);
  afterAll(async () => other.close(), 60_000);

  it('when it is being served, then the live view lists the counter, its officer and the ticket', async () => {
    const live = (await other.api('/api/reports/live', { token })).body as unknown as LiveReport;
    expect(live.counters).toEqual([
      {
        counterId: 'loket-5',
        name: expect.stringContaining('Loket 5') as string,
        agencyId: 'disdukcapil',
        status: 'open',
        pauseReason: null,
        since: expect.any(Number) as number,
        officerName,
        ticketLabel: 'A-001',
        ticketStatus: 'serving',
        serviceName: 'Penerbitan Kartu Identitas Anak (KIA)',
      },
    ]);
  });

  const liveFile = (query: string) =>
    fetchFile(`${other.url}/api/reports/live/export?${query}`, token);

  it('when Hari ini’s services are exported as XLSX, then exceljs reads back the open counter', async () => {
    const { response, bytes } = await liveFile('table=live-services&format=xlsx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('antre-live-services-2026-11-23');
    const sheet = await firstSheet(bytes);
    expect(String(sheet.getCell('A1').value)).toContain('Layanan hari ini');
    expect(sheet.getRow(3).values).toEqual([
      undefined, // exceljs counts cells from 1
      'Layanan',
      'Instansi',
      'Menunggu',
      'Tunggu terlama (menit)',
      'Dilayani',
      'Loket buka',
    ]);
    const rows = sheet.getRows(4, sheet.rowCount - 3)!;
    const kia = rows.find((r) => r.getCell(1).value === 'Penerbitan Kartu Identitas Anak (KIA)')!;
    expect([3, 5, 6].map((c) => kia.getCell(c).value)).toEqual([0, 0, 1]);
  });

  it('when the open counters are exported as CSV, then the counter, officer and ticket show', async () => {
    const { response, bytes } = await liveFile('table=live-counters&format=csv');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = csvLines(bytes);
    expect(lines[0]).toBe('Loket,Instansi,Status,Alasan istirahat,Sejak,Petugas,Tiket,Layanan');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,Buka,,09.08,${officerName},A-001 sedang dilayani,`);
  });

  it('when it is served, then KTP-el issued and transferred it and KIA served it', async () => {
    other.advance(10 * MIN);
    await run('counter:finish');
    const report = (
      await other.api('/api/reports/summary?from=2026-11-23&to=2026-11-23', { token })
    ).body as unknown as SummaryReport;
    const zero = { cancelled: 0, expired: 0, noShow: 0 };
    expect(report.services.find((s) => s.id === KTP)).toMatchObject({
      ...zero,
      issued: 1,
      called: 1,
      transferred: 1,
      served: 0,
      waitMean: null,
    });
    expect(report.services.find((s) => s.id === KIA)).toMatchObject({
      ...zero,
      issued: 0,
      called: 1,
      transferred: 0,
      served: 1,
      waitMean: 8, // arrival to the call at KIA
      serviceMean: 10,
    });
    expect(report.counters.find((c) => c.id === 'loket-5')).toMatchObject({
      issued: 0,
      called: 2,
      transferred: 1,
      served: 1,
    });
    expect(report.totals).toMatchObject({ issued: 1, called: 2, transferred: 1, served: 1 });
    // The visitor arrived once, at KTP-el.
    expect(report.heatmap).toEqual([{ weekday: 1, hour: 9, arrivals: 1 }]);

    other.setNow(Date.parse('2026-11-24T02:00:00Z'));
    await other.runHousekeeping(); // the day changes on the tick, not on a read
    const stored = (
      await other.api('/api/reports/summary?from=2026-11-23&to=2026-11-23', { token })
    ).body as unknown as SummaryReport;
    expect(stored.services).toEqual(report.services);
    expect(stored.counters).toEqual(report.counters);
  });
});
