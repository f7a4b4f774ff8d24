import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../testing/browser';
import type { TestHub } from '../testing/test-hub';
import { ADMIN_PASSWORD, DEMO_PASSWORD, startTestHub } from '../testing/test-hub';

// Every app the hub serves, opened in Chromium under the hub's CSP: a blocked script, style,
// image, font, media or socket shows as a `securitypolicyviolation` or a console error.
let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function openWatched(path: string): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation;
      report(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${hub.url}${path}`);
  return { page, violations };
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** Lets late loads (logos, media, socket) happen, then checks nothing was blocked. */
async function settleAndCheck(page: Page, violations: string[], name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, `csp-${name}`);
  expect(violations, name).toEqual([]);
  await page.close();
}

describe('the content security policy', () => {
  it('when the home page is opened, then nothing is blocked', async () => {
    const { page, violations } = await openWatched('/');
    await page.getByRole('heading', { name: /Antre/ }).waitFor();
    // The stylesheet applied: the page is not in the browser's default serif.
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).toContain('system-ui');
    await settleAndCheck(page, violations, 'home');
  });

  it('when the kiosk is opened with its token, then nothing is blocked', async () => {
    // With a printer set: a kiosk without one shows "printer in trouble" instead of its
    // agencies once its printer check answers, which raced the wait below.
    const made = await hub.api('/api/devices', {
      token: await hub.login('admin'),
      body: {
        name: 'Kios CSP',
        role: 'kiosk',
        zoneIds: ['lantai-1'],
        settings: { printer: { kind: 'virtual' } },
      },
    });
    const token = made.body.token as string;
    const { page, violations } = await openWatched(`/kiosk/?token=${token}`);
    await page.getByRole('button', { name: /^Disdukcapil/ }).waitFor();
    await settleAndCheck(page, violations, 'kiosk');
  }, 90_000);

  it('when the display is opened with its token, then nothing is blocked', async () => {
    const token = await hub.device('display', ['lantai-1']);
    const { page, violations } = await openWatched(`/display/?token=${token}`);
    await page.waitForSelector('[data-testid]');
    await settleAndCheck(page, violations, 'display');
  }, 90_000);

  it('when a visitor opens the tracking page of a ticket, then nothing is blocked', async () => {
    const admin = await hub.login('admin');
    const issued = await hub.api('/api/tickets', {
      token: admin,
      body: { serviceId: 'satpas-perpanjangan-sim-c' },
    });
    const trackPath = new URL(issued.body.trackUrl as string, hub.url).pathname;
    const { page, violations } = await openWatched(trackPath);
    await page.getByText(String(issued.body.label)).first().waitFor();
    await settleAndCheck(page, violations, 'track');
  }, 90_000);

  it('when an officer signs in at the counter, then nothing is blocked', async () => {
    const { page, violations } = await openWatched('/counter/');
    await signIn(page, 'petugas.disdukcapil', DEMO_PASSWORD);
    await page.getByText('Pilih loket Anda').waitFor();
    await settleAndCheck(page, violations, 'counter');
  }, 90_000);

  it('when the admin signs in and opens every page, then nothing is blocked', async () => {
    const { page, violations } = await openWatched('/admin/');
    await signIn(page, 'admin', ADMIN_PASSWORD);
    const links = page.getByRole('navigation').getByRole('link');
    await links.first().waitFor();
    const names = await links.allTextContents();
    for (const name of names) {
      await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
      await page.waitForLoadState('networkidle');
    }
    expect(names.length).toBeGreaterThan(3);
    await settleAndCheck(page, violations, 'admin');
  }, 180_000);
});
