import type { TestHub } from '@antre/hub/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announcementsOf,
  boardLink,
  createCaller,
  latestNumber,
  recentLabels,
} from './board-test-kit';

let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
}, 60_000);

const SCREENS = [
  { name: '1080p', width: 1920, height: 1080 },
  { name: '4k', width: 3840, height: 2160 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

async function openBoard(link: string, viewport: { width: number; height: number }) {
  const page = await browser.newPage({ viewport });
  await page.goto(link);
  await page.locator('.board').waitFor();
  return page;
}

/** The latest number is at least 12% of the screen's height and nothing spills off screen. */
async function checkReadable(page: Page) {
  const fit = await page.evaluate(() => {
    const number = document.querySelector('[data-testid="latest-number"]')!;
    const box = number.getBoundingClientRect();
    return {
      fontPx: Number.parseFloat(getComputedStyle(number).fontSize),
      glyphRight: box.right,
      numberOverflows: number.scrollWidth > number.clientWidth + 1,
      width: window.innerWidth,
      height: window.innerHeight,
      pageHeight: document.documentElement.scrollHeight,
    };
  });
  expect(fit.fontPx).toBeGreaterThanOrEqual(0.12 * fit.height);
  expect(fit.glyphRight).toBeLessThanOrEqual(fit.width);
  expect(fit.numberOverflows).toBe(false);
  expect(fit.pageHeight).toBeLessThanOrEqual(fit.height);
}

describe('the display board', () => {
  it('when 1, 8 and 40 earlier calls are made, then boards of the zone at 1080p, 4K and portrait all show the same calls, readable', async () => {
    const caller = await createCaller(hub);
    const link = await boardLink(hub, ['lantai-1'], {
      recentCalls: 40,
      agencyColumns: ['disdukcapil', 'samsat', 'bank-daerah'],
    });
    const pages = await Promise.all(SCREENS.map((s) => openBoard(link, s)));
    const counters = [
      'loket-1',
      'loket-6',
      'loket-10',
      'loket-3',
      'loket-12',
      'loket-7',
      'loket-13',
    ];
    const labels: string[] = [];
    const held = new Map<string, string>();

    for (const recent of [0, 8, 40]) {
      while (labels.length < recent + 1) {
        const counter = counters[labels.length % counters.length]!;
        labels.push(await caller.call(counter));
        held.set(counter, labels.at(-1)!);
      }
      const latest = labels.at(-1)!;
      const expectedRecent = labels.slice(0, -1).reverse();
      for (const [i, page] of pages.entries()) {
        await expect.poll(() => latestNumber(page), { timeout: 10_000 }).toBe(latest);
        await expect.poll(() => recentLabels(page), { timeout: 10_000 }).toEqual(expectedRecent);
        await checkReadable(page);
        await screenshot(page, `display-${SCREENS[i]!.name}-${recent + 1}-calls`);
      }
    }
    // The agency columns show what each counter holds now.
    const disdukcapil = pages[0]!.getByTestId('agency-disdukcapil');
    const column = await disdukcapil.textContent();
    expect(column).toContain(`Loket 1${held.get('loket-1')}`);
    expect(column).toContain(`Loket 3${held.get('loket-3')}`);
    expect(column).toContain('Loket 2—');
    await Promise.all(pages.map((p) => p.close()));
  }, 240_000);

  it('when a call is made in one zone, then a board of that zone shows and announces it and a board of another zone does not', async () => {
    hub.advance(60_000); // earlier tests' calls are now too old to be announced by a new board
    const caller = await createCaller(hub);
    const here = await openBoard(await boardLink(hub, ['lantai-1']), SCREENS[0]);
    const there = await openBoard(await boardLink(hub, ['lantai-2']), SCREENS[0]);

    const first = await caller.call('loket-2'); // lantai-1
    await expect.poll(() => latestNumber(here), { timeout: 10_000 }).toBe(first);
    const second = await caller.call('loket-18'); // lantai-2
    await expect.poll(() => latestNumber(there), { timeout: 10_000 }).toBe(second);

    expect(await there.locator('.board').textContent()).not.toContain(first);
    expect((await announcementsOf(there)).map((a) => a.label)).toEqual([second]);
    expect((await announcementsOf(here)).map((a) => a.label)).toContain(first);
    expect((await announcementsOf(here)).map((a) => a.label)).not.toContain(second);
    await screenshot(there, 'display-other-zone');
    await Promise.all([here.close(), there.close()]);
  }, 90_000);

  it('when the board shows media, then an image from the media folder fills the media area beside the calls', async () => {
    const poster = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await poster.setContent(
      '<body style="margin:0;display:grid;place-items:center;height:100vh;background:#1d7a46;color:#fff;font:700 64px sans-serif;text-align:center">Layanan KTP-el<br>Senin–Jumat 08.00–15.00</body>',
    );
    mkdirSync(join(hub.dataDir, 'media'), { recursive: true });
    await poster.screenshot({ path: join(hub.dataDir, 'media', '01-jadwal.png') });
    await poster.close();
    const link = await boardLink(hub, ['lantai-1'], { showMedia: true, recentCalls: 6 });
    for (const screen of [SCREENS[0], SCREENS[2]]) {
      const page = await openBoard(link, screen);
      await page.locator('.media img').waitFor();
      expect(
        await page.locator('.media img').evaluate((img: HTMLImageElement) => img.naturalWidth),
      ).toBe(1280);
      await checkReadable(page);
      await screenshot(page, `display-${screen.name}-media`);
      await page.close();
    }
  }, 90_000);
});
