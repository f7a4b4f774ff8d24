import type { Building } from '@antre/domain';
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

async function signIn(username: string, password: string) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('dialog', (d) => void d.accept());
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

/** A device asks to be paired as it would on first start; the admin approves it in the UI. */
async function pair(page: Page, role: 'kiosk' | 'display', name: string): Promise<string> {
  const asked = await hub.api('/api/pairing', { body: { role } });
  expect(asked.status).toBe(201);
  const { pairingId, code, secret } = asked.body as Record<string, string>;
  await nav(page, 'Gedung'); // leave and come back: the pending list loads on opening
  await nav(page, 'Perangkat');
  const row = page
    .getByTestId('pending')
    .locator('li', { hasText: code!.replace('-', '').slice(0, 3) });
  await row.getByRole('button', { name: 'Setujui' }).click();
  const form = page.getByRole('form', { name: 'Pasangkan perangkat' });
  await expect(form.getByLabel('Kode pemasangan').inputValue()).resolves.toBe(
    code!.replace('-', ''),
  );
  await form.getByLabel('Nama', { exact: true }).fill(name);
  await form.getByLabel('Pajak Daerah').check();
  if (role === 'kiosk') await form.getByLabel('Sambungan printer').selectOption('shell');
  await form.getByRole('button', { name: 'Setujui' }).click();
  await page.getByRole('status').filter({ hasText: name }).waitFor();
  const polled = await hub.api(`/api/pairing/${pairingId}?secret=${secret}`);
  expect(polled.body).toMatchObject({ status: 'approved' });
  return polled.body.token as string;
}

describe('the building admin sets up a new agency end to end', () => {
  let page: Page;
  let kiosk: string;
  let officerPassword: string;

  it('creates an agency, a service (after fixing a bad field) and a counter through the forms', async () => {
    page = await signIn('admin', ADMIN_PASSWORD);
    await nav(page, 'Gedung');
    await page.getByRole('button', { name: 'Tambah instansi' }).click();
    const agencyForm = page.getByRole('form', { name: 'Instansi' });
    await agencyForm.getByLabel('Nama', { exact: true }).fill('Badan Pendapatan Daerah');
    await agencyForm.getByLabel('Nama singkat').fill('Pajak Daerah');
    await agencyForm.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();

    await page.getByRole('button', { name: 'Tambah layanan' }).click();
    const form = page.getByRole('form', { name: 'Layanan' });
    await form.getByLabel('Nama', { exact: true }).fill('PBB-P2');
    await form.getByLabel('Awalan nomor').fill('P1'); // not letters only: the hub says so
    await form.getByLabel('Instansi').selectOption({ label: 'Badan Pendapatan Daerah' });
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Ada isian yang perlu diperbaiki').waitFor();
    await expect(
      form.locator('.field.bad', { hasText: 'Awalan nomor' }).textContent(),
    ).resolves.toContain('Satu atau dua huruf kapital');
    await expect(
      form.locator('.field.bad', { hasText: 'Waktu penyelesaian' }).count(),
    ).resolves.toBe(1);
    await screenshot(page, 'admin-config-01-service-errors');
    expect((await building()).services.some((s) => s.name === 'PBB-P2')).toBe(false);

    await form.getByLabel('Awalan nomor').fill('PJ');
    await form.getByLabel('Persyaratan').fill('KTP-el\nSPPT tahun lalu');
    await form.getByLabel('Prosedur').fill('Ambil antrean\nSerahkan berkas');
    await form.getByLabel('Waktu penyelesaian').fill('30 menit');
    await form.getByLabel('Biaya/tarif').fill('Gratis');
    await form.getByLabel('Produk layanan').fill('SPPT PBB');
    await form.getByLabel('Penanganan pengaduan').fill('Loket pengaduan lantai 1');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();

    await page.getByRole('button', { name: 'Tambah loket' }).click();
    const counterForm = page.getByRole('form', { name: 'Loket' });
    await counterForm.getByLabel('Nama', { exact: true }).fill('Loket Pajak');
    await counterForm.getByLabel('Instansi').selectOption({ label: 'Badan Pendapatan Daerah' });
    await counterForm.getByLabel('PJ · PBB-P2').check();
    await screenshot(page, 'admin-config-02-counter-form');
    await counterForm.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    await screenshot(page, 'admin-config-03-building');

    const b = await building();
    const agency = b.agencies.find((a) => a.shortName === 'Pajak Daerah');
    const service = b.services.find((s) => s.prefix === 'PJ');
    const counter = b.counters.find((c) => c.name === 'Loket Pajak');
    expect(service).toMatchObject({ agencyId: agency!.id, standard: { cost: 'Gratis' } });
    expect(counter).toMatchObject({ agencyId: agency!.id, services: [{ serviceId: service!.id }] });
  });

  it('adds an officer of the new agency on Pengguna and shows the password once', async () => {
    await nav(page, 'Pengguna');
    const form = page.getByRole('form', { name: 'Tambah' });
    await form.getByLabel('Nama pengguna').fill('petugas.pajak');
    await form.getByLabel('Nama lengkap').fill('Siti Pajak');
    await form.getByLabel('Instansi').selectOption({ label: 'Badan Pendapatan Daerah' });
    await form.getByRole('button', { name: 'Tambah' }).click();
    const shown = await page.getByRole('status').filter({ hasText: 'petugas.pajak' }).textContent();
    officerPassword = /petugas\.pajak: (\S+)/.exec(shown ?? '')![1]!;
    await page.getByTestId('users').getByText('Siti Pajak').waitFor();
    await screenshot(page, 'admin-config-04-users');
  });

  it('pairs a kiosk and a display; a ticket of the new service is issued and called', async () => {
    kiosk = await pair(page, 'kiosk', 'Kios Pajak');
    const display = await pair(page, 'display', 'Layar Pajak');
    expect(display).toBeTruthy();
    await page.getByTestId('devices').getByText('Layar Pajak').waitFor();
    await screenshot(page, 'admin-config-05-devices');

    const b = await building();
    const service = b.services.find((s) => s.prefix === 'PJ');
    const counter = b.counters.find((c) => c.name === 'Loket Pajak');
    const ticket = await hub.api('/api/tickets', {
      token: kiosk,
      body: { serviceId: service!.id },
    });
    expect(ticket.status).toBe(201);
    const officer = await hub.client(await hub.login('petugas.pajak', officerPassword));
    expect((await officer.command('counter:open', { counterId: counter!.id })).ok).toBe(true);
    const called = await officer.command('counter:call-next', { counterId: counter!.id });
    expect(called).toMatchObject({ ok: true });
    expect(JSON.stringify(called)).toContain(String(ticket.body.code));
  });

  it('revokes the kiosk after the in-page question, and its token is cut off', async () => {
    await page.getByRole('button', { name: 'Cabut Kios Pajak' }).click();
    await page
      .getByRole('dialog', { name: 'Cabut Kios Pajak?' })
      .getByRole('button', { name: 'Ya, cabut' })
      .click();
    await page
      .getByTestId('devices')
      .getByRole('row', { name: /Kios Pajak/ })
      .getByText('Dicabut')
      .waitFor();
    const b = await building();
    const service = b.services.find((s) => s.prefix === 'PJ');
    const refused = await hub.api('/api/tickets', {
      token: kiosk,
      body: { serviceId: service!.id },
    });
    expect(refused.status).toBe(401);
  });

  it('deactivates the officer only after the in-page question naming her, and her sign-in is refused', async () => {
    const native: string[] = [];
    page.on('dialog', (d) => native.push(d.message()));
    await nav(page, 'Pengguna');
    const ask = () =>
      page.getByRole('button', { name: 'Nonaktifkan petugas.pajak', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Nonaktifkan Siti Pajak?' });

    await ask();
    await expect(dialog.textContent()).resolves.toContain(
      'Siti Pajak (petugas.pajak) tidak dapat masuk lagi',
    );
    await screenshot(page, 'admin-config-05b-deactivate-dialog');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await dialog.waitFor({ state: 'detached' });
    const signIn = () =>
      hub.api('/api/auth/login', {
        body: { username: 'petugas.pajak', password: officerPassword },
      });
    expect((await signIn()).status).toBe(200);

    await ask();
    await dialog.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await page.getByRole('status').filter({ hasText: 'Siti Pajak dinonaktifkan.' }).waitFor();
    await page
      .getByTestId('users')
      .getByRole('row', { name: /petugas\.pajak/ })
      .getByText('Nonaktif', { exact: true })
      .waitFor();
    expect((await signIn()).status).not.toBe(200);
    expect(native).toEqual([]);
  });

  it('an invalid import changes nothing and says why', async () => {
    const before = await building();
    await nav(page, 'Gedung');
    const [first, ...rest] = before.services;
    const broken = {
      format: 'antre-building',
      version: 1,
      exportedAt: 'x',
      building: { ...before, zones: [], services: [{ ...first!, prefix: 'k1' }, ...rest] },
    };
    await page.getByTestId('import-file').setInputFiles({
      name: 'rusak.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'tidak ada yang diubah' });
    await alert.waitFor();
    // Named from the file, in Indonesian, five at most: no paths, no zod English.
    const said = (await alert.textContent()) ?? '';
    expect(said).toContain('Zona: Pilih paling sedikit 1.');
    expect(said).toContain(
      `Layanan «${first!.name}» › Awalan: Satu atau dua huruf kapital, mis. A atau AB.`,
    );
    expect(said).toMatch(/Loket «[^»]+» › Zona: Zona tidak ditemukan\./);
    expect(said).toMatch(/…dan \d+ lainnya\.$/);
    expect(said).not.toMatch(/building\.|Too small|capital letters/);
    await page.getByRole('heading', { name: 'Gedung', level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-config-06-import-refused');
    expect(await building()).toEqual(before);
  });

  it('the audit log lists the changes, filtered by action', async () => {
    await nav(page, 'Log audit');
    await page.getByLabel('Jenis tindakan').selectOption({ label: 'Pengguna' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByTestId('audit').getByText('user.create').first().waitFor();
    const actions = await page
      .getByTestId('audit')
      .locator('tbody td:nth-child(3) small.code')
      .allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.startsWith('user.'))).toBe(true);
    await screenshot(page, 'admin-config-07-audit');
    await page.close();
  });
});

describe('a supervisor', () => {
  it('sees only their agency and the hub refuses another agency', async () => {
    const page = await signIn('spv.disdukcapil', DEMO_PASSWORD);
    await expect(page.getByRole('navigation').getByText('Perangkat').count()).resolves.toBe(0);
    await nav(page, 'Pengguna');
    await page.getByTestId('users').locator('tbody tr').first().waitFor();
    const agencies = await page
      .getByTestId('users')
      .locator('tbody td:nth-child(4)')
      .allTextContents();
    expect(new Set(agencies)).toEqual(new Set(['Disdukcapil']));
    await expect(
      page.getByRole('form', { name: 'Tambah' }).getByLabel('Instansi').locator('option').count(),
    ).resolves.toBe(1);
    await screenshot(page, 'admin-config-08-supervisor-users');
    await nav(page, 'Gedung');
    await expect(page.getByTestId('list-services').textContent()).resolves.not.toContain('SIM');
    await screenshot(page, 'admin-config-09-supervisor-building');

    const spv = await hub.login('spv.disdukcapil');
    const other = (await building()).services.find((s) => s.agencyId === 'satpas');
    const patch = await hub.api(`/api/agencies/satpas/services/${other!.id}`, {
      token: spv,
      body: { targetWaitMinutes: 5 },
    });
    expect(patch.status).toBe(403);
    const hire = await hub.api('/api/users', {
      token: spv,
      body: {
        username: 'petugas.satpas.baru',
        displayName: 'X',
        role: 'officer',
        agencyId: 'satpas',
      },
    });
    expect(hire.status).toBe(403);
    await page.close();
  });
});
