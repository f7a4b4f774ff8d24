import type { TestHub } from '@antre/hub/testing';
import { ADMIN_PASSWORD, launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import type { DeviceSummary } from '@antre/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Chromium and scrypt sign-ins share two busy cores: generous, never timed asserts.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let hub: TestHub;
let browser: Browser;
let admin: string;
let page: Page;
let board: Page;
let kioskToken: string;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  admin = await hub.login('admin');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function device(body: object): Promise<string> {
  const created = await hub.api('/api/devices', { token: admin, body });
  expect(created.status).toBe(201);
  return created.body.token as string;
}
const listed = async (name: string) =>
  ((await hub.api('/api/devices', { token: admin })).body.devices as DeviceSummary[]).find(
    (d) => d.name === name,
  )!;

describe('the admin edits devices and the board follows live', () => {
  it('shows each device with its place and live status', async () => {
    kioskToken = await device({
      name: 'Kios Lobi',
      role: 'kiosk',
      agencyIds: ['disdukcapil'],
      settings: { printer: { kind: 'virtual' } },
    });
    const boardToken = await device({
      name: 'Papan Aula',
      role: 'display',
      zoneIds: ['lantai-1'],
      settings: { runningText: 'Selamat datang di MPP' },
    });
    board = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await board.goto(`${hub.url}/display/?token=${boardToken}`);
    await board.locator('.board-zone', { hasText: 'Lantai 1' }).waitFor();

    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('dialog', (d) => void d.accept());
    page.on('pageerror', (error) => console.error('admin page error', error));
    await page.goto(`${hub.url}/admin/#devices`);
    await page.getByLabel('Nama pengguna').fill('admin');
    await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    const row = (name: string) =>
      page.getByTestId('devices').getByRole('row', { name: new RegExp(name) });
    await row('Papan Aula').getByText('Daring').waitFor();
    await expect(row('Papan Aula').textContent()).resolves.toContain('Lantai 1');
    await page.getByText('Status diperbarui langsung').waitFor();

    // The kiosk comes online and its printer runs out of paper: the list says so without a reload.
    const kiosk = await hub.client(kioskToken);
    await row('Kios Lobi').getByText('Daring').waitFor();
    await kiosk.socket
      .timeout(5_000)
      .emitWithAck('kiosk:printer-status', { reported: 'paper_out' });
    await row('Kios Lobi').getByText('Kertas habis').waitFor();
    await screenshot(page, 'admin-devices-01-list');
  });

  it('shows a code the moment a device asks to pair, and drops it when it is rejected elsewhere', async () => {
    // The page stays open: no reload, and the fallback poll (60 s, only offline) cannot help.
    const asked = await hub.api('/api/pairing', { body: { role: 'display', name: 'Layar Lobi' } });
    expect(asked.status).toBe(201);
    const code = asked.body.code as string;
    const request = page.getByTestId('pending').locator('li', { hasText: code });
    await request.waitFor({ timeout: 15_000 });
    await expect(request.textContent()).resolves.toContain('Layar Lobi');
    await screenshot(page, 'admin-devices-01b-pairing-live');

    const rejected = await hub.api('/api/pairing/reject', { token: admin, body: { code } });
    expect(rejected.status).toBe(200);
    await request.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByText('Tidak ada perangkat yang menunggu.').waitFor();
  });

  it("changes a kiosk's paper width, after a bad idle time is named next to its field", async () => {
    await page.getByRole('button', { name: 'Ubah Kios Lobi' }).click();
    const form = page.getByRole('form', { name: 'Ubah perangkat: Kios Lobi' });
    await form.getByLabel('Lebar kertas').selectOption('58');
    await form.getByLabel(/Kembali ke layar awal/).fill('dua');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Isi dengan angka.').waitFor();
    expect((await listed('Kios Lobi')).settings).not.toMatchObject({ paperWidth: 58 });
    await screenshot(page, 'admin-devices-02-kiosk-error');

    await form.getByLabel(/Kembali ke layar awal/).fill('45');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('langsung berlaku').waitFor();
    expect((await listed('Kios Lobi')).settings).toMatchObject({
      printer: { kind: 'virtual' },
      paperWidth: 58,
      idleSeconds: 45,
    });
    await screenshot(page, 'admin-devices-03-kiosk-saved');
    await form.getByRole('button', { name: 'Tutup' }).click();
  });

  it("moves the board to another zone with new running text, and the open board shows it and that zone's calls", async () => {
    await page.getByRole('button', { name: 'Ubah Papan Aula' }).click();
    const form = page.getByRole('form', { name: 'Ubah perangkat: Papan Aula' });
    await form.getByLabel('Lantai 1 — Aula Utama').uncheck();
    await form.getByLabel('Lantai 2 — Sayap Timur').check();
    await form.getByLabel('Teks berjalan').fill('Layanan SIM pindah ke lantai 2');
    await screenshot(page, 'admin-devices-04-display-form');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('langsung berlaku').waitFor();

    await board.locator('.board-zone', { hasText: 'Lantai 2' }).waitFor();
    await board.locator('.ticker[aria-label="Layanan SIM pindah ke lantai 2"]').waitFor();
    // A call at a lantai-2 counter reaches the board on the socket it already had.
    const caller = await hub.client(admin);
    await caller.command('counter:open', { counterId: 'loket-14' });
    const issued = await hub.api('/api/tickets', {
      token: admin,
      body: { serviceId: 'satpas-perpanjangan-sim-c' },
    });
    await caller.command('counter:call-next', { counterId: 'loket-14' });
    await board.getByTestId('latest-number').getByText(String(issued.body.label)).waitFor();
    await screenshot(board, 'admin-devices-05-board-moved');
    await expect(
      page
        .getByTestId('devices')
        .getByRole('row', { name: /Papan Aula/ })
        .textContent(),
    ).resolves.toContain('Lantai 2');
  });

  it('uploads an image for the boards and lists it with its thumbnail', async () => {
    const image = await board.screenshot({ type: 'png' });
    await page
      .getByRole('region', { name: 'Media papan' })
      .locator('input[type=file]')
      .setInputFiles({ name: 'Jadwal Loket.png', mimeType: 'image/png', buffer: image });
    await page.getByText('Jadwal Loket.png diunggah').waitFor();
    const item = page.getByTestId('media').locator('li', { hasText: 'Jadwal Loket.png' });
    await item.locator('img').waitFor();
    await expect(
      item.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).resolves.toBeGreaterThan(0);
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-devices-06-media');
    const media = await hub.api('/api/display/media', { token: admin });
    expect(media.body).toEqual([
      expect.objectContaining({ name: 'Jadwal Loket.png', kind: 'image' }),
    ]);
  });

  it('shows a kiosk with no printer set as a problem, warns in its form, and clears once one is set', async () => {
    const token = await device({ name: 'Kios Tanpa Printer', role: 'kiosk' });
    const row = page.getByTestId('devices').getByRole('row', { name: /Kios Tanpa Printer/ });
    const kiosk = await hub.client(token);
    await row.getByText('Daring').waitFor();
    // Known from its settings before the kiosk asks about its printer...
    await row.getByText('Printer belum diatur').waitFor();
    await expect(row.textContent()).resolves.not.toContain('sejak');
    // ...and the hub raises the alert once it does, heard live.
    const status = () => kiosk.socket.timeout(5_000).emitWithAck('kiosk:printer-status', {});
    await status();
    await row.getByText(/sejak/).waitFor();
    await expect(row.textContent()).resolves.not.toContain('Siap');
    const alerts = await hub.api('/api/devices/alerts', { token: admin });
    expect(alerts.body.alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ deviceName: 'Kios Tanpa Printer', state: 'no_printer' }),
      ]),
    );
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-devices-07-no-printer');

    // Both forms say what a kiosk without a printer means.
    const approve = page.getByRole('form', { name: 'Pasangkan perangkat' });
    await approve.getByTestId('no-printer-warning').waitFor();
    await page.getByRole('button', { name: 'Ubah Kios Tanpa Printer' }).click();
    const form = page.getByRole('form', { name: 'Ubah perangkat: Kios Tanpa Printer' });
    await form.getByTestId('no-printer-warning').waitFor();
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByRole('alert').getByText('belum dapat mencetak tiket').waitFor();
    await screenshot(page, 'admin-devices-08-no-printer-form');
    await form.getByLabel('Sambungan printer').selectOption('virtual');
    await expect(form.getByTestId('no-printer-warning').count()).resolves.toBe(0);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByRole('status').getByText('langsung berlaku').waitFor();
    await form.getByRole('button', { name: 'Tutup' }).click();
    await row.getByText('Siap').waitFor();
    expect(await status()).toMatchObject({ ok: true, value: { state: 'ready' } });
    await expect(row.textContent()).resolves.not.toContain('belum diatur');
    kiosk.close();
  });

  it('revokes a device after an in-page question, never a browser dialog', async () => {
    const native: string[] = [];
    page.on('dialog', (d) => native.push(d.message()));
    const row = page.getByTestId('devices').getByRole('row', { name: /Kios Tanpa Printer/ });
    await row.getByRole('button', { name: 'Cabut Kios Tanpa Printer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cabut Kios Tanpa Printer?' });
    await dialog.getByText('dipasangkan ulang').waitFor();
    await screenshot(page, 'admin-devices-09-revoke-dialog');
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await expect(dialog.count()).resolves.toBe(0);
    expect((await listed('Kios Tanpa Printer')).revokedAt).toBeNull();

    await row.getByRole('button', { name: 'Cabut Kios Tanpa Printer' }).click();
    await dialog.getByRole('button', { name: 'Ya, cabut' }).click();
    await page.getByRole('status').filter({ hasText: 'Kios Tanpa Printer dicabut.' }).waitFor();
    await row.getByText('Dicabut').waitFor();
    expect((await listed('Kios Tanpa Printer')).revokedAt).toEqual(expect.any(Number));
    expect(native).toEqual([]);
  });
  it('refuses a wrong code, a display approved as a kiosk and a name in use, each in Indonesian next to its field', async () => {
    const form = page.getByRole('form', { name: 'Pasangkan perangkat' });
    const field = (label: string) =>
      form.locator('.field', { has: page.getByLabel(label, { exact: true }) });
    await form.getByLabel('Kode pemasangan').fill('ZZZ-999');
    await form.getByLabel('Nama', { exact: true }).fill('Kios Lantai 2');
    await form.getByRole('button', { name: 'Setujui' }).click();
    await field('Kode pemasangan')
      .getByText('Tidak ada perangkat yang menunggu dengan kode ini.')
      .waitFor();
    await page.getByText('Ditolak oleh server: Tidak ada perangkat').waitFor();
    await form
      .getByRole('heading', { name: 'Pasangkan perangkat' })
      .evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'admin-devices-10-bad-code');

    const asked = await hub.api('/api/pairing', { body: { role: 'display', name: 'Layar Aula' } });
    const code = asked.body.code as string;
    const request = page.getByTestId('pending').locator('li', { hasText: code });
    await request.getByRole('button', { name: 'Setujui' }).click();
    await form.getByLabel('Peran').selectOption('kiosk');
    await form.getByRole('button', { name: 'Setujui' }).click();
    await field('Peran').getByText('Perangkat ini membuka aplikasi layar').waitFor();
    await form
      .getByRole('heading', { name: 'Pasangkan perangkat' })
      .evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'admin-devices-11-wrong-role');

    await form.getByLabel('Peran').selectOption('display');
    await form.getByLabel('Nama', { exact: true }).fill('papan aula');
    await form.getByRole('button', { name: 'Setujui' }).click();
    await field('Nama').getByText('Nama ini sudah dipakai perangkat lain.').waitFor();
    await form
      .getByRole('heading', { name: 'Pasangkan perangkat' })
      .evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'admin-devices-12-name-taken');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/No device is waiting|opened the|already used/);
    expect(await listed('papan aula')).toBeUndefined();
    expect(await request.count()).toBe(1);
  });

  it('renames a kiosk and the panel title follows; a name in use is refused by its field', async () => {
    await page.getByRole('button', { name: 'Ubah Kios Lobi' }).click();
    const panel = page.locator('form.config-form', { hasText: 'Ubah perangkat:' });
    await panel.getByLabel('Nama', { exact: true }).fill('Kios Lobi Timur');
    await panel.getByRole('button', { name: 'Simpan' }).click();
    await panel.getByText('langsung berlaku').waitFor();
    await panel.getByRole('heading', { name: 'Ubah perangkat: Kios Lobi Timur' }).waitFor();

    await panel.getByLabel('Nama', { exact: true }).fill('Papan Aula');
    await panel.getByRole('button', { name: 'Simpan' }).click();
    await panel.getByText('Nama ini sudah dipakai perangkat lain.').waitFor();
    await panel.getByRole('heading', { name: 'Ubah perangkat: Kios Lobi Timur' }).waitFor();
    expect(await listed('Kios Lobi Timur')).toBeDefined();
    await screenshot(page, 'admin-devices-13-rename-taken');
    await panel.getByRole('button', { name: 'Tutup' }).click();
  });
});
