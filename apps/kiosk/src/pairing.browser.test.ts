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

describe('pairing a kiosk', () => {
  it('when /kiosk/ is opened with no token, then it shows a code in Indonesian or English, and once approved it offers the agencies', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/kiosk/`);
    const codeBox = page.getByTestId('pairing-code');
    await codeBox.waitFor();
    const code = (await codeBox.textContent())!.trim();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}$/);
    await page.getByText('Kode pemasangan', { exact: true }).waitFor();
    await screenshot(page, 'kiosk-portrait-id-pairing-code');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Pairing code', { exact: true }).waitFor();
    expect((await codeBox.textContent())!.trim()).toBe(code);
    await screenshot(page, 'kiosk-portrait-en-pairing-code');

    const admin = await hub.login('admin');
    const approved = await hub.api('/api/pairing/approve', {
      token: admin,
      body: {
        code,
        role: 'kiosk',
        name: 'Kiosk lobi',
        agencyIds: ['disdukcapil'],
        settings: { printer: { kind: 'virtual' } },
      },
    });
    expect(approved.status).toBe(200);
    await page.getByRole('heading', { name: 'Choose the agency you need', exact: true }).waitFor();
    await screenshot(page, 'kiosk-portrait-en-paired');
    expect(await page.evaluate(() => window.localStorage.getItem('antre.kiosk.token'))).toMatch(
      /^d_/,
    );

    // Revoked: the kiosk stops offering tickets at once and shows a new pairing code.
    const revoked = await hub.api(`/api/devices/${String(approved.body.deviceId)}/revoke`, {
      token: admin,
      body: {},
    });
    expect(revoked.status).toBe(200);
    await codeBox.waitFor();
    expect((await codeBox.textContent())!.trim()).not.toBe(code);
    expect(await page.evaluate(() => window.localStorage.getItem('antre.kiosk.token'))).toBeNull();
    await page.close();
  });

  it('when a kiosk opens, then it makes one pairing request, and a reload shows the same code', async () => {
    const admin = await hub.login('admin');
    const pendingCount = async () =>
      ((await hub.api('/api/pairing', { token: admin })).body.pending as unknown[]).length;
    const before = await pendingCount();
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/pairing')) asked.push(r.url());
    });
    await page.goto(`${hub.url}/kiosk/`);
    const codeBox = page.getByTestId('pairing-code');
    await codeBox.waitFor();
    const code = (await codeBox.textContent())!.trim();
    await page.waitForTimeout(2_500); // past the first poll: a late second request would show
    expect(asked).toHaveLength(1);
    expect(await pendingCount()).toBe(before + 1);

    await page.reload();
    await codeBox.waitFor();
    expect((await codeBox.textContent())!.trim()).toBe(code);
    await screenshot(page, 'kiosk-pairing-after-reload');
    await page.waitForTimeout(500);
    expect(asked).toHaveLength(1);
    expect(await pendingCount()).toBe(before + 1);
    await context.close();
  });
});
