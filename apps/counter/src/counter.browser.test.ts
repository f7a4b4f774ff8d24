import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('the counter app', () => {
  it('when opened, then the hub serves it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${hub.url}/counter/`);
    await expect(page.getByRole('heading', { name: 'Loket' }).textContent()).resolves.toBe('Loket');
    await screenshot(page, 'counter-skeleton');
  });
});
