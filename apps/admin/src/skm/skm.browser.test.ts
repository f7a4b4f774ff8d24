import { SKM_ELEMENTS } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import {
  ADMIN_PASSWORD,
  launchBrowser,
  MONDAY_MORNING,
  SCREENSHOT_DIR,
  screenshot,
  serveAndAnswer,
  startTestHub,
} from '@antre/hub/testing';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const KTP = 'disdukcapil-ktp-el';
const answers = (score: number) => Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score]));
// Three KTP-el visitors: 3, 4 and 4 everywhere, except U4 "sangat mahal" (1) for the first.
// U1 NRR 11/3 = 3,67; U4 NRR 9/3 = 3,00; Σ 97 points: Σ NRR/9 = 3,593, IKM 25·97/27 = 89,81.
const BODIES = [
  { answers: { ...answers(3), U4: 1 }, sex: 'perempuan', ageBand: '30-39', education: 'sma' },
  { answers: answers(4), sex: 'perempuan', ageBand: '30-39', job: 'pns' },
  { answers: answers(4) },
];

let hub: TestHub;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  await serveAndAnswer(hub, KTP, BODIES);
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await page.clock.install({ time: MONDAY_MORNING + 3_600_000 });
  await page.goto(`${hub.url}/admin/`);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'SKM / IKM', exact: true }).click();
  await page.getByTestId('ikm-value').waitFor();
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await screenshot(page, 'skm-failed');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const text = (testId: string) => page.getByTestId(testId).textContent();
const cells = (row: ReturnType<Page['getByRole']>) => row.locator('td').allTextContents();

describe('the SKM / IKM page', () => {
  it('when three visitors rated, then NRR and IKM always show two decimals with a comma', async () => {
    await expect(text('ikm-value')).resolves.toBe('89,81');
    const elements = page.getByTestId('table-elements');
    // Element, NRR, weighted NRR (× 1/9), value × 25, grade.
    await expect(cells(elements.getByRole('row', { name: /U1/ }))).resolves.toEqual([
      'U1 Persyaratan',
      '3,67',
      '0,407',
      '91,67',
      'A',
    ]);
    await expect(cells(elements.getByRole('row', { name: /U4/ }))).resolves.toEqual([
      'U4 Biaya/Tarif',
      '3,00',
      '0,333',
      '75,00',
      'C',
    ]);
    const service = page.getByTestId('ikm-services').getByRole('row', { name: /KTP-el/ });
    await expect(cells(service)).resolves.toContain('89,81');
  });

  it('when the page shows the respondent profile, then counts and shares are per answer', async () => {
    const profile = page.getByTestId('table-profile');
    await expect(cells(profile.getByRole('row', { name: /Perempuan/ }))).resolves.toEqual([
      'Perempuan',
      '2',
      '66,67%',
    ]);
    await expect(cells(profile.getByRole('row', { name: /30–39 tahun/ }))).resolves.toEqual([
      '30–39 tahun',
      '2',
      '66,67%',
    ]);
    await profile.scrollIntoViewIfNeeded();
    await screenshot(page, 'skm-1-page-profile');
    await page
      .getByRole('heading', { name: 'Survei Kepuasan Masyarakat (SKM)' })
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'skm-0-page');
  });

  it('when the page is shown at 1440×900, then the profile tables sit apart and nothing scrolls sideways or is cut', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const profile = page.getByTestId('table-profile');
    await profile.scrollIntoViewIfNeeded();
    await screenshot(page, 'skm-3-profile-1440');
    const layout = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('[data-testid="table-profile"] table')].map(
        (table) => table.getBoundingClientRect(),
      );
      const overlaps = boxes.flatMap((a, i) =>
        boxes
          .slice(i + 1)
          .filter(
            (b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
          )
          .map(() => i),
      );
      // Elements holding text of their own whose text is wider than their box.
      const cut = [...document.querySelectorAll('main *')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
        .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.tagName}: ${el.textContent!.slice(0, 40)}`);
      const root = document.scrollingElement!;
      return {
        tables: boxes.length,
        overlaps,
        cut,
        scrollWidth: root.scrollWidth,
        clientWidth: root.clientWidth,
      };
    });
    await page.setViewportSize({ width: 1366, height: 768 });

    expect(layout.tables).toBe(4);
    expect(layout.overlaps).toEqual([]);
    expect(layout.cut).toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
  });

  it('when the admin downloads the SKM tables, then the XLSX and the CSV hold the figures', async () => {
    const save = async (testId: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(testId).click(),
      ]);
      return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
    };
    const xlsx = await save('export-ikm-elements-xlsx');
    expect(xlsx.name).toBe('antre-skm-elements-2026-11-23_2026-11-23.xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const csv = await save('export-ikm-profile-csv');
    expect(csv.name).toBe('antre-skm-profile-2026-11-23_2026-11-23.csv');
    expect(csv.bytes.toString('utf8')).toContain('Jenis kelamin,Perempuan,2,66.67');
  });

  it('when Cetak is pressed, then the report has the profile, weighted NRR, per-unit IKM, follow-up and signature', async () => {
    await page.getByRole('button', { name: 'Cetak', exact: true }).click();
    await expect(text('print-ikm')).resolves.toBe('89,81');
    await expect(text('print-weighted-sum')).resolves.toBe('3,593');
    // "Unsur" spans the code and the name: as many header columns as body cells.
    const table = page.getByTestId('print-elements');
    const spans = await table
      .locator('thead th')
      .evaluateAll((ths) => ths.reduce((n, th) => n + (th as HTMLTableCellElement).colSpan, 0));
    expect(spans).toBe(await table.locator('tbody tr').first().locator('td').count());
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.every((h) => h.trim() !== '')).toBe(true);
    await expect(table.locator('thead th').first().getAttribute('colspan')).resolves.toBe('2');
    await expect(cells(table.getByRole('row', { name: /U4/ }))).resolves.toEqual([
      'U4',
      'Biaya/Tarif',
      '9',
      '3,00',
      '0,333',
      '75,00',
      'C',
    ]);
    const report = page.getByTestId('print-report');
    await expect(report.getByTestId('table-profile').textContent()).resolves.toContain('66,67%');
    await expect(text('print-agencies')).resolves.toContain('89,81');
    await expect(text('print-services')).resolves.toContain('Perekaman dan Pencetakan KTP-el');
    // The lowest element (U4) comes first in the follow-up plan.
    const followUp = page.getByTestId('print-follow-up').locator('tbody tr');
    await expect(followUp.count()).resolves.toBe(3);
    await expect(followUp.first().textContent()).resolves.toContain('U4 Biaya/Tarif');
    await expect(text('print-signature')).resolves.toContain('Kepala');
    await expect(text('print-signature')).resolves.toContain('NIP.');

    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'skm-2-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
