import type { Building } from '@antre/domain';
import type { LiveReport, ReportRow, SummaryReport } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { DEMO_PASSWORD, startTestHub } from '../testing/test-hub';
import { csvLines, fetchFile, firstSheet } from '../testing/export-files';

const MIN = 60_000;
let hub: TestHub;
let admin: string;
let building: Building;
let counterId: string;
let serviceId: string;
let officerId: string;

/**
 * One morning at Disdukcapil, with the clock moved by hand: four tickets at 09:00; the
 * first is called after 5 min and served for 10, the second waits 15 and is served for 20,
 * the third is a no-show after 35, the fourth is still waiting.
 */
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
  building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  const counter = building.counters.find((c) => c.agencyId === 'disdukcapil')!;
  counterId = counter.id;
  serviceId = counter.services[0]!.serviceId;
  for (let i = 0; i < 4; i++) await hub.api('/api/tickets', { token: admin, body: { serviceId } });
  const login = await hub.api('/api/auth/login', {
    body: { username: 'petugas.disdukcapil', password: DEMO_PASSWORD },
  });
  const officerToken = login.body.token as string;
  officerId = (login.body.user as { id: string }).id;
  const officer = await hub.client(officerToken);
  const run = async (name: Parameters<typeof officer.command>[0]) => {
    const ack = await officer.command(name, { counterId });
    if (!ack.ok) throw new Error(`${name}: ${ack.error.message}`);
  };
  await run('counter:open');
  hub.advance(5 * MIN);
  await run('counter:call-next');
  await run('counter:start');
  hub.advance(10 * MIN);
  await run('counter:finish');
  await run('counter:call-next');
  await run('counter:start');
  hub.advance(20 * MIN);
  await run('counter:finish');
  await run('counter:call-next');
  await run('counter:recall');
  await run('counter:no-show');
}, 60_000); // several scrypt logins: slow on a busy 2-core machine
afterAll(async () => hub.close(), 60_000);

const summary = async (query: string, token = admin) =>
  (await hub.api(`/api/reports/summary?${query}`, { token })).body as unknown as SummaryReport;

function expectMorning(row: ReportRow | undefined, issued = 4) {
  expect(row).toMatchObject({
    issued,
    called: 3,
    served: 2,
    noShow: 1,
    waitMean: 18.3, // (5 + 15 + 35) / 3
    waitMedian: 15,
    waitP90: 35,
    serviceMean: 15,
    serviceMedian: 10,
    serviceP90: 20,
  });
}

describe('reports', () => {
  it('when today is asked, then counts and times come from its tickets, per service, counter and officer', async () => {
    const report = await summary('from=2026-11-23&to=2026-11-23');
    expectMorning(report.totals);
    expectMorning(report.services.find((s) => s.id === serviceId));
    // The counter called three of the four (the last is still waiting) and issued none.
    expectMorning(
      report.counters.find((c) => c.id === counterId),
      0,
    );
    expectMorning(report.agencies.find((a) => a.id === 'disdukcapil'));
    const target = building.services.find((s) => s.id === serviceId)!.targetWaitMinutes;
    const within = [5, 15, 35].filter((w) => w <= target).length / 3;
    expect(report.totals.withinTarget).toBeCloseTo(within, 3);
    expect(report.officers.find((o) => o.id === officerId)?.served).toBe(2);
    // Monday (1) at 09.00 local: four arrivals.
    expect(report.heatmap).toEqual([{ weekday: 1, hour: 9, arrivals: 4 }]);
  });

  it('when the day is over, then the stored aggregate gives the same figures as the live one', async () => {
    const live = await summary('from=2026-11-23&to=2026-11-23');
    hub.setNow(Date.parse('2026-11-24T02:00:00Z'));
    await hub.runHousekeeping(); // the day changes on the tick, not on a read
    const later = await summary('from=2026-11-01&to=2026-11-30');
    expect(later.totals).toEqual({ ...live.totals, expired: 1 }); // the one waiting expired
    expect(later.heatmap).toEqual(live.heatmap);
  });

  it('when the live view is asked, then it shows the queue now', async () => {
    const live = (await hub.api('/api/reports/live', { token: admin }))
      .body as unknown as LiveReport;
    expect(live.serviceDay).toBe('2026-11-24');
    expect(live).toMatchObject({ waitingNow: 0, servedToday: 0 });
    expect(live.services.length).toBe(building.services.length);
  });

  it('when a supervisor asks, then only their agency appears; another agency is refused', async () => {
    const token = await hub.login('spv.disdukcapil');
    const own = await summary('from=2026-11-01&to=2026-11-30', token);
    expect(own.agencies.map((a) => a.id)).toEqual(['disdukcapil']);
    expect(own.services.every((s) => s.agencyId === 'disdukcapil')).toBe(true);
    const other = await hub.api('/api/reports/summary?from=2026-11-01&to=2026-11-30&agencyId=pln', {
      token,
    });
    expect(other.status).toBe(403);
    const officer = await hub.login('petugas.disdukcapil');
    expect((await hub.api('/api/reports/live', { token: officer })).status).toBe(403);
  });

  it.each([
    ['from=2026-11-01', 400],
    ['from=2026-11-31&to=2026-12-01', 400],
    ['from=2026-12-01&to=2026-11-01', 400],
    ['from=2026-11-01&to=2026-11-30&extra=1', 400],
  ])('when the query is %s, then %i', async (query, status) => {
    expect((await hub.api(`/api/reports/summary?${query}`, { token: admin })).status).toBe(status);
  });
});

describe('exports', () => {
  const download = (query: string) => fetchFile(`${hub.url}/api/reports/export?${query}`, admin);

  it('when the services table is exported as XLSX, then exceljs reads back the figures', async () => {
    const { response, bytes } = await download(
      'from=2026-11-01&to=2026-11-30&table=services&format=xlsx',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('antre-services-2026-11-01');
    const sheet = await firstSheet(bytes);
    expect(String(sheet.getCell('A1').value)).toContain('Per layanan');
    expect(sheet.getRow(3).getCell(1).value).toBe('Nama');
    const name = building.services.find((s) => s.id === serviceId)!.name;
    const row = sheet.getRows(4, sheet.rowCount - 3)!.find((r) => r.getCell(1).value === name)!;
    // Nama, Tiket terbit, Dipanggil, Dilayani, Tidak hadir, …
    expect([2, 3, 4, 5].map((c) => row.getCell(c).value)).toEqual([4, 3, 2, 1]);
    expect(sheet.getRow(3).getCell(11).value).toBe('Tunggu median (menit)');
    expect(row.getCell(11).value).toBe(15);
  });

  it('when the counters table is exported, then it says what counters did, not tickets issued', async () => {
    const { bytes } = await download('from=2026-11-01&to=2026-11-30&table=counters&format=csv');
    const [header] = csvLines(bytes);
    expect(header!.split(',').slice(0, 3)).toEqual(['Nama', 'Dipanggil', 'Dilayani']);
  });

  it('when the heat map is exported as CSV, then Monday 09.00 has the four arrivals', async () => {
    const { response, bytes } = await download(
      'from=2026-11-01&to=2026-11-30&table=heatmap&format=csv',
    );
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = csvLines(bytes);
    expect(lines[0]!.split(',')[10]).toBe('09.00');
    const monday = lines.find((l) => l.startsWith('Senin,'))!.split(',');
    expect(monday[10]).toBe('4');
  });

  it('when the table is unknown, then 400 and no file', async () => {
    const { response } = await download('from=2026-11-01&to=2026-11-30&table=x&format=csv');
    expect(response.status).toBe(400);
  });

  it('when a supervisor exports another agency’s Hari ini, then 403; a bad table, 400', async () => {
    const spv = await hub.login('spv.disdukcapil');
    const other = building.agencies.find((a) => a.id !== 'disdukcapil')!.id;
    const ask = (query: string, bearer: string) =>
      fetch(`${hub.url}/api/reports/live/export?${query}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
    expect((await ask(`table=live-services&format=csv&agencyId=${other}`, spv)).status).toBe(403);
    expect((await ask('table=services&format=csv', admin)).status).toBe(400);
  });
});
