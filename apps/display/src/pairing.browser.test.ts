import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
}, 60_000);

describe('pairing a display', () => {
  it('when /display/ is opened with no token, then it shows a code, and once the admin approves it the board appears', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${hub.url}/display/`);
    const codeBox = page.getByTestId('pairing-code');
    await codeBox.waitFor();
    const code = (await codeBox.textContent())!.trim();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}$/);
    await expect(page.locator('main').textContent()).resolves.toContain('Kode pemasangan');
    await screenshot(page, 'display-pairing-code');

    const admin = await hub.login('admin');
    const approved = await hub.api('/api/pairing/approve', {
      token: admin,
      body: { code, role: 'display', name: 'Papan lobi', zoneIds: ['lantai-1'] },
    });
    expect(approved.status).toBe(200);

    await page.locator('.board').waitFor();
    await screenshot(page, 'display-paired-board');
    const stored = await page.evaluate(() => window.localStorage.getItem('antre.display.token'));
    expect(stored).toMatch(/^d_/);
    const listed = (await hub.api('/api/devices', { token: admin })).body.devices as {
      id: string;
      online: boolean;
    }[];
    expect(listed.find((d) => d.id === approved.body.deviceId)).toMatchObject({ online: true });

    // Opened again, the board signs straight in with the stored token.
    await page.reload();
    await page.locator('.board').waitFor();
    expect(await page.getByTestId('pairing-code').count()).toBe(0);

    // Revoked: the board is cut off at once and asks to be paired again with a new code.
    const revoked = await hub.api(`/api/devices/${String(approved.body.deviceId)}/revoke`, {
      token: admin,
      body: {},
    });
    expect(revoked.status).toBe(200);
    await codeBox.waitFor();
    expect(await page.locator('.board').count()).toBe(0);
    expect((await codeBox.textContent())!.trim()).not.toBe(code);
    expect(
      await page.evaluate(() => window.localStorage.getItem('antre.display.token')),
    ).toBeNull();
    await page.close();
  });

  it('when a board opens, then it makes one pairing request, and a reload shows the same code', async () => {
    const admin = await hub.login('admin');
    const pendingCount = async () =>
      ((await hub.api('/api/pairing', { token: admin })).body.pending as unknown[]).length;
    const before = await pendingCount();
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    let asked = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/pairing')) asked += 1;
    });
    await page.goto(`${hub.url}/display/`);
    const codeBox = page.getByTestId('pairing-code');
    await codeBox.waitFor();
    const code = (await codeBox.textContent())!.trim();
    await page.waitForTimeout(2_500); // past the first poll: a late second request would show
    expect(asked).toBe(1);
    expect(await pendingCount()).toBe(before + 1);

    await page.reload();
    await codeBox.waitFor();
    expect((await codeBox.textContent())!.trim()).toBe(code);
    await page.waitForTimeout(500);
    expect(asked).toBe(1);
    expect(await pendingCount()).toBe(before + 1);
    await context.close();
  });
});
