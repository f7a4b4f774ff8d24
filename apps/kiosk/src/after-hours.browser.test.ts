import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, MONDAY_MORNING, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { layoutProblems } from './testing/layout-problems';

vi.setConfig({ testTimeout: 90_000 });

let hub: TestHub;
let browser: Browser;
let token: string;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  const { body } = await hub.api('/api/devices', {
    token: await hub.login('admin'),
    body: {
      name: 'Kiosk Jam Tutup',
      role: 'kiosk',
      settings: { printer: { kind: 'virtual' }, idleSeconds: 600 },
    },
  });
  token = body.token as string;
});
afterEach(async (context) => {
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (context.task.result?.state === 'fail' && pages.length > 0)
    await screenshot(pages.at(-1)!, `kiosk-after-hours-failed-${context.task.name.slice(0, 40)}`);
  await Promise.all(pages.map((p) => p.close()));
  hub.setNow(MONDAY_MORNING);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

// Monday 23 November 2026, 17:00 WIB: the building closed at 16:00.
const MONDAY_EVENING = MONDAY_MORNING + 8 * 60 * 60_000;
const SIZES = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;

async function openKiosk(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${hub.url}/kiosk/?token=${token}`);
  await page.locator('.kiosk-top').waitFor();
  return page;
}

describe('the kiosk tells agencies apart', () => {
  it('when the demo building is shown, then no two tiles carry the same letters or colour', async () => {
    const page = await openKiosk(SIZES.portrait);
    await page.locator('.agency-card').first().waitFor();
    const tiles = await page.locator('.agency-card .agency-tile').evaluateAll((spans) =>
      spans.map((s) => ({
        text: s.textContent ?? '',
        colour: getComputedStyle(s).backgroundColor,
      })),
    );
    expect(tiles).toHaveLength(15);
    expect(new Set(tiles.map((t) => t.text)).size).toBe(tiles.length);
    expect(new Set(tiles.map((t) => t.colour)).size).toBe(tiles.length);
    expect(new Set(tiles.map((t) => `${t.text} ${t.colour}`)).size).toBe(tiles.length);
    await screenshot(page, 'kiosk-badges-portrait-id');
  });
});

describe('the kiosk after hours', () => {
  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`when the building has closed (${size}), then the whole screen says when numbers can be taken again and the standards stay readable`, async () => {
      hub.setNow(MONDAY_EVENING);
      const page = await openKiosk(viewport);
      const screen = page.getByTestId('after-hours');
      await screen.waitFor();
      expect(await page.locator('.agency-grid').count()).toBe(0);
      const text = (await screen.textContent()) ?? '';
      // The building opens at 07:30; Satpas' SIM renewal keeps its own hours from 08:00.
      expect(text).toContain(
        'Mal Pelayanan Publik Kota Harapan buka lagi Selasa, 24 November pukul 07.30 WIB.',
      );
      const simA = page.getByRole('button', { name: /Perpanjangan SIM A/ });
      expect(await simA.textContent()).toContain('Buka lagi Selasa, 24 November pukul 08.00 WIB');
      expect(await layoutProblems(page, { floating: false })).toEqual([]);
      await screenshot(page, `kiosk-after-hours-${size}-id`);

      await page.getByRole('button', { name: 'Huruf besar' }).click();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByText('opens again Tuesday 24 November at 07:30 WIB.').waitFor();
      expect(await layoutProblems(page, { floating: false })).toEqual([]);
      await screenshot(page, `kiosk-after-hours-${size}-en-large`);

      await page.getByRole('button', { name: /Perekaman dan Pencetakan KTP-el/ }).click();
      await page.getByRole('heading', { name: 'Perekaman dan Pencetakan KTP-el' }).waitFor();
      await page.getByRole('heading', { name: 'Requirements' }).waitFor();
      expect(await page.getByRole('button', { name: 'Take a queue number' }).count()).toBe(0);
      await page
        .getByText(
          'Queue numbers cannot be taken now. Opens again Tuesday 24 November at 07:30 WIB.',
        )
        .waitFor();
      expect(await layoutProblems(page, { floating: false })).toEqual([]);
      await screenshot(page, `kiosk-after-hours-${size}-en-large-standard`);
    });
  }
});
