import type { Building } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import { ADMIN_PASSWORD, launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import { networkInterfaces } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// Chromium and scrypt sign-ins share two busy cores: generous, never timed asserts.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const KTP = 'disdukcapil-ktp-el';
let hub: TestHub;
let browser: Browser;
let page: Page;
let admin: string;
let lanUrl: string;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  admin = await hub.login('admin');
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((i) => i?.family === 'IPv4' && !i.internal)?.address;
  lanUrl = `http://${lan}:${new URL(hub.url).port}`;
  // KTP-el keeps its own hours: the site page lists it as overriding the building's.
  const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  const services = building.services.map((s) =>
    s.id === KTP ? { ...s, hours: { mon: { open: '08:00', close: '14:00' } } } : s,
  );
  await hub.api('/api/building', { method: 'PUT', token: admin, body: { ...building, services } });

  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${hub.url}/admin/`);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('navigation').waitFor();
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await screenshot(page, 'site-address-failed');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const nav = (name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const addressField = () => page.getByLabel('Alamat publik hub');

describe("the public address in tickets' QR codes", () => {
  it('when no public address is set, then Hari ini warns and names the LAN address tickets carry', async () => {
    await nav('Hari ini');
    const warning = page.getByTestId('public-address-warning');
    await warning.getByText(lanUrl).waitFor();
    await expect(warning.textContent()).resolves.toContain('Alamat publik hub belum diatur');
    await screenshot(page, 'site-address-1-live-warning');
  });

  it('when the admin types a loopback address, then the save is refused in Indonesian under the field', async () => {
    await nav('Pengaturan gedung');
    await page.getByTestId('address-in-use').getByText(lanUrl).waitFor();
    await addressField().fill('http://127.0.0.1:8080/antrian');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();

    const error = page.locator('.field.bad', { has: addressField() }).locator('.field-error');
    await expect(error.textContent()).resolves.toMatch(/^Tulis alamat seperti https:\/\//);
    await addressField().scrollIntoViewIfNeeded();
    await screenshot(page, 'site-address-2-refused');
    const site = (await hub.api('/api/building', { token: admin })).body.site as Building['site'];
    expect(site.publicUrl).toBeUndefined();
  });

  it('when the admin checks an address nobody answers at, then the page says so', async () => {
    await addressField().fill(lanUrl); // the test hub listens on 127.0.0.1 only
    await page.getByRole('button', { name: 'Periksa alamat' }).click();
    const said = page.getByTestId('address-check');
    await said.getByText(/^Tidak ada jawaban dari/).waitFor({ timeout: 20_000 });
    await screenshot(page, 'site-address-3-check');
  });

  it('when the admin saves a public address, then the page shows it in use and Hari ini stops warning', async () => {
    await addressField().fill('https://antre.mpp-kota.go.id');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page
      .getByTestId('address-in-use')
      .getByText('Tiket sekarang memakai https://antre.mpp-kota.go.id.')
      .waitFor();
    await page
      .getByRole('heading', { name: 'Alamat untuk ponsel pengunjung' })
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'site-address-4-saved');

    await nav('Hari ini');
    await page.getByTestId('waiting-now').waitFor();
    await expect(page.getByTestId('public-address-warning').count()).resolves.toBe(0);
  });
});

describe('services with their own hours', () => {
  it('when a service keeps its own hours, then the site page lists it and its link opens its form', async () => {
    await nav('Pengaturan gedung');
    const list = page.getByTestId('hours-overrides');
    // The demo keeps many services on their own hours: the list starts folded, with a count.
    await list
      .locator('summary')
      .getByText(/^\d+ layanan di \d+ instansi memakai jam sendiri$/)
      .click();
    await list.scrollIntoViewIfNeeded();
    await expect(list.textContent()).resolves.toContain(
      'Perekaman dan Pencetakan KTP-el — Senin 08:00–14:00 · Selasa–Minggu libur',
    );
    await screenshot(page, 'site-address-5-overrides');

    await list.getByRole('link', { name: 'Perekaman dan Pencetakan KTP-el' }).click();
    const form = page.getByRole('form', { name: 'Layanan' });
    await expect(form.getByLabel('Nama', { exact: true }).inputValue()).resolves.toBe(
      'Perekaman dan Pencetakan KTP-el',
    );
    await screenshot(page, 'site-address-6-service-form');
  });
});

describe('the audit log of a site change', () => {
  it('when the admin saved the public address, then the log shows the setting before → after', async () => {
    await nav('Log audit');
    const row = page.getByTestId('audit').locator('tbody tr', { hasText: 'Alamat publik hub' });
    // The log loads after the page opens: asked once, the list may still be empty.
    await expect
      .poll(() => row.first().locator('dd').allTextContents(), { timeout: 10_000 })
      .toContain('— → https://antre.mpp-kota.go.id');
    await row.first().scrollIntoViewIfNeeded();
    await screenshot(page, 'site-address-7-audit');
  });
});
