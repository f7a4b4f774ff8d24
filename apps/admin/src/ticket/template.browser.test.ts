import type { TestHub } from '@antre/hub/testing';
import { ADMIN_PASSWORD, launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Chromium and scrypt sign-ins share two busy cores: generous, never timed asserts.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let hub: TestHub;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${hub.url}/admin/#ticket`);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** The text a preview image shows: its SVG, decoded from the data URL, without the tags. */
async function previewText(mm: 58 | 80): Promise<string> {
  const src = (await page.getByTestId(`preview-${mm}`).getAttribute('src')) ?? '';
  const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
  return svg.replace(/<[^>]+>/g, '').replace(/&#xa0;/g, ' ');
}
const editor = () => page.getByLabel('Templat tiket (receiptline)');

describe('the ticket template page', () => {
  it('when the admin opens Tiket, then the template, its placeholders and both papers are shown', async () => {
    await page.getByTestId('preview-80').waitFor();
    await expect(editor().inputValue()).resolves.toContain('{{bigLabel}}');
    await expect(page.getByText('{{footer}}', { exact: true }).count()).resolves.toBe(1);
    expect(await previewText(58)).toContain('A-001');
    const [narrow, wide] = await Promise.all(
      ([58, 80] as const).map((mm) => page.getByTestId(`preview-${mm}`).boundingBox()),
    );
    expect(wide!.width).toBeGreaterThan(narrow!.width);
    await screenshot(page, 'admin-template-01-default');
  });

  it('when the admin types a new footer, then the preview follows and Simpan saves it for the printer', async () => {
    const custom = (await editor().inputValue()).replace('{{footer}}', 'Sampai jumpa di MPP');
    await editor().fill(custom);
    await page.waitForFunction(() => {
      const src = document.querySelector('[data-testid=preview-58]')?.getAttribute('src') ?? '';
      return decodeURIComponent(src)
        .replace(/<[^>]+>/g, '')
        .includes('jumpa');
    });
    expect(await previewText(80)).toContain('Sampai jumpa di MPP');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').getByText('Tersimpan').waitFor();
    const saved = await hub.api('/api/ticket-template', { token: await hub.login('admin') });
    expect(saved.body.template).toBe(custom);
    await screenshot(page, 'admin-template-02-saved');
  });

  it('when the admin writes an unknown placeholder, then saving is refused and says which', async () => {
    await editor().fill('{{siteName}}\n{{nomorAntrean}}');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(
      '{{nomorAntrean}}',
    );
    await screenshot(page, 'admin-template-03-refused');
  });

  it('when the admin empties the template, then the preview says so in Indonesian', async () => {
    await editor().fill('');
    await page.getByText('Pratinjau gagal: Templat masih kosong.').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('the template is empty');
    await screenshot(page, 'admin-template-04-empty');
  });

  it('when the admin presses Kembalikan ke bawaan and saves, then the default is in use again', async () => {
    await page.getByRole('button', { name: 'Kembalikan ke bawaan' }).click();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByTestId('template-state').getByText('templat bawaan').waitFor();
    const current = await hub.api('/api/ticket-template', { token: await hub.login('admin') });
    expect(current.body.isDefault).toBe(true);
  });
});
