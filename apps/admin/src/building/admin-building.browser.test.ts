import type { Building } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import {
  ADMIN_PASSWORD,
  launchBrowser,
  screenshot,
  SCREENSHOT_DIR,
  startTestHub,
} from '@antre/hub/testing';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Chromium and scrypt sign-ins share two busy cores: generous, never timed asserts.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let hub: TestHub;
let browser: Browser;
let admin: string;
let page: Page;
/** Every 404 the page asked for: a console error each in the browser. */
const notFound: string[] = [];

const nav = (name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const building = async () =>
  (await hub.api('/api/building', { token: admin })).body as unknown as Building;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  admin = await hub.login('admin');
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('response', (r) => {
    if (r.status() === 404) notFound.push(new URL(r.url()).pathname);
  });
  await page.goto(`${hub.url}/admin/`);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await nav('Gedung');
  await page.getByTestId('list-zones').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('the Gedung page', () => {
  it('deletes a counter after an in-page confirm, and a zone in use is refused plainly', async () => {
    const counter = (await building()).counters.at(-1)!;
    const label = `${counter.number} · ${counter.name}`;
    await page.getByRole('button', { name: `Hapus ${label}` }).click();
    const dialog = page.getByRole('dialog', { name: `Hapus ${label}?` });
    await dialog.waitFor();
    await screenshot(page, 'admin-building-05-confirm-delete');
    await dialog.getByRole('button', { name: 'Ya, hapus' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${label} dihapus` })
      .waitFor();
    expect((await building()).counters.some((c) => c.id === counter.id)).toBe(false);
    await expect(page.getByTestId('list-counters').textContent()).resolves.not.toContain(label);

    // A 409 comes as reason codes and reads in Indonesian, not in the hub's English.
    const open = (await building()).counters.find((c) => c.agencyId === 'samsat')!;
    const officer = await hub.client(await hub.login('petugas.samsat'));
    expect((await officer.command('counter:open', { counterId: open.id })).ok).toBe(true);
    const openLabel = `${open.number} · ${open.name}`;
    await page.getByRole('button', { name: `Hapus ${openLabel}` }).click();
    const openDialog = page.getByRole('dialog', { name: `Hapus ${openLabel}?` });
    await openDialog.getByRole('button', { name: 'Ya, hapus' }).click();
    await expect(openDialog.getByRole('alert').textContent()).resolves.toBe(
      `Tidak dihapus: Loket “${open.name}” sedang buka; tutup dulu sebelum menghapusnya.`,
    );
    await screenshot(page, 'admin-building-06-delete-refused-open');
    await openDialog.getByRole('button', { name: 'Tutup' }).click();
    expect((await officer.command('counter:close', { counterId: open.id })).ok).toBe(true);

    const zone = (await building()).zones[0]!;
    await page.getByRole('button', { name: `Hapus ${zone.name}`, exact: true }).click();
    const zoneDialog = page.getByRole('dialog', { name: `Hapus ${zone.name}?` });
    await zoneDialog.getByRole('button', { name: 'Ya, hapus' }).click();
    const refused = zoneDialog.getByRole('alert');
    await expect(refused.textContent()).resolves.toMatch(
      /^Tidak dihapus: masih dipakai oleh loket “Loket 1 — Disdukcapil”, .* dan \d+ lainnya\.$/,
    );
    await screenshot(page, 'admin-building-06-delete-refused');
    await zoneDialog.getByRole('button', { name: 'Tutup' }).click();
    await expect(zoneDialog.count()).resolves.toBe(0);
    expect((await building()).zones.some((z) => z.id === zone.id)).toBe(true);
  });

  it('narrows the Gedung lists to what the filter names, by name or prefix', async () => {
    const { services, counters } = await building();
    const search = page.getByRole('searchbox', { name: /Cari instansi, layanan/ });
    const rows = (list: string) => page.getByTestId(`list-${list}`).locator('li');
    await search.fill('KTP');
    const ktp = services.filter((s) => s.name.toLowerCase().includes('ktp'));
    await expect(rows('services').count()).resolves.toBe(ktp.length);
    await expect(rows('services').first().textContent()).resolves.toContain('KTP');
    await expect(rows('counters').count()).resolves.toBe(0);
    await page.getByText(/\d+ dari \d+ ditampilkan/).waitFor();
    await screenshot(page, 'admin-building-09-filter');

    // A prefix finds its service; a counter's number finds that counter.
    const service = services.find((s) => s.prefix.length === 1)!;
    await search.fill(service.prefix.toLowerCase());
    await expect(rows('services').allTextContents()).resolves.toContainEqual(
      expect.stringContaining(`${service.prefix} · ${service.name}`),
    );
    const counter = counters.at(-1)!;
    await search.fill(String(counter.number));
    await expect(rows('counters').allTextContents()).resolves.toContainEqual(
      expect.stringContaining(`${counter.number} · ${counter.name}`),
    );
    await search.fill('tidak ada yang begini');
    await page.getByText('Tidak ada yang cocok dengan “tidak ada yang begini”.').waitFor();
    await search.fill('');
    await expect(rows('counters').count()).resolves.toBe(counters.length);
  });

  it('puts Zona first on Gedung, in the first screen, with Instansi under it', async () => {
    const { zones } = await building();
    await nav('Gedung');
    await page.getByTestId('list-zones').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = async (list: string) => (await page.getByTestId(`list-${list}`).boundingBox())!;
    const [zoneList, agencyList, serviceList, counterList] = await Promise.all(
      ['zones', 'agencies', 'services', 'counters'].map(box),
    );
    // Counters need zones, so a new building starts there: no scrolling 3,000 px to find it.
    expect(zoneList!.y + zoneList!.height).toBeLessThanOrEqual(768);
    for (const other of [agencyList!, serviceList!, counterList!]) {
      expect(zoneList!.y).toBeLessThanOrEqual(other.y);
      expect(zoneList!.x).toBeLessThanOrEqual(other.x);
    }
    expect(agencyList!.x).toBe(zoneList!.x);
    expect(agencyList!.y).toBeGreaterThan(zoneList!.y + zoneList!.height);
    await screenshot(page, 'admin-building-11-zones-first');
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'admin-building-11-building-full.png'),
      fullPage: true,
    });

    // The filter still reaches the zones.
    const search = page.getByRole('searchbox', { name: /Cari instansi, layanan/ });
    await search.fill(zones[1]!.name);
    await expect(page.getByTestId('list-zones').locator('li').allTextContents()).resolves.toEqual([
      expect.stringContaining(zones[1]!.name),
    ]);
    await search.fill('');
  });

  it('imports a configuration file: it says so, and the side bar shows the new name at once', async () => {
    const exported = await hub.api('/api/building/export', { token: admin });
    const file = exported.body as unknown as { building: Building };
    const renamed = {
      ...file,
      building: {
        ...file.building,
        site: { ...file.building.site, name: 'MPP Kota Harapan Baru' },
      },
    };
    await page.getByTestId('import-file').setInputFiles({
      name: 'gedung.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(renamed)),
    });
    const notice = page.getByRole('status').filter({ hasText: 'Konfigurasi diimpor:' });
    await notice.waitFor();
    const { agencies, services, counters } = file.building;
    await expect(notice.textContent()).resolves.toBe(
      `Konfigurasi diimpor: MPP Kota Harapan Baru — ${agencies.length} instansi, ${services.length} layanan, ${counters.length} loket.`,
    );
    await page.getByRole('navigation').getByText('MPP Kota Harapan Baru').waitFor();
    expect((await building()).site.name).toBe('MPP Kota Harapan Baru');
    await screenshot(page, 'admin-building-10-imported');
  });

  it('asked for nothing that is not there', () => {
    expect(notFound).toEqual([]);
  });
});
