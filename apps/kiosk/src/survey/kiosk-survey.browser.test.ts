import type { HubClient } from '@antre/client';
import { SKM_ELEMENTS, SKM_WORDING } from '@antre/domain';
import type { IkmReport } from '@antre/protocol';
import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const KTP = 'disdukcapil-ktp-el'; // prefix A, served at Loket 1
const PORTRAIT = { width: 1080, height: 1920 };
const SCORES = [3, 3, 4, 4, 3, 3, 4, 3, 3];

let hub: TestHub;
let browser: Browser;
let officer: HubClient;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  officer = await hub.client(await hub.login('petugas.disdukcapil'));
});
afterEach(async (context) => {
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (context.task.result?.state === 'fail' && pages.length > 0)
    await screenshot(pages.at(-1)!, `kiosk-survey-failed-${context.task.name.slice(0, 30)}`);
  await Promise.all(pages.map((p) => p.close()));
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function issue(): Promise<string> {
  const issued = await officer.command('ticket:issue', { serviceId: KTP, priority: null });
  if (!issued.ok) throw new Error(issued.error.message);
  return issued.value.tickets[0]!.label;
}

async function serveNext(): Promise<void> {
  for (const name of ['counter:open', 'counter:call-next', 'counter:start', 'counter:finish']) {
    const ack = await officer.command(name as 'counter:start', { counterId: 'loket-1' });
    if (!ack.ok) throw new Error(`${name}: ${ack.error.message}`);
  }
}

// Device names are unique among devices in use; each made here gets its own.
let kiosks = 0;
async function openKiosk(viewport = PORTRAIT): Promise<Page> {
  const { body } = await hub.api('/api/devices', {
    token: await hub.login('admin'),
    body: {
      name: `Kiosk Survei ${++kiosks}`,
      role: 'kiosk',
      settings: { printer: { kind: 'virtual' } },
    },
  });
  const page = await browser.newPage({ viewport, hasTouch: true });
  await page.goto(`${hub.url}/kiosk/?token=${String(body.token)}`);
  await page.getByRole('heading', { name: 'Pilih instansi yang Anda tuju' }).waitFor();
  return page;
}

/** Types a number on the on-screen keypad: the letter, then each digit. */
async function type(page: Page, letter: string, digits: string): Promise<void> {
  await page.getByRole('button', { name: letter, exact: true }).click();
  for (const digit of digits) await page.getByRole('button', { name: digit, exact: true }).click();
}

describe('the SKM on the kiosk', () => {
  it('when a served visitor types their number and answers, then the kiosk thanks them and the IKM counts a kiosk answer', async () => {
    const waiting = await issue(); // A-001 is served below; A-002 still waits
    await issue();
    await serveNext();
    expect(waiting).toBe('A-001');
    const page = await openKiosk();
    await screenshot(page, 'kiosk-survey-0-start');
    await page.getByRole('button', { name: /Isi survei kepuasan/ }).click();
    await page.getByRole('heading', { name: 'Ketik nomor antrean Anda' }).waitFor();

    await type(page, 'A', '2');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByText('Nomor A-002 belum selesai dilayani').waitFor();
    await screenshot(page, 'kiosk-survey-1-not-served');
    await page.getByRole('button', { name: /Hapus/ }).click();
    await type(page, 'A', '1');
    expect(await page.locator('output.number-display').textContent()).toBe('A-001');
    await screenshot(page, 'kiosk-survey-2-keypad');
    await page.getByRole('button', { name: 'Lanjut' }).click();

    await page.getByRole('heading', { name: 'Bagaimana pelayanan kami?' }).waitFor();
    await page.getByText('Nomor A-001 · Perekaman dan Pencetakan KTP-el').waitFor();
    await screenshot(page, 'kiosk-survey-3-question');
    for (const [i, element] of SKM_ELEMENTS.entries()) {
      const { name, options } = SKM_WORDING[element];
      const group = page.getByRole('group', { name: `${i + 1}. ${name}` });
      await group.getByRole('button', { name: options[SCORES[i]! - 1]!, exact: true }).click();
    }
    await page.getByRole('button', { name: 'Perempuan' }).click();
    await screenshot(page, 'kiosk-survey-4-about');
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByRole('heading', { name: 'Terima kasih' }).waitFor();
    await screenshot(page, 'kiosk-survey-5-thanks');
    await page.getByRole('button', { name: 'Selesai' }).click();
    await page.getByRole('heading', { name: 'Pilih instansi yang Anda tuju' }).waitFor();

    const admin = await hub.login('admin');
    const report = (
      await hub.api('/api/reports/ikm?from=2026-11-23&to=2026-11-23', { token: admin })
    ).body as unknown as IkmReport;
    expect(report.channels).toEqual({ phone: 0, kiosk: 1, counter: 0 });
    const service = report.services.find((s) => s.serviceId === KTP)!;
    expect(service.elements.map((e) => e.nrr)).toEqual(SCORES);

    // The same number cannot be rated twice.
    await page.getByRole('button', { name: /Isi survei kepuasan/ }).click();
    await type(page, 'A', '1');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByText('Survei untuk nomor A-001 sudah diisi').waitFor();
  });

  it('when the kiosk is left on the keypad, then it goes back to the first screen by itself', async () => {
    const page = await openKiosk({ width: 1920, height: 1080 });
    await page.clock.install();
    await screenshot(page, 'kiosk-survey-6-start-landscape');
    await page.getByRole('button', { name: /Isi survei kepuasan/ }).click();
    await page.getByRole('heading', { name: 'Ketik nomor antrean Anda' }).waitFor();
    await type(page, 'B', '12');
    await screenshot(page, 'kiosk-survey-7-keypad-landscape');
    await page.clock.runFor(31_000); // the kiosk's idleSeconds default is 30
    await page.getByRole('heading', { name: 'Pilih instansi yang Anda tuju' }).waitFor();
  });
});
