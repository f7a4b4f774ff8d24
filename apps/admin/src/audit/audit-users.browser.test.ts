import type { Building } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import { ADMIN_PASSWORD, launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import type { UserView } from '@antre/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Chromium and scrypt sign-ins share two busy cores: generous, never timed asserts.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let hub: TestHub;
let browser: Browser;
let admin: string;
let page: Page;
let officer: UserView;
let ticketLabel: string;

const people = async () =>
  ((await hub.api('/api/users', { token: admin })).body.users as UserView[]) ?? [];
const nav = (name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

// A morning at one counter: a ticket issued, called, served and finished by the officer.
beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  admin = await hub.login('admin');
  const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  const counter = building.counters.find((c) => c.agencyId === 'disdukcapil')!;
  const issued = await hub.api('/api/tickets', {
    token: admin,
    body: { serviceId: counter.services[0]!.serviceId },
  });
  ticketLabel = issued.body.label as string;
  const socket = await hub.client(await hub.login('petugas.disdukcapil'));
  for (const name of [
    'counter:open',
    'counter:call-next',
    'counter:start',
    'counter:finish',
  ] as const)
    expect((await socket.command(name, { counterId: counter.id })).ok).toBe(true);
  officer = (await people()).find((u) => u.username === 'petugas.disdukcapil')!;

  // The admin's computer is set to London: the log must still read in the building's WIB.
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    timezoneId: 'Europe/London',
  });
  page = await context.newPage();
  await page.goto(`${hub.url}/admin/`);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('navigation').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('the audit log', () => {
  it('when the admin picks the officer and the ticket family, then each queue action reads in site time with its counter and address', async () => {
    await nav('Log audit');
    const table = page.getByTestId('audit');
    await table
      .getByText('Konfigurasi disimpan')
      .or(table.getByText('Dipanggil'))
      .first()
      .waitFor();

    await page.getByLabel('Pelaku').selectOption({
      label: `${officer.displayName} (${officer.username})`,
    });
    await page.getByLabel('Jenis tindakan').selectOption({ label: 'Antrean: tiket' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await table.getByText('Selesai dilayani').waitFor();

    const rows = table.locator('tbody tr');
    const texts = await rows.allTextContents();
    expect(texts).toHaveLength(3);
    for (const row of texts) {
      // 09:00 in Jakarta is 02:00 in London; the page shows the building's clock.
      expect(row).toMatch(/23\/11\/26,? 09[.:]00[.:]00 WIB/);
      expect(row).toContain(officer.displayName);
      expect(row).toContain('dari 127.0.0.1');
      expect(row).toContain(ticketLabel);
      expect(row).toMatch(/Loket: \S/);
      expect(row).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
    await screenshot(page, 'audit-users-audit-queue-actions');
  });
});

describe("audit details in the admin's words", () => {
  it('when a kiosk is approved with settings and an elderly ticket is issued, then the details read as words, not codes or JSON', async () => {
    const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
    const asked = await hub.api('/api/pairing', { body: { role: 'kiosk' } });
    const approved = await hub.api('/api/pairing/approve', {
      token: admin,
      body: {
        code: asked.body.code,
        role: 'kiosk',
        name: 'Kios Lantai 2',
        agencyIds: ['disdukcapil'],
        settings: { printer: { kind: 'virtual' }, paperWidth: 80, idleSeconds: 45, footer: '' },
      },
    });
    expect(approved.status).toBe(200);
    const serviceId = building.services[0]!.id;
    const issued = await hub.api('/api/tickets', {
      token: admin,
      body: { serviceId, priority: 'elderly' },
    });
    expect(issued.status).toBe(201);

    await nav('Log audit');
    const table = page.getByTestId('audit');
    await page.getByLabel('Pelaku').selectOption({ label: 'Semua orang dan perangkat' });
    await page.getByLabel('Jenis tindakan').selectOption({ label: 'Perangkat' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    const device = table.getByRole('row', { name: /Perangkat disetujui/ });
    await expect(device.textContent()).resolves.toMatch(
      /Peran:?\s*kios.*Pengaturan:?\s*Printer: Virtual \(uji coba\) · Kertas: 80 mm · Kembali ke awal: 45 detik/,
    );
    await screenshot(page, 'audit-users-audit-device-approve');

    await page.getByLabel('Jenis tindakan').selectOption({ label: 'Antrean: tiket' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    const ticket = table.getByRole('row', { name: new RegExp(issued.body.label as string) });
    await expect(ticket.first().textContent()).resolves.toMatch(/Prioritas:?\s*Lansia/);
    await screenshot(page, 'audit-users-audit-ticket-issued');

    await page.getByLabel('Jenis tindakan').selectOption({ label: 'Semua tindakan' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await table.getByText('Loket dibuka').first().waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toMatch(/Status:?\s*buka/);
    expect(text).not.toMatch(/[{}]|elderly|Peran:?\s*kiosk|settings|status:/);
  });
});

describe('people', () => {
  it('when the admin edits an officer into a supervisor of another agency, then the table and the audit log show it by name', async () => {
    await nav('Pengguna');
    await page.getByRole('button', { name: 'Ubah petugas.bpjs-kesehatan', exact: true }).click();
    const form = page.getByRole('form', { name: /^Ubah / });
    await form.getByLabel('Nama lengkap').fill('Bu Rina');
    await form.getByLabel('Peran').selectOption({ label: 'Supervisor' });
    await form.getByLabel('Instansi').selectOption({ index: 0 });
    await screenshot(page, 'audit-users-users-editing');
    await form.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByRole('status').filter({ hasText: 'Perubahan Bu Rina tersimpan' }).waitFor();

    const row = page.getByTestId('users').getByRole('row', { name: /petugas\.bpjs-kesehatan/ });
    // The table reloads after the notice: wait for the row rather than read it once.
    await row.filter({ hasText: /Bu Rina.*Supervisor/ }).waitFor();
    const edited = (await people()).find((u) => u.username === 'petugas.bpjs-kesehatan');
    expect(edited).toMatchObject({ displayName: 'Bu Rina', role: 'supervisor' });

    await nav('Log audit');
    await page.getByLabel('Jenis tindakan').selectOption({ label: 'Pengguna' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    const entry = page.getByTestId('audit').getByRole('row', { name: /Pengguna diubah/ });
    await expect(entry.textContent()).resolves.toMatch(
      /Administrator.*Bu Rina \(petugas\.bpjs-kesehatan\).*Peran\s*petugas → supervisor/,
    );
    await screenshot(page, 'audit-users-audit-user-update');
  });

  it('when a name is locked by wrong passwords, then it shows until when and the admin unlocks it', async () => {
    for (let i = 0; i < 5; i++)
      await hub.api('/api/auth/login', {
        body: { username: 'petugas.disdukcapil', password: 'salah-sekali' },
      });
    await nav('Log audit');
    await nav('Pengguna');
    const row = page.getByTestId('users').getByRole('row', { name: /petugas\.disdukcapil/ });
    await row.getByText(/Terkunci sampai \d\d[.:]\d\d/).waitFor();
    await screenshot(page, 'audit-users-users-locked');

    await row.getByRole('button', { name: 'Buka kunci petugas.disdukcapil' }).click();
    await page.getByRole('status').filter({ hasText: 'dapat masuk lagi' }).waitFor();
    await row.getByText('Aktif', { exact: true }).waitFor();
    expect((await people()).find((u) => u.username === 'petugas.disdukcapil')?.lockedUntil).toBe(
      null,
    );
  });
});

describe('the admin speaks Indonesian where the hub speaks English', () => {
  it('when a username, a counter without services and a template with a typo are refused, then each says why in Indonesian', async () => {
    await nav('Pengguna');
    const add = page.getByRole('form', { name: 'Tambah' });
    await add.getByLabel('Nama pengguna').fill('X');
    await add.getByLabel('Nama lengkap').fill('Salah Nama');
    await add.getByRole('button', { name: 'Tambah' }).click();
    await add.getByText('3–64 karakter: huruf kecil, angka, titik').waitFor();

    await nav('Gedung');
    await page.getByRole('button', { name: 'Tambah loket' }).click();
    const counterForm = page.getByRole('form', { name: 'Loket' });
    await counterForm.getByLabel('Nama', { exact: true }).fill('Loket Kosong');
    await counterForm.getByRole('button', { name: 'Simpan' }).click();
    await counterForm.getByText('Pilih paling sedikit 1.').waitFor();

    await nav('Tiket');
    const editor = page.getByLabel('Templat tiket (receiptline)');
    await editor.fill(`${await editor.inputValue()}\n{{footr}}`);
    await page.getByText('Pratinjau gagal: Isian tidak dikenal: {{footr}}').waitFor();
    await screenshot(page, 'audit-users-template-unknown-placeholder');
    expect(await page.locator('body').textContent()).not.toMatch(
      /Too small|lowercase letters|Unknown placeholders/,
    );
  });
});
