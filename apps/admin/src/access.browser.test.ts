import type { TestHub } from '@antre/hub/testing';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  launchBrowser,
  screenshot,
  startTestHub,
} from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Chromium and scrypt sign-ins share two busy cores: generous, never timed asserts.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let hub: TestHub;
let browser: Browser;
beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function signIn(app: 'admin' | 'counter', username: string, password: string, hash = '') {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${hub.url}/${app}/${hash}`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).first().textContent();

describe('pages by role', () => {
  it.each(['#devices', '#site', '#ticket', '#audit', '#nothing'])(
    'when a supervisor opens the address %s, then the first page of theirs shows instead',
    async (hash) => {
      const page = await signIn('admin', 'spv.disdukcapil', DEMO_PASSWORD, hash);
      await page.getByRole('heading', { name: 'Hari ini, langsung' }).waitFor();
      expect(new URL(page.url()).hash).toBe('#live');
      expect(await page.getByText('Pasangkan perangkat').count()).toBe(0);
      expect(await page.getByText('Status diperbarui langsung').count()).toBe(0);
      if (hash === '#devices') await screenshot(page, 'access-spv-devices');
      await page.close();
    },
  );

  it('when a signed-in supervisor changes the address to an admin page, then the first page of theirs shows instead', async () => {
    const page = await signIn('admin', 'spv.disdukcapil', DEMO_PASSWORD, '#reports');
    await page.getByRole('heading', { name: 'Laporan layanan' }).waitFor();
    await page.evaluate(() => {
      window.location.hash = 'site';
    });
    await page.getByRole('heading', { name: 'Hari ini, langsung' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#live');
    expect(await heading(page)).toBe('Hari ini, langsung');
    await screenshot(page, 'access-spv-site');
    await page.close();
  });

  it('when the admin opens #devices, then the devices page shows', async () => {
    const page = await signIn('admin', 'admin', ADMIN_PASSWORD, '#devices');
    await page.getByRole('heading', { name: 'Perangkat', exact: true }).waitFor();
    expect(new URL(page.url()).hash).toBe('#devices');
    await page.close();
  });
});

describe('a locked account', () => {
  const lockOut = async (username: string): Promise<void> => {
    for (let i = 0; i < 5; i++)
      await hub.api('/api/auth/login', { body: { username, password: 'not-the-password' } });
  };

  it.each(['admin', 'counter'] as const)(
    'when a locked person signs in to the %s app, then it says the account is locked and for how long',
    async (app) => {
      const username = app === 'admin' ? 'spv.pdam' : 'petugas.pdam';
      await lockOut(username);
      const page = await signIn(app, username, DEMO_PASSWORD);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toBe(
        'Akun ini dikunci karena terlalu banyak kata sandi salah. Coba lagi dalam 15 menit, atau minta admin membuka kuncinya.',
      );
      await screenshot(page, `access-${app}-locked`);
      await page.close();
    },
  );
});
