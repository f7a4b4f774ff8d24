import type { RegionBuildings } from '@antre/hub/testing';
import {
  launchBrowser,
  MONDAY_MORNING,
  REGION_PASSWORD,
  screenshot,
  startRegionBuildings,
} from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The admin app on a regional overview server, in a real Chromium: a regional admin signs in
// and sees three buildings side by side (one whose hub has stopped, one that cannot be read),
// today and the period's reports, at a desktop's and a laptop's size, nothing cut or overlapping.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 240_000 });

let fixture: RegionBuildings;
let browser: Browser;
let regionUrl = '';
beforeAll(async () => {
  [fixture, browser] = await Promise.all([
    startRegionBuildings([
      { key: 'mpp-kota-harapan', name: 'MPP Kota Harapan' },
      {
        key: 'mpp-kabupaten-kepulauan',
        name: 'Mal Pelayanan Publik Kabupaten Kepulauan Seribu Utara',
      },
    ]),
    launchBrowser(),
  ]);
  const [a, b] = fixture.buildings as [
    RegionBuildings['buildings'][0],
    RegionBuildings['buildings'][0],
  ];
  await a.issue(3);
  await a.serve(4);
  await a.noShow();
  await b.issue(2);
  await b.serve(3);
  await fixture.setNow(MONDAY_MORNING);
  await a.issue(4);
  await a.serve(4);
  await b.issue(1);
  await fixture.stopHub(b);
  // A building listed by its lease whose schema is gone: shown, unavailable, the others still.
  await fixture.listWithoutSchema('mpp-kota-baru');
  regionUrl = (await fixture.startRegion()).url;
});
afterAll(async () => {
  await browser?.close();
  await fixture?.close();
});

/** Text cut inside its box, text boxes over each other, or a page wider than the window. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${el.className || ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth)
      problems.push(`page is ${root.scrollWidth}px wide in ${root.clientWidth}px`);
    for (const scroller of document.querySelectorAll('.table-scroll'))
      if (scroller.scrollWidth > scroller.clientWidth + 1)
        problems.push(`table scrolls: ${scroller.scrollWidth} > ${scroller.clientWidth}`);
    const texts = [...document.querySelectorAll('body *')].filter((el) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.height > 0 &&
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())
      );
    });
    for (const el of texts)
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} is cut (${el.scrollWidth} > ${el.clientWidth})`);
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!;
        const b = texts[j]!;
        if (a.contains(b) || b.contains(a)) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        // The period's segmented buttons share their 2 px border: more than that overlaps.
        if (
          Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 2 &&
          Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 2
        )
          problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    return problems;
  });
}

describe.each([
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
])('the regional overview at $width×$height', (viewport) => {
  let page: Page;
  const size = `${viewport.width}x${viewport.height}`;
  beforeAll(async () => {
    page = await browser.newPage({ viewport, acceptDownloads: true });
  });
  afterAll(async () => page?.close());

  it('when a regional admin signs in, then today shows every building side by side', async () => {
    await page.goto(`${regionUrl}/admin/`);
    await page.getByRole('heading', { name: 'Masuk admin wilayah' }).waitFor();
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(REGION_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Hari ini di setiap gedung' }).waitFor();
    const harapan = page.getByTestId('building-mpp-kota-harapan');
    await harapan.getByTestId('waiting').waitFor();
    expect(await harapan.getByTestId('waiting').textContent()).toBe('3');
    expect(await harapan.getByTestId('served').textContent()).toBe('1');
    expect(await harapan.textContent()).toContain('Hub aktif');
    const islands = page.getByTestId('building-mpp-kabupaten-kepulauan');
    expect(await islands.textContent()).toContain('Tidak ada hub aktif sejak');
    expect(await islands.getByTestId('waiting').textContent()).toBe('1');
    expect(await page.getByTestId('building-mpp-kota-baru').textContent()).toContain(
      'Tidak tersedia: skema gedung tidak ada',
    );
    expect(await page.getByTestId('region-waiting').textContent()).toBe('4');
    // Side by side: the first two cards share a row at either size.
    const boxes = await Promise.all([harapan.boundingBox(), islands.boundingBox()]);
    const tops = boxes.map((b) => Math.round(b!.y));
    expect(new Set(tops).size).toBe(1);
    await screenshot(page, `region-live-${size}`);
    expect(await layoutProblems(page)).toEqual([]);
  });

  it('when the reports page is opened, then each building has its row of Laporan and IKM, and the XLSX downloads', async () => {
    await page.getByRole('link', { name: 'Laporan dan IKM' }).click();
    await page.getByRole('heading', { name: 'Laporan dan IKM per gedung' }).waitFor();
    const row = page.getByTestId('report-mpp-kota-harapan');
    await row.waitFor();
    // November 2026 up to Monday: 7 issued, 2 served (answered 4 and 4), 1 no-show.
    expect(await row.getByTestId('ikm').textContent()).toBe('100');
    expect(await page.getByTestId('report-mpp-kota-baru').textContent()).toContain(
      'Tidak tersedia',
    );
    await screenshot(page, `region-reports-${size}`);
    expect(await layoutProblems(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('region-export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('antre-wilayah-semua-2026-11-01_2026-11-23.xlsx');

    // In English, the same page.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Reports and IKM per building' }).waitFor();
    await screenshot(page, `region-reports-en-${size}`);
    expect(await layoutProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  });
});
