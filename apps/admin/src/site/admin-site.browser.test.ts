import type { Building } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
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

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  admin = await hub.login('admin');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** Every 404 the admin pages asked for: a console error each in the browser. */
const notFound: string[] = [];

async function signIn(username: string, password: string, width = 1366, height = 768) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('response', (r) => {
    if (r.status() === 404) notFound.push(new URL(r.url()).pathname);
  });
  await page.goto(`${hub.url}/admin/`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('navigation').waitFor();
  return page;
}
const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const building = async () =>
  (await hub.api('/api/building', { token: admin })).body as unknown as Building;

/** A 600×240 PNG drawn by Chromium itself: larger than a logo may be, so it gets scaled. */
async function makePng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 600;
    canvas.height = 240;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#0b5cad';
    g.fillRect(0, 0, 600, 240);
    g.fillStyle = '#ffd400';
    g.beginPath();
    g.arc(120, 120, 90, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#fff';
    g.font = 'bold 90px sans-serif';
    g.fillText('DKP', 240, 155);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}
/** Every change the page sends to the hub from now on, with its body's size in bytes. */
function changesSent(page: Page) {
  const sent: { method: string; path: string; bytes: number; image: boolean }[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'GET' || !path.startsWith('/api/')) return;
    const body = r.postData() ?? '';
    const image = body.includes('data:image');
    sent.push({ method: r.method(), path, bytes: Buffer.byteLength(body), image });
  });
  return sent;
}
const pngSize = (dataUrl: string) => {
  const bytes = Buffer.from(dataUrl.split(',')[1]!, 'base64');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};

describe('the building admin', () => {
  let page: Page;

  it('changes the site hours and adds a holiday; a bad field is shown next to it first', async () => {
    page = await signIn('admin', ADMIN_PASSWORD);
    await nav(page, 'Pengaturan gedung');
    // No site logo yet: none is shown, and none is asked for.
    await page.getByRole('form', { name: 'Pengaturan gedung' }).waitFor();
    await expect(page.getByRole('navigation').locator('img.brand-logo').count()).resolves.toBe(0);
    expect(notFound).toEqual([]);
    // The tab's icon is the hub's, not a 404 in the console.
    await expect(
      page.evaluate(async () => {
        const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
        return link ? (await fetch(link.href)).status : 0;
      }),
    ).resolves.toBe(200);
    const form = page.getByRole('form', { name: 'Pengaturan gedung' });
    await form.getByLabel('Jam tutup Senin').fill('15:00');
    await form.getByLabel('Jam tutup Selasa').fill('07:00'); // before it opens: the hub says so
    await form.getByRole('button', { name: 'Tambah hari libur' }).click();
    const holidays = form.getByTestId('holidays').locator('li');
    await holidays.last().getByLabel('Tanggal').fill('2026-09-14');
    await screenshot(page, 'admin-site-01-form');
    await form.getByRole('button', { name: 'Simpan' }).click();

    await page.getByText('Ada isian yang perlu diperbaiki').waitFor();
    await expect(form.getByTestId('hours-tue').textContent()).resolves.toContain(
      'Jam tutup sebelum jam buka',
    );
    await expect(form.getByTestId('hours-mon').locator('.field-error').count()).resolves.toBe(0);
    // Sorted before saving, so the row the hub names is the one the admin sees.
    const bad = holidays.filter({ has: page.locator('.field-error') });
    await expect(bad.getByLabel('Tanggal').inputValue()).resolves.toBe('2026-09-14');
    await expect(bad.textContent()).resolves.toContain('Wajib diisi');
    // Every holiday shows on the page: no box of its own that scrolls rows (and their red
    // marks) out of sight while the banner says to look for them.
    const list = form.getByTestId('holidays').locator('ul');
    const hidden = await list.evaluate((ul) => {
      const box = ul.getBoundingClientRect();
      return [...ul.children]
        .map((li) => li.getBoundingClientRect())
        .filter((r) => r.top < box.top - 1 || r.bottom > box.bottom + 1 || r.right > box.right + 1)
        .length;
    });
    expect(hidden).toBe(0);
    await bad.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-site-02-errors');
    await page.screenshot({
      path: join(SCREENSHOT_DIR, 'admin-site-02-errors-full.png'),
      fullPage: true,
    });
    const untouched = await building();
    expect(untouched.site.hours.mon).toEqual({ open: '07:30', close: '16:00' });

    await form.getByLabel('Jam tutup Selasa').fill('16:00');
    await bad.getByLabel('Nama hari libur').fill('HUT Kota Harapan');
    await form.getByTestId('logo-file').setInputFiles({
      name: 'logo-mpp.png',
      mimeType: 'image/png',
      buffer: await makePng(page),
    });
    await form.getByRole('img', { name: /Logo Mal Pelayanan Publik/ }).waitFor();
    const sent = changesSent(page);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    // The settings and the new logo each go to their own endpoint; the building never does.
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /api/building/site',
      'PUT /api/logos/site',
    ]);
    // The header shows the new site logo at once.
    await expect(
      page.getByRole('navigation').locator('img.brand-logo').getAttribute('src'),
    ).resolves.toMatch(/^data:image\/png;base64,/);

    const { site } = await building();
    expect(site.hours.mon).toEqual({ open: '07:30', close: '15:00' });
    expect(site.hours.tue).toEqual({ open: '07:30', close: '16:00' });
    expect(site.holidays).toContainEqual({ date: '2026-09-14', name: 'HUT Kota Harapan' });
    expect(pngSize(site.logo!)).toEqual({ width: 256, height: 102 });
    const dates = site.holidays.map((h) => h.date);
    expect(dates).toEqual([...dates].sort());

    // With a logo stored, a site save is the settings alone: small, and no logo is sent again.
    sent.length = 0;
    await form.getByLabel('Jam tutup Senin').fill('15:30');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/building/site')),
      form.getByRole('button', { name: 'Simpan' }).click(),
    ]);
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /api/building/site']);
    expect(sent[0]!.image).toBe(false);
    expect(sent[0]!.bytes).toBeGreaterThan(500);
    expect(sent[0]!.bytes).toBeLessThan(16 * 1024);
    const saved = await building();
    expect(saved.site.hours.mon).toEqual({ open: '07:30', close: '15:30' });
    expect(saved.site.logo).toBe(site.logo);
    await page.evaluate(() => window.scrollTo({ top: 0 }));
    await screenshot(page, 'admin-site-02c-saved');
  });

  it('shows every holiday name in full on Pengaturan gedung', async () => {
    const form = page.getByRole('form', { name: 'Pengaturan gedung' });
    const names = form.getByTestId('holidays').getByLabel('Nama hari libur');
    const long = 'Hari Raya Idulfitri 1447 Hijriah (hari kedua)';
    const values = await names.evaluateAll((boxes) =>
      (boxes as HTMLTextAreaElement[]).map((b) => b.value),
    );
    expect(values).toContain(long);
    // Nothing is cut off: each name box is as wide and as tall as its text.
    const clipped = await names.evaluateAll((boxes) =>
      (boxes as HTMLTextAreaElement[])
        .filter((b) => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)
        .map((b) => b.value),
    );
    expect(clipped).toEqual([]);
    await form.getByTestId('holidays').scrollIntoViewIfNeeded();
    await names.evaluateAll((boxes, name) => {
      const box = (boxes as HTMLTextAreaElement[]).find((b) => b.value === name);
      box?.scrollIntoView({ block: 'center' });
    }, long);
    await screenshot(page, 'admin-site-02b-holidays');
  });

  it('uploads an agency logo, scaled to 256 px, and the kiosk shows it on the agency button', async () => {
    const png = await makePng(page);
    await nav(page, 'Gedung');
    await page
      .getByRole('button', { name: 'Ubah Dinas Kependudukan dan Pencatatan Sipil' })
      .click();
    const form = page.getByRole('form', { name: 'Instansi' });
    await form.getByLabel('Kontak').fill('Lantai 1, loket 1–6 · (021) 555-0101');
    await form.getByTestId('logo-file').setInputFiles({
      name: 'logo-dukcapil.png',
      mimeType: 'image/png',
      buffer: png,
    });
    await form.getByRole('img', { name: /Logo Disdukcapil/ }).waitFor();
    await screenshot(page, 'admin-site-03-agency-logo');
    const sent = changesSent(page);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    // The building is saved without a single logo, then the new one on its own.
    expect(sent.map((r) => [`${r.method} ${r.path}`, r.image])).toEqual([
      ['PUT /api/building', false],
      ['PUT /api/logos/agencies/disdukcapil', true],
    ]);

    const agency = (await building()).agencies.find((a) => a.id === 'disdukcapil')!;
    expect(agency.contact).toBe('Lantai 1, loket 1–6 · (021) 555-0101');
    expect(pngSize(agency.logo!)).toEqual({ width: 256, height: 102 });

    const { body } = await hub.api('/api/devices', {
      token: admin,
      body: { name: 'Kios Lobi', role: 'kiosk', settings: { printer: { kind: 'virtual' } } },
    });
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${hub.url}/kiosk/?token=${body.token as string}`);
    const logo = kiosk.getByRole('button', { name: /^Disdukcapil/ }).locator('img');
    await logo.waitFor();
    await expect(logo.getAttribute('src')).resolves.toMatch(
      /^\/api\/logos\/agencies\/disdukcapil\?v=/,
    );
    await expect(
      logo.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
    ).resolves.toBe(256);
    const siteLogo = kiosk.locator('header img.kiosk-logo');
    await expect(siteLogo.getAttribute('src')).resolves.toMatch(/^\/api\/logos\/site\?v=/);
    await expect(
      siteLogo.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
    ).resolves.toBe(256);
    await screenshot(kiosk, 'admin-site-04-kiosk-logo');
    await kiosk.close();
  });

  it('shows the site logo beside the name on a board, without pushing the clock off', async () => {
    const { body } = await hub.api('/api/devices', {
      token: admin,
      body: { name: 'Papan Lobi', role: 'display', zoneIds: [(await building()).zones[0]!.id] },
    });
    for (const [width, height, name] of [
      [1920, 1080, 'admin-site-04-board-logo'],
      [1080, 1920, 'admin-site-04-board-logo-portrait'],
    ] as const) {
      const board = await browser.newPage({ viewport: { width, height } });
      await board.goto(`${hub.url}/display/?token=${body.token as string}`);
      const logo = board.locator('.board-header img.board-logo');
      await logo.waitFor();
      await expect(logo.getAttribute('src')).resolves.toMatch(/^\/api\/logos\/site\?v=/);
      await logo.evaluate((img: HTMLImageElement) => img.decode());
      const header = (await board.locator('.board-header').boundingBox())!;
      const logoBox = (await logo.boundingBox())!;
      const clock = (await board.locator('.board-clock').boundingBox())!;
      expect(logoBox.height).toBeLessThanOrEqual(header.height);
      expect(logoBox.x + logoBox.width).toBeLessThan(clock.x);
      expect(clock.x + clock.width).toBeLessThanOrEqual(width);
      await screenshot(board, name);
      await board.close();
    }
  });

  it('shows the site page in English at 1920×1080', async () => {
    const wide = await signIn('admin', ADMIN_PASSWORD, 1920, 1080);
    await wide.getByRole('button', { name: 'English' }).click();
    await nav(wide, 'Site settings');
    await wide.getByRole('form', { name: 'Site settings' }).getByLabel('Time zone').waitFor();
    await screenshot(wide, 'admin-site-07-site-en-1920');
    await wide.close();
    await page.close();
    expect(notFound).toEqual([]);
  });
});

describe('a supervisor', () => {
  it("edits their service's quota, sees only the fields they may change, and cannot reach another agency's", async () => {
    const page = await signIn('spv.disdukcapil', DEMO_PASSWORD);
    // The site has a logo now: the supervisor's header shows it by its public URL.
    const logo = page.getByRole('navigation').locator('img.brand-logo');
    await expect(logo.getAttribute('src')).resolves.toMatch(/\/api\/logos\/site\?v=/);
    await expect(
      logo.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)),
    ).resolves.toBe(256);
    await expect(page.getByRole('navigation').getByText('Pengaturan gedung').count()).resolves.toBe(
      0,
    );
    await nav(page, 'Gedung');
    const list = page.getByTestId('list-services');
    await expect(list.textContent()).resolves.not.toContain('SIM');
    const service = (await building()).services.find((s) => s.agencyId === 'disdukcapil')!;
    await list.getByRole('button', { name: `Ubah ${service.prefix} · ${service.name}` }).click();
    const form = page.getByRole('form', { name: 'Layanan' });
    await expect(form.getByLabel('Awalan nomor').count()).resolves.toBe(0);
    await expect(form.getByLabel('Aturan prioritas').count()).resolves.toBe(0);
    await form.getByLabel(/Kuota harian/).fill('0');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await expect(
      form.locator('.field.bad', { hasText: 'Kuota harian' }).textContent(),
    ).resolves.toContain('Paling kecil 1');
    await form.getByLabel(/Kuota harian/).fill('120');
    await form.getByLabel('Jam sendiri').check();
    await form.getByLabel('Jam tutup Sabtu').fill('11:00');
    await screenshot(page, 'admin-site-08-supervisor-service');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();

    const saved = (await building()).services.find((s) => s.id === service.id)!;
    expect(saved.dailyQuota).toBe(120);
    expect(saved.hours?.sat).toEqual({ open: '08:00', close: '11:00' });
    expect(saved.prefix).toBe(service.prefix);

    const spv = await hub.login('spv.disdukcapil');
    const other = (await building()).services.find((s) => s.agencyId !== 'disdukcapil')!;
    const refused = await hub.api(`/api/agencies/${other.agencyId}/services/${other.id}`, {
      token: spv,
      body: { dailyQuota: 1 },
    });
    expect(refused.status).toBe(403);
    const sneaky = await hub.api(`/api/agencies/disdukcapil/services/${other.id}`, {
      token: spv,
      body: { dailyQuota: 1 },
    });
    expect(sneaky.status).toBe(404);
    await page.close();
    expect(notFound).toEqual([]);
  });
});
