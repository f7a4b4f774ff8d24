import type {
  IkmReport,
  LiveReport,
  RegionLive,
  RegionReports,
  SummaryReport,
} from '@antre/protocol';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildingSchema } from '../db/pg/pg-database';
import { csvLines, fetchFile } from '../testing/export-files';
import type { RegionBuildings } from '../testing/region-buildings';
import { REGION_PASSWORD, startRegionBuildings } from '../testing/region-buildings';
import { MONDAY_MORNING } from '../testing/test-hub';
import type { RunningRegion } from './region-server';
import { openRegionDatabase } from './region-database';
import { REGION_SCHEMA } from './region-database';

// The regional overview on a real PostgreSQL over two buildings, each served by its own hub:
// what it shows per building is what each building's own reports say, it cannot write to a
// building, and only a regional admin's session reads it.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const PERIOD = 'from=2026-11-20&to=2026-11-23';
let fixture: RegionBuildings;
let region: RunningRegion;
let token = '';

beforeAll(async () => {
  fixture = await startRegionBuildings([
    { key: 'mpp-kota-harapan', name: 'MPP Kota Harapan' },
    { key: 'mpp-kabupaten-sejahtera', name: 'MPP Kabupaten Sejahtera' },
  ]);
  const [a, b] = fixture.buildings as [
    RegionBuildings['buildings'][0],
    RegionBuildings['buildings'][0],
  ];
  // Friday: A serves two visitors who answer the SKM (4 and 3), one does not come, one is
  // left waiting; B serves one who does not answer and one does not come.
  await a.issue(4);
  await a.serve(4);
  await a.serve(3);
  await a.noShow();
  await b.issue(2);
  await b.serve(null);
  await b.noShow();
  // Monday 09:00: A serves one of two (who answers 4); B has three waiting.
  await fixture.setNow(MONDAY_MORNING);
  await a.issue(2);
  await a.serve(4);
  await b.issue(3);
  region = await fixture.startRegion();
  token = (await login(REGION_PASSWORD)).body.token as string;
});
afterAll(async () => fixture?.close());

async function login(password: string) {
  const response = await fetch(`${region.url}/api/region/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Refusal {
  error: { code: string; message: string };
}

async function get<T = Refusal>(path: string, bearer: string | null = token) {
  const response = await fetch(`${region.url}${path}`, {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Every row of every building's schema and of the region's own, counted per table. */
async function rowCounts(): Promise<Record<string, number>> {
  const pool = new pg.Pool({ connectionString: fixture.url, max: 1 });
  try {
    const schemas = [...fixture.buildings.map((b) => buildingSchema(b.key)), REGION_SCHEMA];
    const tables = await pool.query<{ s: string; t: string }>(
      `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
       WHERE table_schema = ANY($1) ORDER BY 1, 2`,
      [schemas],
    );
    const counts: Record<string, number> = {};
    for (const { s, t } of tables.rows)
      counts[`${s}.${t}`] = Number(
        (await pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${s}.${t}`)).rows[0]!.n,
      );
    return counts;
  } finally {
    await pool.end();
  }
}

const byKey = <T extends { key: string }>(list: T[], key: string): T =>
  list.find((b) => b.key === key)!;

describe('the regional overview', () => {
  it('when a regional admin asks for today, then each building shows what its own Hari ini shows', async () => {
    const { status, body: live } = await get<RegionLive>('/api/region/live');
    expect(status).toBe(200);
    expect(live.buildings.map((b) => b.key)).toEqual([
      'mpp-kabupaten-sejahtera',
      'mpp-kota-harapan',
    ]);
    expect(byKey(live.buildings, 'mpp-kota-harapan')).toMatchObject({
      available: true,
      name: 'MPP Kota Harapan',
      hub: { state: 'active', holder: 'test mpp-kota-harapan' },
      serviceDay: '2026-11-23',
      dayOpen: true,
      waitingNow: 1,
      servedToday: 1,
      issuedToday: 2,
      noShowToday: 0,
      countersOpen: 1,
    });
    expect(byKey(live.buildings, 'mpp-kabupaten-sejahtera')).toMatchObject({
      available: true,
      name: 'MPP Kabupaten Sejahtera',
      waitingNow: 3,
      servedToday: 0,
      issuedToday: 3,
    });
    for (const building of fixture.buildings) {
      const own = await building.api<LiveReport>(
        '/api/reports/live',
        await building.login('admin'),
      );
      expect(byKey(live.buildings, building.key)).toMatchObject({
        waitingNow: own.body.waitingNow,
        longestWaitMinutes: own.body.longestWaitMinutes,
        servedToday: own.body.servedToday,
        countersOpen: own.body.countersOpen,
        countersPaused: own.body.countersPaused,
      });
    }
  });

  it('when a regional admin asks for a period, then each building has its own Laporan and SKM figures, before and after its hub stored the closed days', async () => {
    // As if the hubs had not aggregated Friday yet (their day change does it, in the
    // background): the region counts it in memory first, then reads what the hub stored.
    const pool = new pg.Pool({ connectionString: fixture.url, max: 1 });
    for (const b of fixture.buildings)
      for (const table of ['report_days', 'report_stats', 'report_arrivals'])
        await pool.query(`DELETE FROM ${buildingSchema(b.key)}.${table}`);
    await pool.end();
    const first = (await get<RegionReports>(`/api/region/reports?${PERIOD}`)).body;
    expect(byKey(first.buildings, 'mpp-kota-harapan')).toMatchObject({
      issued: 6,
      served: 3,
      noShow: 1,
      ikm: { respondents: 3, served: 3, value: 91.67, grade: 'A' },
    });
    expect(byKey(first.buildings, 'mpp-kabupaten-sejahtera')).toMatchObject({
      issued: 5,
      served: 1,
      noShow: 1,
      ikm: { respondents: 0, value: null, grade: null },
    });
    for (const building of fixture.buildings) {
      const admin = await building.login('admin');
      const summary = (await building.api<SummaryReport>(`/api/reports/summary?${PERIOD}`, admin))
        .body;
      const ikm = (await building.api<IkmReport>(`/api/reports/ikm?${PERIOD}`, admin)).body;
      const { totals } = summary;
      const expected = {
        issued: totals.issued,
        served: totals.served,
        noShow: totals.noShow,
        waitMean: totals.waitMean,
        waitMedian: totals.waitMedian,
        waitP90: totals.waitP90,
        serviceMean: totals.serviceMean,
        ikm: {
          value: ikm.building.ikm,
          grade: ikm.building.grade,
          respondents: ikm.building.respondents,
          served: ikm.building.served,
          target: ikm.building.target,
        },
      };
      expect(byKey(first.buildings, building.key)).toMatchObject(expected);
      // The building's own report has stored Friday now; the region reads it the same.
      const again = (await get<RegionReports>(`/api/region/reports?${PERIOD}`)).body;
      expect(byKey(again.buildings, building.key)).toMatchObject(expected);
    }
  });

  it('when the XLSX is asked for, then it holds today and the period per building, the same figures', async () => {
    const live = (await get<RegionLive>('/api/region/live')).body;
    const reports = (await get<RegionReports>(`/api/region/reports?${PERIOD}`)).body;
    const { response, bytes } = await fetchFile(
      `${region.url}/api/region/export?${PERIOD}&format=xlsx`,
      token,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Hari ini per gedung',
      'Laporan dan IKM per gedung',
    ]);
    const rows = (sheet: ExcelJS.Worksheet) =>
      sheet
        .getSheetValues()
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
    const [today, period] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    const todayRows = rows(today);
    expect(todayRows[1]).toEqual(expect.arrayContaining(['Gedung', 'Menunggu', 'Dilayani']));
    const harapanToday = todayRows.find((r) => r[1] === 'mpp-kota-harapan')!;
    const liveA = byKey(live.buildings, 'mpp-kota-harapan');
    if (!liveA.available) throw new Error('unavailable');
    expect(harapanToday.slice(0, 2)).toEqual(['MPP Kota Harapan', 'mpp-kota-harapan']);
    expect(harapanToday.slice(4, 11)).toEqual([
      liveA.waitingNow,
      liveA.longestWaitMinutes ?? undefined,
      liveA.servedToday,
      liveA.noShowToday,
      liveA.issuedToday,
      liveA.countersOpen,
      liveA.countersPaused,
    ]);
    const periodRows = rows(period);
    expect(periodRows[0]).toEqual(['Laporan dan IKM per gedung — 2026-11-20 s.d. 2026-11-23']);
    for (const key of ['mpp-kota-harapan', 'mpp-kabupaten-sejahtera']) {
      const b = byKey(reports.buildings, key);
      if (!b.available) throw new Error('unavailable');
      const row = periodRows.find((r) => r[1] === key)!;
      expect(row.slice(2, 5)).toEqual([b.issued, b.served, b.noShow]);
      expect(row[10]).toBe(b.ikm.value ?? undefined);
      expect(row[13]).toBe(b.ikm.respondents);
    }

    const csv = await fetchFile(
      `${region.url}/api/region/export?${PERIOD}&format=csv&table=live`,
      token,
    );
    expect(csv.response.status).toBe(200);
    const lines = csvLines(csv.bytes);
    expect(
      lines.some((l) => l.startsWith('MPP Kabupaten Sejahtera,mpp-kabupaten-sejahtera,')),
    ).toBe(true);
  });

  it("when a building's hub has stopped, then it is still shown, with nobody serving it since its lease ran out", async () => {
    const b = fixture.buildings[1]!;
    await fixture.stopHub(b);
    const live = (await get<RegionLive>('/api/region/live')).body;
    expect(byKey(live.buildings, b.key)).toMatchObject({
      available: true,
      hub: { state: 'none', lastHolder: `test ${b.key}` },
      waitingNow: 3,
    });
  });

  it("when anything writes through the region's building or lease pools, then PostgreSQL refuses it", async () => {
    const database = await openRegionDatabase(fixture.url);
    try {
      const pool = database.building('mpp-kota-harapan').pool;
      await expect(
        pool.query("INSERT INTO hub_state (key, value) VALUES ('region-was-here', 'x')"),
      ).rejects.toMatchObject({ code: '25006' }); // read_only_sql_transaction
      await expect(pool.query('DELETE FROM tickets')).rejects.toMatchObject({ code: '25006' });
      // Even a transaction that asks to write cannot, as the session is read-only by default.
      await expect(
        pool.query('CREATE TABLE b_mpp_kota_harapan.intruder (x int)'),
      ).rejects.toMatchObject({ code: '25006' });
      await expect(
        database.leases.query('UPDATE antre_cluster.leases SET holder = holder'),
      ).rejects.toMatchObject({ code: '25006' });
      const tickets = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM tickets');
      expect(Number(tickets.rows[0]!.n)).toBe(6); // A's four of Friday and two of Monday, all there
    } finally {
      await database.close();
    }
  });

  it("when nobody, a wrong password or a building's session asks, then 401, and a regional token opens nothing of a building", async () => {
    for (const path of ['/api/region/live', `/api/region/reports?${PERIOD}`]) {
      const anonymous = await get(path, null);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.code).toBe('unauthorized');
      expect(anonymous.body.error.message).toContain('admin wilayah');
    }
    const building = fixture.buildings[0]!;
    for (const username of ['admin', 'spv.disdukcapil']) {
      const buildingToken = await building.login(username);
      expect((await get('/api/region/live', buildingToken)).status).toBe(401);
      expect(
        (await fetchFile(`${region.url}/api/region/export?${PERIOD}&format=xlsx`, buildingToken))
          .response.status,
      ).toBe(401);
    }
    expect((await building.api('/api/reports/live', token)).status).toBe(401);
    const wrong = await login('not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await get<unknown>('/api/health', null)).body).toMatchObject({
      role: 'region',
      status: 'ok',
    });
  });

  it.each([
    ['from after to', '/api/region/reports?from=2026-11-23&to=2026-11-20', 'sesudah'],
    ['no such date', '/api/region/reports?from=2026-02-30&to=2026-03-01', 'from'],
    ['missing to', '/api/region/reports?from=2026-11-20', 'to'],
    ['unknown parameter', `/api/region/reports?${PERIOD}&building=x`, 'building'],
    ['over a year', '/api/region/reports?from=2024-01-01&to=2026-11-23', '366'],
    ['unknown format', `/api/region/export?${PERIOD}&format=pdf`, 'format'],
    ['unknown table', `/api/region/export?${PERIOD}&format=csv&table=tickets`, 'table'],
  ])(
    'when the query has %s, then 400 with a clear message and nothing changes',
    async (_case, path, says) => {
      const before = await rowCounts();
      const { status, body } = await get(path);
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toMatch(/Permintaan tidak valid|Periode/);
      expect(JSON.stringify(body.error)).toContain(says);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('when the region reads every building, then no building row changes', async () => {
    const before = await rowCounts();
    await get('/api/region/live');
    await get('/api/region/reports?from=2026-11-01&to=2026-11-23');
    await fetchFile(
      `${region.url}/api/region/export?from=2026-11-01&to=2026-11-23&format=xlsx`,
      token,
    );
    expect(await rowCounts()).toEqual(before);
  });
});
