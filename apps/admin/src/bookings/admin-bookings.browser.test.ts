import type { Building } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import { ADMIN_PASSWORD, launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let hub: TestHub;
let browser: Browser;
let admin: string;
let page: Page;
const KTP = 'Perekaman dan Pencetakan KTP-el';
// The test hub's today is Monday 2026-11-23.
const TOMORROW = '2026-11-24';

const nav = (name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const building = async () =>
  (await hub.api('/api/building', { token: admin })).body as unknown as Building;
/** Text elements whose words do not fit their box. */
const clipped = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((el) => el.children.length === 0 && (el.textContent ?? '').trim() !== '')
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      .filter((el) => !['INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(el.tagName))
      .map((el) => `${el.tagName}: ${el.textContent}`),
  );

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  admin = await hub.login('admin');
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await page.goto(`${hub.url}/admin/`);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('Antrean online in the admin', () => {
  it('enables booking with two sessions, warns before a closure, lists and exports bookings', async () => {
    await nav('Gedung');
    await page.getByTestId('list-services').waitFor();
    await page.getByRole('button', { name: new RegExp(`^Ubah .*${KTP}`) }).click();
    const form = page.getByRole('form', { name: 'Layanan' });
    const section = form.getByTestId('booking-settings');
    await section.getByLabel('Terima pesanan online').check();
    await section.getByRole('button', { name: 'Tambah sesi' }).click();
    const second = section.getByTestId('booking-session-1');
    await second.getByLabel('Selesai').fill('12:00');
    // A session that ends before it starts is named next to its field, in Indonesian.
    await section.getByTestId('booking-session-0').getByLabel('Selesai').fill('07:00');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await expect(
      section.locator('.field.bad', { hasText: 'Selesai' }).first().textContent(),
    ).resolves.toContain('Sesi selesai sebelum dimulai.');
    await screenshot(page, 'admin-bookings-01-settings-error');
    await section.getByTestId('booking-session-0').getByLabel('Selesai').fill('10:00');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    const saved = (await building()).services.find((s) => s.name === KTP)!.booking!;
    expect(saved.sessions.map((s) => [s.start, s.end])).toEqual([
      ['08:00', '10:00'],
      ['10:00', '12:00'],
    ]);

    // The demo seeds its bookings on the wall clock's day, not the test hub's: book here.
    const KK = 'disdukcapil-kartu-keluarga';
    for (const [nik, name] of [
      ['3171014507900001', 'Siti Rahmawati'],
      ['3171011203850002', 'Budi Santoso'],
    ]) {
      const made = await hub.api('/api/bookings', {
        method: 'POST',
        body: { serviceId: KK, date: TOMORROW, sessionId: 'pagi', nik, name },
      });
      expect(made.status).toBe(201);
    }

    // A closure of a day with bookings: the form counts what saving it cancels.
    await page.getByRole('button', { name: /^Ubah .*Penerbitan Kartu Keluarga/ }).click();
    const kk = page.getByRole('form', { name: 'Layanan' }).getByTestId('booking-settings');
    await kk.getByRole('button', { name: 'Tambah tanggal tutup' }).click();
    await kk.getByLabel('Tanggal', { exact: true }).last().fill(TOMORROW);
    await kk.getByLabel('Alasan').last().fill('Pemadaman listrik');
    const warning = kk.getByTestId('closure-warning');
    await warning.getByText(`2 pesanan pada tanggal ${TOMORROW} akan dibatalkan.`).waitFor();
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-bookings-02-closure-warning');

    await nav('Pesanan online');
    await page.getByLabel('Layanan', { exact: true }).selectOption(KK);
    await page.getByLabel('Tanggal', { exact: true }).fill(TOMORROW);
    const table = page.locator('.booking-table').first();
    await table.waitFor();
    await expect(table.textContent()).resolves.toContain('Siti Rahmawati');
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-bookings-03-list');
    const code = (await table.locator('code').first().textContent())!;
    await page.getByLabel('Cari kode atau nama').fill(code);
    await page.getByRole('button', { name: 'Cari' }).click();
    await expect.poll(() => page.locator('.booking-table tbody tr').count()).toBe(1);
    for (const format of ['xlsx', 'csv']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`export-bookings-${format}`).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
    }
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /English|Bahasa/ })
      .click();
    await page.getByRole('heading', { name: 'Online bookings' }).waitFor();
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-bookings-04-list-en');
  });
});
