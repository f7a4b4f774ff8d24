import type { LiveReport } from '@antre/protocol';
import type { TestHub } from '@antre/hub/testing';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  launchBrowser,
  MONDAY_MORNING,
  screenshot,
  startTestHub,
} from '@antre/hub/testing';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Chromium and scrypt sign-ins share two busy cores: generous, never timed asserts.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const MIN = 60_000;
const KTP = 'disdukcapil-ktp-el';
const SIM = 'satpas-perpanjangan-sim-a';
// Sum 34 over nine elements: IKM = 25 × 34 / 9 = 94,44, grade A (Sangat Baik).
const ANSWERS = { U1: 4, U2: 4, U3: 4, U4: 3, U5: 4, U6: 4, U7: 4, U8: 3, U9: 4 };

let hub: TestHub;
let browser: Browser;
let admin: string;
let officer: HubClient;

type HubClient = Awaited<ReturnType<TestHub['client']>>;

let now = MONDAY_MORNING;
const advance = (minutes: number): void => {
  now += minutes * MIN;
  hub.setNow(now);
};
const issue = async (serviceId: string): Promise<string> => {
  const { status, body } = await hub.api('/api/tickets', { token: admin, body: { serviceId } });
  if (status !== 201) throw new Error(JSON.stringify(body));
  return body.code as string;
};
const run = async (name: Parameters<HubClient['command']>[0]): Promise<void> => {
  const ack = await officer.command(name, { counterId: 'loket-1' });
  if (!ack.ok) throw new Error(`${name}: ${ack.error.message}`);
};

/** Five visitors this morning: two KTP-el served at Loket 1, one of them rates the visit. */
beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  admin = await hub.login('admin');
  const first = await issue(KTP);
  for (const serviceId of [KTP, KTP, KTP, SIM]) await issue(serviceId);
  officer = await hub.client(await hub.login('petugas.disdukcapil'));
  await run('counter:open');
  advance(5);
  for (const minutes of [10, 20]) {
    await run('counter:call-next');
    await run('counter:start');
    advance(minutes);
    await run('counter:finish');
  }
  const rated = await hub.api(`/api/tickets/${first}/survey`, {
    body: { answers: ANSWERS, channel: 'counter' },
  });
  expect(rated.status).toBe(201);
  await hub.api('/api/feedback', {
    body: {
      agencyId: 'disdukcapil',
      kind: 'suggestion',
      message: 'Mohon tambah kursi di ruang tunggu lantai 1.',
    },
  });
  // A kiosk whose own printer ran out of paper: the live view must show it in red.
  const { body } = await hub.api('/api/devices', {
    token: admin,
    body: { name: 'Kiosk Lobi', role: 'kiosk', settings: { printer: { kind: 'shell' } } },
  });
  const kiosk = await hub.client(body.token as string);
  await kiosk.socket.timeout(5_000).emitWithAck('kiosk:printer-status', { reported: 'paper_out' });
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function signIn(username: string, password: string, viewport = { width: 1366, height: 768 }) {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  await page.clock.install({ time: now }); // the hub's clock, and timers a test can run on
  await page.goto(`${hub.url}/admin/`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}
const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();

describe('signing in', () => {
  it('when an officer signs in, then the app refuses with a plain message', async () => {
    const page = await signIn('petugas.disdukcapil', DEMO_PASSWORD);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'hanya untuk admin gedung dan supervisor instansi',
    );
    await expect(page.getByRole('navigation').count()).resolves.toBe(0);
    await screenshot(page, 'admin-01-officer-refused');
    await page.close();
  });
});

describe('the building admin', () => {
  let page: Page;
  beforeAll(async () => {
    page = await signIn('admin', ADMIN_PASSWORD);
  });

  it('when the admin opens Hari ini, then the figures are the hub’s and the printer alert is on top', async () => {
    await page.getByTestId('served-today').waitFor();
    const live = (await hub.api('/api/reports/live', { token: admin }))
      .body as unknown as LiveReport;
    expect(live).toMatchObject({ waitingNow: 3, servedToday: 2, countersOpen: 1 });
    await expect(text(page, 'waiting-now')).resolves.toBe('3');
    await expect(text(page, 'served-today')).resolves.toBe('2');
    await expect(text(page, 'counters-open')).resolves.toBe('1');
    await expect(text(page, 'longest-wait')).resolves.toBe(`${live.longestWaitMinutes} mnt`);
    await expect(text(page, 'device-alerts')).resolves.toContain(
      'Kiosk Lobi: kertas printer habis',
    );
    const ktpRow = page.getByTestId('live-services').getByRole('row', { name: /KTP-el/ });
    await expect(ktpRow.locator('td').nth(4).textContent()).resolves.toBe('2');
    await screenshot(page, 'admin-02-live');

    // Both tables of Hari ini come as files from the hub, like Laporan's.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-live-services-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('antre-live-services-2026-11-23.csv');
    const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFLayanan,Instansi,Menunggu,Tunggu terlama (menit),Dilayani,Loket buka',
    );
    expect(lines.find((l) => l.startsWith('Perekaman dan Pencetakan KTP-el,'))).toMatch(/,2,1$/);
    const [counters] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-live-counters-xlsx').click(),
    ]);
    expect((await readFile(await counters.path())).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('when a visitor takes a ticket, then the live view shows it at its next 10-second refresh', async () => {
    await issue(SIM);
    await expect(text(page, 'waiting-now')).resolves.toBe('3'); // not before the refresh
    await page.clock.runFor(10_000);
    await page.getByTestId('waiting-now').getByText('4', { exact: true }).waitFor();
  });

  it('when the admin opens Laporan for today, then the tables show what was served and XLSX downloads', async () => {
    await nav(page, 'Laporan');
    await expect(text(page, 'total-served')).resolves.toBe('2');
    await expect(text(page, 'total-issued')).resolves.toBe('6');
    const agencyRow = page.getByTestId('table-agencies').getByRole('row', { name: /Kependudukan/ });
    await expect(agencyRow.locator('[data-col=served]').textContent()).resolves.toBe('2');
    const counterRow = page.getByTestId('table-counters').getByRole('row', { name: /^Loket 1 —/ });
    await expect(counterRow.locator('[data-col=served]').textContent()).resolves.toBe('2');
    await page.getByTestId('served-chart').waitFor();
    await expect(page.getByTestId('heatmap').locator('td.dark').count()).resolves.toBeGreaterThan(
      0,
    );
    await screenshot(page, 'admin-03-reports');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-agencies-xlsx').click(),
    ]);
    // The file the browser saved, i.e. the bytes the hub sent: an XLSX is a zip, "PK…".
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(download.suggestedFilename()).toBe('antre-agencies-2026-11-23_2026-11-23.xlsx');
    await page.mouse.wheel(0, 900);
    await screenshot(page, 'admin-04-reports-tables');
  });

  it('when the admin opens SKM / IKM, then the IKM, its grade and the NRR per element show, and Cetak gives the report', async () => {
    await nav(page, 'SKM / IKM');
    await expect(text(page, 'ikm-value')).resolves.toBe('94,44');
    await expect(text(page, 'ikm-grade')).resolves.toBe('A Sangat Baik');
    await expect(text(page, 'respondents')).resolves.toBe('1 dari target 2 responden');
    await expect(text(page, 'channels')).resolves.toBe('Lewat ponsel 1 · kios 0 · tablet loket 0');
    const u4 = page.getByTestId('table-elements').getByRole('row', { name: /U4/ });
    await expect(u4.textContent()).resolves.toContain('Biaya/Tarif');
    await expect(u4.locator('td').nth(1).textContent()).resolves.toBe('3,00');
    await screenshot(page, 'admin-05-skm');
    await page.getByRole('button', { name: 'Cetak', exact: true }).click();
    await expect(text(page, 'print-ikm')).resolves.toBe('94,44');
    await expect(text(page, 'print-weighted-sum-note')).resolves.toContain(
      'dihitung dari nilai tak dibulatkan',
    );
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'admin-06-skm-print');
    await page.getByTestId('print-weighted-sum').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-06b-skm-print-sum');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('button', { name: 'Kembali' }).click();
  });

  it('when the admin opens Masukan, then the suggestion is listed with the SP4N-LAPOR! link', async () => {
    await nav(page, 'Masukan');
    await expect(text(page, 'feedback-list')).resolves.toContain('tambah kursi');
    await expect(
      page.getByRole('link', { name: 'lapor.go.id' }).getAttribute('href'),
    ).resolves.toBe('https://www.lapor.go.id');
    await screenshot(page, 'admin-07-feedback');

    // Filters go to the hub, and the file holds what the list shows.
    await page.getByLabel('Jenis').selectOption('complaint');
    await page.getByText('Belum ada masukan.').waitFor();
    await page.getByLabel('Jenis').selectOption('suggestion');
    await expect(text(page, 'feedback-list')).resolves.toContain('tambah kursi');
    await page.getByLabel('Instansi').selectOption('satpas');
    await page.getByText('Belum ada masukan.').waitFor();
    await page.getByLabel('Instansi').selectOption('disdukcapil');
    await expect(text(page, 'feedback-list')).resolves.toContain('tambah kursi');
    await screenshot(page, 'admin-07-feedback-filtered');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-feedback-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('antre-masukan-2026-11-23.csv');
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',Saran,Mohon tambah kursi di ruang tunggu lantai 1.,');
  });

  it('when switched to English on a 1920×1080 screen, then the pages read in English', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'English' }).click();
    await nav(page, 'Reports');
    await page.getByRole('heading', { name: 'Service reports' }).waitFor();
    await screenshot(page, 'admin-08-reports-english-1920');
    await nav(page, 'Today');
    await page.getByText('Waiting now').waitFor();
    await screenshot(page, 'admin-09-live-english-1920');
    await page.close();
  });
});

describe('a supervisor', () => {
  it('when spv.disdukcapil signs in, then only their agency is offered and shown', async () => {
    const page = await signIn('spv.disdukcapil', DEMO_PASSWORD);
    await expect(text(page, 'role')).resolves.toContain('Supervisor');
    await nav(page, 'Laporan');
    await expect(text(page, 'total-served')).resolves.toBe('2');
    await expect(page.getByRole('combobox').count()).resolves.toBe(0);
    await expect(page.getByTestId('table-agencies').locator('tbody tr').count()).resolves.toBe(1);
    await expect(text(page, 'table-services')).resolves.not.toContain('SIM');
    await screenshot(page, 'admin-10-supervisor-reports');
    const spv = await hub.login('spv.disdukcapil');
    const other = await hub.api(
      '/api/reports/summary?from=2026-11-23&to=2026-11-23&agencyId=satpas',
      {
        token: spv,
      },
    );
    expect(other.status).toBe(403);
    await nav(page, 'SKM / IKM');
    await expect(text(page, 'ikm-grade')).resolves.toBe('A Sangat Baik');
    // Masukan: their agency only, so the kind is the one filter offered.
    await nav(page, 'Masukan');
    await expect(text(page, 'feedback-list')).resolves.toContain('tambah kursi');
    await expect(page.getByRole('combobox').count()).resolves.toBe(1);
    await screenshot(page, 'admin-11-supervisor-feedback');
    await page.close();
  });
});
