import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { CRASH_PAGE_HTML } from './crash-page';

const SCREENSHOTS = fileURLToPath(new URL('../../../.test-results/screenshots/', import.meta.url));

it('shows the crash notice in both orientations, readable from a step away', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, viewport] of [
      ['portrait', { width: 1080, height: 1920 }],
      ['landscape', { width: 1920, height: 1080 }],
    ] as const) {
      const page = await browser.newPage({ viewport });
      await page.setContent(CRASH_PAGE_HTML);
      await expect(page.getByText('Perangkat ini sedang bermasalah.').isVisible()).resolves.toBe(
        true,
      );
      const size = await page
        .getByText('Perangkat ini sedang bermasalah.')
        .evaluate((el) => getComputedStyle(el).fontSize);
      expect(parseFloat(size)).toBeGreaterThanOrEqual(32);
      await page.screenshot({ path: `${SCREENSHOTS}shell-crash-${name}.png` });
      await page.close();
    }
  } finally {
    await browser.close();
  }
});
