import type { HubClient } from '@antre/client';
import type { ChannelView, NotifySettings } from '@antre/protocol';
import type { FakeProvider, TestHub } from '@antre/hub/testing';
import {
  ADMIN_PASSWORD,
  launchBrowser,
  MONDAY_MORNING,
  screenshot,
  startFakeProvider,
  startTestHub,
} from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const MINUTE = 60_000;
const KTP = 'disdukcapil-ktp-el';
const KTP_NAME = 'Perekaman dan Pencetakan KTP-el';
const SECRET = 'token-rahasia-9f3a';

let hub: TestHub;
let fake: FakeProvider;
let browser: Browser;
let page: Page;
let admin: string;

const nav = (name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
const channels = async () =>
  (await hub.api('/api/admin/notify/channels', { token: admin })).body as unknown as ChannelView[];
const toggleLanguage = () =>
  page
    .getByRole('navigation')
    .getByRole('button', { name: /English|Bahasa/ })
    .click();
/** Text that does not fit its box, on the page and in the nav. */
const clipped = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('main *, nav *')]
      .filter((el) => el.children.length === 0 && (el.textContent ?? '').trim() !== '')
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      .filter((el) => !['INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(el.tagName))
      .map((el) => `${el.tagName}: ${el.textContent}`),
  );
/** The nav's last button is on screen: twelve pages still fit the window's height. */
const navFits = () =>
  page.evaluate(() => {
    const signOut = [...document.querySelectorAll('.who button')].at(-1)!;
    return signOut.getBoundingClientRect().bottom <= window.innerHeight;
  });

beforeAll(async () => {
  [hub, fake, browser] = await Promise.all([
    startTestHub(undefined, { notify: { pollMs: 20, alarmEveryMs: 50 } }),
    startFakeProvider(),
    launchBrowser(),
  ]);
  admin = await hub.login('admin');
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  // The page's clock is the hub's, so "since 09.30, 11 minutes" reads as the hub means it.
  await page.clock.setFixedTime(MONDAY_MORNING);
  await page.goto(`${hub.url}/admin/`);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await nav('Notifikasi');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await fake?.close();
});

describe('the Notifikasi page', () => {
  it('when the admin adds a log channel and a gateway from a preset, then the secret header comes back masked', async () => {
    await page.getByText('Belum ada saluran').waitFor();
    expect(await navFits()).toBe(true);
    // WhatsApp: each refusal is named by its field, the token's too.
    await page.getByRole('button', { name: '+ WhatsApp Cloud API' }).click();
    const whatsApp = page.getByRole('form', { name: 'Saluran baru: WhatsApp Cloud API' });
    await whatsApp.getByRole('button', { name: 'Simpan' }).click();
    await whatsApp
      .locator('.field.bad', { hasText: 'Phone number ID' })
      .getByText('berisi angka saja')
      .waitFor();
    await whatsApp.getByLabel('Phone number ID (dari Meta)').fill('106540352242922');
    await whatsApp.getByLabel('Nomor dipanggil').fill('antrean_dipanggil');
    await whatsApp.getByRole('button', { name: 'Simpan' }).click();
    await whatsApp
      .locator('.field.bad', { hasText: 'Token akses' })
      .getByText('Wajib diisi.')
      .waitFor();
    await expect(whatsApp.locator('.field.bad').count()).resolves.toBe(1);
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-notify-00-whatsapp-error');
    await whatsApp.getByRole('button', { name: 'Batal' }).click();

    await page.getByRole('button', { name: '+ Log' }).click();
    await page
      .getByRole('form', { name: 'Saluran baru: Log' })
      .getByRole('button', { name: 'Simpan' })
      .click();
    await page.getByRole('status').getByText('Saluran Log tersimpan.').waitFor();

    await page.getByRole('button', { name: '+ Gateway HTTP' }).click();
    const form = page.getByRole('form', { name: 'Saluran baru: Gateway HTTP' });
    await form.getByLabel('Mulai dari').selectOption({ label: 'Fonnte (WhatsApp)' });
    await form.getByTestId('preset-note').getByText('token perangkat dari dasbor Fonnte').waitFor();
    await expect(form.getByLabel('Isi permintaan').inputValue()).resolves.toContain('{{phone}}');
    // The test gateway stands in for Fonnte's address.
    await form.getByLabel('Alamat (URL) gateway').fill(`${fake.url}/send`);
    const header = form.getByTestId('header-0');
    await expect(header.getByLabel('Nama header').inputValue()).resolves.toBe('Authorization');
    await expect(header.getByLabel('Rahasia').isChecked()).resolves.toBe(true);
    await header.getByLabel('Nama header').fill('Auth Token');
    await header.getByLabel('Nilai').fill(SECRET);
    await form.getByRole('button', { name: 'Simpan' }).click();
    // The hub's complaint is named next to its field, in Indonesian.
    await header.locator('.field.bad').getByText('Nama header hanya huruf, angka').waitFor();
    await screenshot(page, 'admin-notify-01-gateway-error');
    await header.getByLabel('Nama header').fill('Authorization');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').getByText('Saluran Fonnte (WhatsApp) tersimpan.').waitFor();

    // The table reloads after the notice: wait for the row rather than read it once.
    const table = page.getByTestId('channels');
    await table.getByText('••••9f3a').first().waitFor();
    await expect(page.locator('main').textContent()).resolves.not.toContain(SECRET);
    const gateway = (await channels()).find((c) => c.kind === 'http')!;
    expect(gateway.secrets).toEqual({ Authorization: '••••9f3a' });
    expect(JSON.stringify(gateway)).not.toContain(SECRET);

    // Editing shows where the secret is, never the secret; left empty, it stays.
    await page.getByRole('button', { name: 'Ubah Fonnte (WhatsApp)' }).click();
    const edit = page.getByRole('form', { name: 'Ubah saluran: Gateway HTTP' });
    const value = edit.getByTestId('header-0').getByLabel('Nilai');
    await expect(value.inputValue()).resolves.toBe('');
    await expect(value.getAttribute('placeholder')).resolves.toBe(
      'tersimpan ••••9f3a, kosongkan untuk tetap',
    );
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-notify-02-gateway-edit');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').getByText('tersimpan.').waitFor();
    expect((await channels()).find((c) => c.id === gateway.id)!.secrets).toEqual({
      Authorization: '••••9f3a',
    });
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-notify-03-channels');
  });

  it('when the admin deletes a channel, then the page asks first, in the page', async () => {
    await page.getByRole('button', { name: '+ Web Push' }).click();
    const form = page.getByRole('form', { name: 'Saluran baru: Web Push' });
    await form.getByLabel('Kontak pengelola (VAPID subject)').fill('mailto:admin@mpp-kota.go.id');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').getByText('Saluran Web Push tersimpan.').waitFor();
    await page.getByRole('button', { name: 'Hapus Web Push' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hapus saluran Web Push?' });
    await dialog.waitFor();
    await screenshot(page, 'admin-notify-03b-delete-dialog');
    await dialog.getByRole('button', { name: 'Ya, hapus' }).click();
    await page.getByRole('status').getByText('Saluran Web Push dihapus.').waitFor();
    expect((await channels()).map((c) => c.kind).sort()).toEqual(['http', 'log']);
  });

  it('when the admin sets the phone channel, an override and a staff number, then a bad number is named by its field and a good one is saved', async () => {
    await tab('Pengaturan');
    const form = page.getByRole('form', { name: 'Pengaturan' });
    await form.getByLabel('Saluran untuk nomor telepon').selectOption({ label: 'Log' });
    await form.getByLabel('Cari layanan atau instansi').fill('KTP');
    await form.getByLabel(`Maks. menunggu: ${KTP_NAME}`).fill('5');
    await form.getByRole('button', { name: 'Tambah nomor' }).click();
    const row = form.getByTestId('staff-phone-0');
    await row.getByLabel('Instansi').selectOption({ label: 'Disdukcapil' });
    await row.getByLabel('Nomor telepon').fill('12345');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await row.locator('.field.bad').getByText('Tulis nomor HP seperti 081234567890').waitFor();
    await screenshot(page, 'admin-notify-04-settings-error');
    await row.getByLabel('Nomor telepon').fill('0812-3456-7890');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').getByText('Pengaturan notifikasi tersimpan.').waitFor();

    const log = (await channels()).find((c) => c.kind === 'log')!;
    const saved = (await hub.api('/api/admin/notify/settings', { token: admin }))
      .body as unknown as NotifySettings;
    expect(saved.phoneChannelId).toBe(log.id);
    expect(saved.services).toEqual({ [KTP]: { maxWaiting: 5 } });
    expect(saved.staffPhones).toEqual([{ agencyId: 'disdukcapil', phone: '6281234567890' }]);
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-notify-05-settings');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'admin-notify-05b-settings-top');
  });

  it('when the admin writes an unknown placeholder, then the field says so; a good text shows in the preview and is saved', async () => {
    await tab('Teks pesan');
    const editor = page.getByTestId('text-id');
    const text = editor.getByLabel('Teks Bahasa Indonesia');
    await text.fill('Nomor {label} hampir dipanggil di {loket}.');
    await editor.getByRole('button', { name: 'Simpan' }).click();
    await editor.locator('.field.bad').getByText('Isian {loket} tidak dikenal pesan ini').waitFor();
    await screenshot(page, 'admin-notify-06-text-error');

    await text.fill('Nomor {label}: tinggal {ahead} lagi. Kembali ke {place}.');
    await editor
      .getByTestId('preview-id')
      .getByText('Nomor A-012: tinggal 3 lagi. Kembali ke Loket 12–13 · Lantai 1.')
      .waitFor();
    await expect(editor.locator('.field.bad').count()).resolves.toBe(0);
    await editor.getByRole('button', { name: 'Simpan' }).click();
    await editor.getByRole('status').getByText('Tersimpan.').waitFor();
    const texts = (await hub.api('/api/admin/notify/texts', { token: admin })).body as unknown as {
      message: string;
      id: { text: string; edited: boolean };
    }[];
    expect(texts.find((m) => m.message === 'ticket.near')!.id).toMatchObject({
      text: 'Nomor {label}: tinggal {ahead} lagi. Kembali ke {place}.',
      edited: true,
    });
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-notify-07-texts');
  });

  it('when the admin sends a test through the log channel, then the outcome and the log say terkirim; a refused gateway shows as failed', async () => {
    await tab('Uji kirim');
    const form = page.getByRole('form', { name: 'Uji kirim' });
    await form.getByLabel('Saluran').selectOption({ label: 'Log' });
    await form.getByRole('button', { name: 'Kirim pesan uji' }).click();
    await page.getByTestId('test-outcome').getByText('Terkirim').waitFor();
    await screenshot(page, 'admin-notify-08-test-sent');

    fake.fail(401, 1);
    await form.getByLabel('Saluran').selectOption({ label: 'Fonnte (WhatsApp)' });
    await form.getByLabel('Nomor telepon tujuan').fill('081234567890');
    await form.getByRole('button', { name: 'Kirim pesan uji' }).click();
    await page.getByTestId('test-outcome').getByText('Gagal').waitFor();
    expect(fake.requests.at(-1)!.headers.authorization).toBe(SECRET);

    await tab('Log pengiriman');
    const table = page.getByTestId('deliveries');
    const sent = table.locator('tr', { hasText: 'Log' });
    await expect(sent.textContent()).resolves.toContain('Pesan uji');
    await expect(sent.textContent()).resolves.toContain('Terkirim');
    await expect(sent.textContent()).resolves.toContain('23/11/26');
    await page.getByTestId('failures').getByText('1 pengiriman gagal tercatat.').waitFor();
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-notify-09-log');
    await page.getByRole('button', { name: 'Tampilkan yang gagal' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await expect(table.locator('tbody').textContent()).resolves.toContain('Gagal');
  });

  it('when the page is shown at 1440×900 in English, then every tab reads in English and nothing is cut', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await toggleLanguage();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    const tabs = ['Channels', 'Settings', 'Message texts', 'Test send', 'Delivery log'];
    for (const [i, name] of tabs.entries()) {
      await tab(name);
      await page.locator('#notify-panel > *').first().waitFor();
      expect(await clipped()).toEqual([]);
      await screenshot(page, `admin-notify-1${i}-en-1440`);
    }
    await page.getByRole('button', { name: 'Failed', exact: true }).waitFor();
    await toggleLanguage();
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

describe('alarms on the live page', () => {
  let officer: HubClient;

  it('when the oldest wait passes the target, then Hari ini shows it in words with since when, and it goes once the ticket is called', async () => {
    officer = await hub.client(await hub.login('petugas.disdukcapil'));
    const desk = await hub.client(await hub.login('spv.disdukcapil'));
    expect((await officer.command('counter:open', { counterId: 'loket-1' })).ok).toBe(true);
    const issued = await desk.command('ticket:issue', { serviceId: KTP, priority: null });
    if (!issued.ok) throw new Error(issued.error.message);
    const label = issued.value.tickets[0]!.label;

    await nav('Hari ini');
    await page.getByTestId('waiting-now').waitFor();
    await expect(page.getByTestId('alarms').count()).resolves.toBe(0);
    // Target 30 minutes plus the 10 allowed over it, and one more: 09.41. The page's clock
    // moves first: an alarm that arrived before it would be drawn "0 menit" until the next tick.
    await page.clock.setFixedTime(MONDAY_MORNING + 41 * MINUTE);
    hub.advance(41 * MINUTE);
    const alarm = page.getByTestId('alarms').locator('li[data-kind=wait_over_target]');
    await alarm.waitFor();
    await expect(alarm.textContent()).resolves.toBe(
      `Disdukcapil${KTP_NAME}: tunggu terlama melewati target 30 menit (nomor ${label})sejak 09.30, 11 menit`,
    );
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-notify-20-live-alarm');
    await page.setViewportSize({ width: 1440, height: 900 });
    await toggleLanguage();
    await page.getByText('Queue alerts').waitFor();
    await alarm.getByText('since 09:30, 11 min').waitFor();
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-notify-21-live-alarm-en-1440');
    await toggleLanguage();
    await page.setViewportSize({ width: 1366, height: 768 });

    expect((await officer.command('counter:call-next', { counterId: 'loket-1' })).ok).toBe(true);
    await page.getByTestId('alarms').waitFor({ state: 'detached' });
  });
});
