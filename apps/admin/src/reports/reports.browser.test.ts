import type { TestHub } from '@antre/hub/testing';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  launchBrowser,
  MONDAY_MORNING,
  screenshot,
  startFakeProvider,
  startTestHub,
} from '@antre/hub/testing';
import type { FakeProvider } from '@antre/hub/testing';
import type { DeliveryView } from '@antre/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Chromium and scrypt sign-ins share two busy cores: generous, never timed asserts.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const MIN = 60_000;
const KTP = 'disdukcapil-ktp-el';
const KIA = 'disdukcapil-kia';
const KK = 'disdukcapil-kartu-keluarga';
const SIM = 'satpas-perpanjangan-sim-a';

let hub: TestHub;
let browser: Browser;
let admin: string;
let fake: FakeProvider;

type HubClient = Awaited<ReturnType<TestHub['client']>>;

const issue = async (serviceId: string) => {
  const { status, body } = await hub.api('/api/tickets', { token: admin, body: { serviceId } });
  if (status !== 201) throw new Error(JSON.stringify(body));
  return body as unknown as { id: string; code: string };
};
const officerAt = async (username: string, counterId: string) => {
  const client: HubClient = await hub.client(await hub.login(username));
  return async (name: Parameters<HubClient['command']>[0], extra: object = {}) => {
    const ack = await client.command(name, { counterId, ...extra } as never);
    if (!ack.ok) throw new Error(`${name}: ${ack.error.message}`);
  };
};

/**
 * WhatsApp (a fake provider) tells, who opted in, when their turn nears and
 * when transferred; it has no template for "called", so those fail.
 */
async function notifyByWhatsApp(codes: string[]): Promise<void> {
  const made = await hub.api('/api/admin/notify/channels', {
    token: admin,
    body: {
      kind: 'whatsapp',
      name: 'WhatsApp MPP',
      enabled: true,
      baseUrl: fake.url,
      phoneNumberId: '1234567890',
      templates: { 'ticket.near': 'antrean_dekat', 'ticket.transferred': 'antrean_dialihkan' },
      token: 'wa-token-uji',
    },
  });
  const settings = (await hub.api('/api/admin/notify/settings', { token: admin })).body;
  await hub.api('/api/admin/notify/settings', {
    method: 'PUT',
    token: admin,
    body: { ...settings, phoneChannelId: made.body.id },
  });
  for (const [i, code] of codes.entries()) {
    const body = { medium: 'phone', phone: `08120000000${i}`, consent: true };
    if ((await hub.api(`/api/tickets/${code}/notify`, { body })).status !== 201)
      throw new Error(`opt-in ${code} refused`);
  }
}

/** Until the worker has sent or given up on every message. */
async function deliveriesSettled(): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    const pending = (await hub.api('/api/admin/notify/deliveries?status=pending', { token: admin }))
      .body as unknown as DeliveryView[];
    if (pending.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('messages still pending');
}

/**
 * A morning at Disdukcapil: A-003 is cancelled; Loket 1 serves A-001 and sends A-002 on from
 * KTP-el to KIA; Loket 2 serves D-001 and is serving A-002 at KIA now; a KK visitor waits.
 * Satpas has one visitor waiting and Loket 15 on a break.
 */
beforeAll(async () => {
  [hub, browser, fake] = await Promise.all([
    startTestHub(),
    launchBrowser(),
    startFakeProvider({ token: 'wa-token-uji' }),
  ]);
  admin = await hub.login('admin');
  const a1 = await issue(KTP);
  const a2 = await issue(KTP);
  await notifyByWhatsApp([a1.code, a2.code]);
  await issue(KIA);
  await issue(KK);
  const cancelled = await issue(KTP);
  await issue(SIM);
  const client = await hub.client(await hub.login('petugas.disdukcapil'));
  const ack = await client.command('ticket:cancel', { ticketId: cancelled.id });
  if (!ack.ok) throw new Error(ack.error.message);

  const loket1 = await officerAt('petugas.disdukcapil', 'loket-1');
  await loket1('counter:open');
  hub.advance(5 * MIN);
  for (const step of ['counter:call-next', 'counter:start'] as const) await loket1(step);
  hub.advance(10 * MIN);
  await loket1('counter:finish');
  await loket1('counter:call-next');
  await loket1('counter:transfer', { toServiceId: KIA, note: 'Anak belum punya KIA' });
  await loket1('counter:close');
  // Loket 2 serves KTP-el (now empty) and KIA: it calls D-001, then A-002 (all came at 09.00).
  const loket2 = await officerAt('petugas.disdukcapil', 'loket-2');
  await loket2('counter:open');
  for (const step of ['counter:call-next', 'counter:start'] as const) await loket2(step);
  hub.advance(8 * MIN);
  await loket2('counter:finish');
  for (const step of ['counter:call-next', 'counter:start'] as const) await loket2(step);

  const loket15 = await officerAt('petugas.satpas', 'loket-15');
  await loket15('counter:open');
  await loket15('counter:pause', { reason: 'Sholat Zuhur' });
  await deliveriesSettled();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await fake?.close();
});

async function signIn(username: string, password: string) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.clock.install({ time: MONDAY_MORNING + 30 * MIN });
  await page.goto(`${hub.url}/admin/`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}
const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();
const cell = (page: Page, table: string, row: RegExp, column: string) =>
  page
    .getByTestId(table)
    .getByRole('row', { name: row })
    .locator(`[data-col=${column}]`)
    .textContent();

describe('Hari ini', () => {
  it('when the admin opens it, then the open counters show their officer and ticket, and idle services wait behind a toggle', async () => {
    const page = await signIn('admin', ADMIN_PASSWORD);
    const counters = page.getByTestId('live-counters');
    await counters.waitFor();
    const loket2 = counters.getByRole('row', { name: /Loket 2/ });
    await expect(loket2.textContent()).resolves.toContain('Petugas Disdukcapil');
    await expect(loket2.textContent()).resolves.toContain(
      'A-002 sedang dilayani · Penerbitan Kartu Identitas Anak (KIA)',
    );
    const loket15 = counters.getByRole('row', { name: /Loket 15/ });
    await expect(loket15.textContent()).resolves.toMatch(
      /Istirahat · Sholat Zuhursejak \d\d\.\d\d/,
    );
    await expect(counters.locator('tbody tr').count()).resolves.toBe(2);

    // Waiting first: KK and SIM A have a visitor each; then Loket 2's services.
    const services = page.getByTestId('live-services').locator('tbody tr');
    const shown = await services.count();
    expect(shown).toBe(4); // KK and SIM A (waiting), KTP-el and KIA (Loket 2 open)
    await expect(services.nth(0).locator('td').nth(2).textContent()).resolves.toBe('1');
    await screenshot(page, 'reports-01-live');
    await page.getByTestId('toggle-idle-services').click();
    await expect(services.count()).resolves.toBeGreaterThan(30);
    await page.getByTestId('toggle-idle-services').click();
    await expect(services.count()).resolves.toBe(shown);
    await page.close();
  });
});

describe('Laporan', () => {
  it('when the admin opens it, then cancelled and transferred show, and counters count calls', async () => {
    const page = await signIn('admin', ADMIN_PASSWORD);
    await nav(page, 'Laporan');
    await expect(text(page, 'total-issued')).resolves.toBe('6');
    await expect(text(page, 'total-served')).resolves.toBe('2');
    await expect(text(page, 'total-cancelled')).resolves.toBe('1');
    await expect(text(page, 'total-transferred')).resolves.toBe('1');
    await expect(text(page, 'transfer-rule')).resolves.toContain('di layanan asal');
    // The outcomes add up to the issued: A-002 is being served, KK and SIM A still wait.
    await expect(text(page, 'total-expired')).resolves.toBe('0');
    await expect(text(page, 'total-voided')).resolves.toBe('0');
    await expect(text(page, 'tally-rule')).resolves.toContain(
      '6 diterbitkan = 2 dilayani + 0 tidak hadir + 1 dibatalkan + 0 kedaluwarsa + 3 belum selesai',
    );
    // Period-wide times as mean · median · p90; A-001 and D-001 took 10 and 8 minutes.
    const triple = /^\d+(,\d)? · \d+(,\d)? · \d+(,\d)?$/;
    await expect(text(page, 'total-wait')).resolves.toMatch(triple);
    await expect(text(page, 'total-service')).resolves.toMatch(/^9 · /);
    // A-002 was issued and sent on at KTP-el, and served at KIA.
    const ktp = /Perekaman dan Pencetakan KTP-el/;
    await expect(cell(page, 'table-services', ktp, 'issued')).resolves.toBe('3');
    await expect(cell(page, 'table-services', ktp, 'served')).resolves.toBe('1');
    await expect(cell(page, 'table-services', ktp, 'cancelled')).resolves.toBe('1');
    await expect(cell(page, 'table-services', ktp, 'transferred')).resolves.toBe('1');
    await expect(cell(page, 'table-services', /KIA/, 'issued')).resolves.toBe('1');
    await expect(cell(page, 'table-services', /KIA/, 'served')).resolves.toBe('1');
    await expect(cell(page, 'table-services', ktp, 'service')).resolves.toMatch(/^10 · /);
    await expect(cell(page, 'table-services', ktp, 'wait')).resolves.toMatch(triple);
    const head = page.getByTestId('table-services').locator('thead');
    await expect(head.textContent()).resolves.toContain('rata‑rata · median · p90 (menit)');
    await screenshot(page, 'reports-02-admin');
    await page.getByTestId('table-services').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-03-admin-services');

    const counters = page.getByTestId('table-counters');
    await expect(counters.locator('thead').textContent()).resolves.toContain('Dipanggil');
    await expect(counters.locator('thead').textContent()).resolves.not.toContain('Diterbitkan');
    // Loket 1 called A-001 and A-002 (then sent on); Loket 2 called D-001 and A-002 at KIA.
    await expect(cell(page, 'table-counters', /Loket 1 /, 'called')).resolves.toBe('2');
    await expect(cell(page, 'table-counters', /Loket 1 /, 'transferred')).resolves.toBe('1');
    await expect(cell(page, 'table-counters', /Loket 2 /, 'called')).resolves.toBe('2');
    await expect(cell(page, 'table-counters', /Loket 2 /, 'transferred')).resolves.toBe('0');
    await expect(cell(page, 'table-officers', /Petugas Disdukcapil/, 'called')).resolves.toBe('4');
    await counters.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-03-admin-counters');
    await page.close();
  });

  it('when visitors were messaged, then Notifikasi counts them by message and channel, in both languages', async () => {
    const page = await signIn('admin', ADMIN_PASSWORD);
    await nav(page, 'Laporan');
    const block = page.getByTestId('notify-report');
    await block.scrollIntoViewIfNeeded();
    await expect(block.getByRole('heading').textContent()).resolves.toBe('Notifikasi');
    // "Near" at KTP-el and at KIA and the transfer went out; the three calls had no template.
    await expect(text(page, 'notify-sent')).resolves.toBe('3');
    await expect(text(page, 'notify-failed')).resolves.toBe('3');
    await expect(text(page, 'notify-skipped')).resolves.toBe('0');
    await expect(text(page, 'notify-pending')).resolves.toBe('0');
    await expect(cell(page, 'notify-by-message', /Giliran hampir tiba/, 'sent')).resolves.toBe('2');
    await expect(cell(page, 'notify-by-message', /Nomor dipanggil/, 'failed')).resolves.toBe('3');
    await expect(cell(page, 'notify-by-message', /Antrean dialihkan/, 'sent')).resolves.toBe('1');
    await expect(cell(page, 'notify-by-channel', /WhatsApp/, 'sent')).resolves.toBe('3');
    await expect(cell(page, 'notify-by-channel', /WhatsApp/, 'failed')).resolves.toBe('3');
    // Kinds nothing was sent of are left out: one channel, three messages, and the sum.
    await expect(page.getByTestId('notify-by-channel').locator('tbody tr').count()).resolves.toBe(
      1,
    );
    await expect(page.getByTestId('notify-by-message').locator('tbody tr').count()).resolves.toBe(
      3,
    );
    await page.getByTestId('export-notifications-csv').waitFor();
    await block.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-07-notifications-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await block.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-08-notifications-1920');

    await page.getByRole('button', { name: 'English' }).click();
    await expect(block.getByRole('heading').textContent()).resolves.toBe('Notifications');
    await expect(cell(page, 'notify-by-message', /Number called/, 'failed')).resolves.toBe('3');
    await expect(block.locator('thead').first().textContent()).resolves.toContain('Sent');
    await block.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-09-notifications-en-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await block.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-10-notifications-en-1366');
    await page.close();
  });

  it('when "Dari" is after "Sampai", then the picker says so and asks the hub nothing', async () => {
    const page = await signIn('admin', ADMIN_PASSWORD);
    await nav(page, 'Laporan');
    await page.getByTestId('total-issued').waitFor();
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/reports/')) asked.push(r.url());
    });
    await page.getByRole('button', { name: 'Pilih tanggal' }).click();
    await page.getByLabel('Dari').fill('2026-11-20');
    await expect(text(page, 'period-shown')).resolves.toContain('20/11/2026 s.d. 23/11/2026');
    await page.getByLabel('Sampai').fill('2026-11-19');
    await expect(text(page, 'period-error')).resolves.toBe(
      '“Dari” harus sebelum atau sama dengan “Sampai”.',
    );
    await expect(text(page, 'period-shown')).resolves.toContain('20/11/2026 s.d. 23/11/2026');
    await expect(page.getByText('Data yang dikirim tidak valid.').count()).resolves.toBe(0);
    await screenshot(page, 'reports-06-bad-period');
    await page.getByLabel('Sampai').fill('2026-11-21');
    await expect(page.getByTestId('period-error').count()).resolves.toBe(0);
    await expect(text(page, 'period-shown')).resolves.toContain('20/11/2026 s.d. 21/11/2026');
    await page.getByTestId('total-issued').waitFor();
    // Only forward periods reached the hub.
    expect(asked.some((u) => u.includes('to=2026-11-19'))).toBe(false);
    expect(asked.some((u) => u.includes('to=2026-11-21'))).toBe(true);
    await page.close();
  });

  it('when a supervisor opens it, then the chart shows their services, not one agency bar', async () => {
    const page = await signIn('spv.disdukcapil', DEMO_PASSWORD);
    await nav(page, 'Laporan');
    const chart = page.getByTestId('served-chart');
    await expect(chart.locator('figcaption').textContent()).resolves.toBe('Dilayani per layanan');
    await expect(chart.locator('rect').count()).resolves.toBe(2); // KTP-el and KIA
    await expect(text(page, 'total-transferred')).resolves.toBe('1');
    await screenshot(page, 'reports-04-supervisor');
    await nav(page, 'Hari ini');
    await page.getByTestId('live-counters').waitFor();
    await expect(page.getByTestId('live-counters').locator('tbody tr').count()).resolves.toBe(1);
    await screenshot(page, 'reports-05-supervisor-live');
    await page.close();
  });
});
