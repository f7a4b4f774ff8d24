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
} from './testing/board-test-kit';
import { whatIsCut } from './board-measure';

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

/** The smallest font, in px, of the numbers, counters and agencies of the earlier calls. */
const recentLineSizes = (page: Page) =>
  page.evaluate(() => {
    const smallest = (selector: string): number =>
      Math.min(
        ...[...document.querySelectorAll(selector)].map((el) =>
          Number.parseFloat(getComputedStyle(el).fontSize),
        ),
      );
    return {
      number: smallest('.recent-label'),
      counter: smallest('.recent-counter'),
      agency: smallest('.recent-agency .fit-text'),
    };
  });

/** Each earlier call as the board writes it: number, counter and agency. */
const recentRows = (page: Page) =>
  page
    .locator('.recent-item')
    .evaluateAll((items) =>
      items.map((item) =>
        ['.recent-label', '.recent-counter', '.recent-agency'].map(
          (part) => item.querySelector(part)?.textContent ?? '',
        ),
      ),
    );

/** How many columns the earlier calls are laid out in. */
const recentColumns = (page: Page) =>
  page
    .locator('.recent-item')
    .evaluateAll(
      (items) => new Set(items.map((i) => Math.round(i.getBoundingClientRect().left))).size,
    );

describe('the display board', () => {
  it('when a board of a zone is idle, then its other half shows what each counter holds and how many wait per agency, live', async () => {
    const caller = await createCaller(hub);
    const link = await boardLink(hub, ['lantai-2']);
    const pages = await Promise.all(SCREENS.map((s) => openBoard(link, s)));
    const page = pages[0]!;
    await page.getByTestId('zone-summary').waitFor();
    expect(await page.getByTestId('serving-loket-21').textContent()).toBe('Loket 21Tutup');
    expect(await page.getByTestId('waiting-imigrasi').textContent()).toBe('Imigrasi0 orang');

    // Counts change on every board of the zone as tickets are taken, without a reload.
    const first = await caller.issue('imigrasi-paspor-baru');
    await caller.issue('imigrasi-paspor-baru');
    for (const p of pages)
      await expect
        .poll(() => p.getByTestId('waiting-imigrasi').textContent(), { timeout: 10_000 })
        .toBe('Imigrasi2 orang');
    const label = await caller.callNext('loket-21');
    expect(label).toBe(first);
    for (const [i, p] of pages.entries()) {
      await expect.poll(() => latestNumber(p), { timeout: 10_000 }).toBe(label);
      await expect
        .poll(() => p.getByTestId('serving-loket-21').textContent(), { timeout: 10_000 })
        .toBe(`Loket 21${label}`);
      await expect
        .poll(() => p.getByTestId('waiting-imigrasi').textContent(), { timeout: 10_000 })
        .toBe('Imigrasi1 orang');
      expect(await whatIsCut(p)).toEqual([]);
      await screenshot(p, `display-${SCREENS[i]!.name}-idle-zone`);
    }
    await caller.callNext('loket-21'); // the second ticket, so later tests find no one waiting
    await Promise.all(pages.map((p) => p.close()));
  }, 120_000);

  it('when a board of one zone has 1, 2, 8 and 27 earlier calls with the longest names, then each shows its number, "Loket N" and agency whole at 1080p, 4K and portrait', async () => {
    const caller = await createCaller(hub);
    const link = await boardLink(hub, ['lantai-1'], { recentCalls: 40 });
    const pages = await Promise.all(SCREENS.map((s) => openBoard(link, s)));
    // The first call of the day in this zone: the counts below are the board's whole history.
    for (const page of pages) expect(await recentLabels(page)).toEqual([]);
    // Bank Pembangunan Daerah is the longest short name; PLN's the longest full name.
    const order = ['loket-10', 'loket-4', 'loket-12', 'loket-13', 'loket-11', 'loket-9', 'loket-3'];
    const shortName = (counterId: string) => {
      const agencyId = caller.counter(counterId).agencyId;
      return caller.building.agencies.find((a) => a.id === agencyId)!.shortName;
    };
    const made: { label: string; counter: string; agency: string }[] = [];

    for (const earlier of [1, 2, 8, 27]) {
      while (made.length < earlier + 1) {
        const counterId = order[made.length % order.length]!;
        const label = await caller.call(counterId);
        made.push({
          label,
          counter: `Loket ${caller.counter(counterId).number}`,
          agency: shortName(counterId),
        });
      }
      const expected = made
        .slice(0, -1)
        .reverse()
        .map((c) => [c.label, c.counter, c.agency]);
      for (const [i, page] of pages.entries()) {
        const screen = SCREENS[i]!;
        await page.bringToFront();
        await expect.poll(() => latestNumber(page), { timeout: 20_000 }).toBe(made.at(-1)!.label);
        await expect
          .poll(async () => (await recentLabels(page))[0], { timeout: 10_000 })
          .toBe(expected[0]![0]);
        // Newest first, as many as fit the screen, none with a counter or agency shortened.
        const rows = await recentRows(page);
        expect(rows, screen.name).toEqual(expected.slice(0, rows.length));
        if (earlier <= 8 && screen.name !== 'portrait') {
          expect(rows.length).toBe(earlier);
          expect(await recentColumns(page), `${screen.name} one column`).toBe(1);
        }
        if (earlier <= 2) expect(rows.length).toBe(earlier);
        if (earlier === 27) expect(rows.length).toBeGreaterThanOrEqual(8);
        expect(await whatIsCut(page), `${screen.name} ${earlier}`).toEqual([]);
        const sizes = await recentLineSizes(page);
        const { height } = page.viewportSize()!;
        expect(sizes.number, `${screen.name} number`).toBeGreaterThanOrEqual(0.016 * height);
        expect(sizes.agency, `${screen.name} agency`).toBeGreaterThanOrEqual(0.012 * height);
        await screenshot(page, `display-${screen.name}-one-zone-${earlier}-earlier`);
      }
    }
    await Promise.all(pages.map((p) => p.close()));
  }, 300_000);

  it('when 1, 9 and 41 calls of three floors are made (long agency names, two-letter numbers, counters past 10, recalls), then nothing of a call is cut at 1080p, 4K and portrait', async () => {
    const caller = await createCaller(hub);
    const link = await boardLink(hub, ['lantai-1', 'lantai-2', 'lantai-3'], {
      recentCalls: 40,
      agencyColumns: ['bank-daerah', 'bpjs-ketenagakerjaan', 'pdam'],
    });
    const pages = await Promise.all(SCREENS.map((s) => openBoard(link, s)));
    const AA = 'bpjs-ketenagakerjaan-informasi-perubahan-data';
    const calls: [string, string?][] = [
      ['loket-26', AA],
      ['loket-10'],
      ['loket-12'],
      ['loket-25'],
      ['loket-13'],
      ['loket-22'],
      ['loket-11'],
      ['loket-35'],
      ['loket-14'],
    ];
    const labels: string[] = [];
    const normal: Awaited<ReturnType<typeof recentLineSizes>>[] = [];
    const held = new Map<string, string>();

    for (const total of [1, 9, 41]) {
      while (labels.length < total) {
        const [counter, service] = calls[labels.length % calls.length]!;
        labels.push(await caller.call(counter, service));
        held.set(counter, labels.at(-1)!);
        // Every fourth call is made again: the list marks it as a recall.
        if (labels.length % 4 === 0 && labels.length < total) await caller.recall(counter);
      }
      const latest = labels.at(-1)!;
      for (const [i, page] of pages.entries()) {
        await page.bringToFront(); // a page in the background may not lay out until shown
        await expect.poll(() => latestNumber(page), { timeout: 20_000 }).toBe(latest);
        // Earlier tests' calls follow ours in the list; a long history shows its newest only.
        const ours = labels.slice(0, -1).reverse();
        if (ours.length > 0)
          await expect
            .poll(async () => (await recentLabels(page))[0], { timeout: 10_000 })
            .toBe(ours[0]);
        const shown = (await recentLabels(page)).slice(0, ours.length);
        expect(shown).toEqual(ours.slice(0, shown.length));
        await checkReadable(page);
        expect(await whatIsCut(page)).toEqual([]);
        // Every line keeps at least 85% of the size it has with 9 calls: fewer earlier calls
        // show rather than all of them shrinking out of reach of a reader across the room.
        const sizes = await recentLineSizes(page);
        if (total === 9) normal[i] = sizes;
        // Read from across the room: an earlier call's number is at least 1.6% of the
        // screen's height (17 px at 1080p, 31 px on a portrait 1920), whatever the history.
        const { height } = page.viewportSize() ?? { height: 0 };
        expect(sizes.number, `${SCREENS[i]!.name} number`).toBeGreaterThanOrEqual(0.016 * height);
        if (total === 41) {
          expect(shown.length).toBeLessThan(40);
          for (const part of ['number', 'counter', 'agency'] as const)
            expect(sizes[part], `${SCREENS[i]!.name} ${part}`).toBeGreaterThanOrEqual(
              0.85 * normal[i]![part],
            );
        }
        await screenshot(page, `display-${SCREENS[i]!.name}-${total}-calls`);
      }
    }
    expect(await pages[0]!.locator('.recent-recall').count()).toBeGreaterThan(0);
    // The agency columns show what each counter holds now.
    const column = await pages[0]!.getByTestId('agency-bank-daerah').textContent();
    expect(column).toContain(`Loket 10${held.get('loket-10')}`);
    expect(column).toContain(`Loket 11${held.get('loket-11')}`);
    await Promise.all(pages.map((p) => p.close()));
  }, 300_000);

  it('when the called ticket is transferred, finished or marked no-show, then it leaves the big panel and stays in the earlier calls', async () => {
    hub.advance(60_000);
    const caller = await createCaller(hub);
    const page = await openBoard(await boardLink(hub, ['lantai-1']), SCREENS[0]);
    const endings = [
      { transferTo: 'samsat-pajak-tahunan' },
      { finish: true },
      { noShow: true },
    ] as const;
    for (const how of endings) {
      const label = await caller.call('loket-4');
      await expect.poll(() => latestNumber(page), { timeout: 10_000 }).toBe(label);
      // A no-show needs the site's one recall first.
      if ('noShow' in how) await caller.recall('loket-4');
      await caller.release('loket-4', how);
      await expect
        .poll(() => page.locator('[data-testid="latest-number"]').count(), { timeout: 10_000 })
        .toBe(0);
      expect(await page.locator('.latest-caption').textContent()).toBe(
        'Menunggu panggilan berikutnya',
      );
      expect((await recentLabels(page))[0]).toBe(label);
      if ('transferTo' in how) await screenshot(page, 'display-1080p-after-transfer');
    }
    await page.close();
  }, 90_000);

  it('when a board of two floors announces a call, then it says the floor, a board of one zone does not, and both show the zone', async () => {
    hub.advance(60_000);
    const caller = await createCaller(hub);
    const both = await openBoard(await boardLink(hub, ['lantai-1', 'lantai-2']), SCREENS[0]);
    const one = await openBoard(await boardLink(hub, ['lantai-2']), SCREENS[2]);
    const label = await caller.call('loket-19');
    for (const page of [both, one]) {
      await expect.poll(() => latestNumber(page), { timeout: 10_000 }).toBe(label);
      expect(await page.getByTestId('latest-zone').textContent()).toBe('Lantai 2 — Sayap Timur');
    }
    const heard = async (page: Page) =>
      (await announcementsOf(page)).find((a) => a.label === label);
    await expect.poll(async () => (await heard(both))?.floor, { timeout: 10_000 }).toBe(2);
    expect((await heard(both))!.clips.slice(-2)).toEqual(['id/lantai', 'id/dua']);
    await expect.poll(async () => (await heard(one))?.floor, { timeout: 10_000 }).toBeNull();
    expect((await heard(one))!.clips).not.toContain('id/lantai');
    await screenshot(both, 'display-1080p-two-floors');
    await screenshot(one, 'display-portrait-zone-shown');
    await Promise.all([both.close(), one.close()]);
  }, 90_000);

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
      // The earlier calls share the half beside the media: a narrow column, still nothing cut.
      expect(await whatIsCut(page), screen.name).toEqual([]);
      await screenshot(page, `display-${screen.name}-media`);
      await page.close();
    }
  }, 90_000);
});
