import type { HubClient } from '@antre/client';
import type { Building, Ticket } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, MONDAY_MORNING, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });

let hub: TestHub;
let browser: Browser;
let officer: HubClient;
let building: Building;
const PHONE = { width: 390, height: 844 };
const KTP = 'disdukcapil-ktp-el';

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  const token = await hub.login('petugas.disdukcapil');
  officer = await hub.client(token);
  building = (await hub.api('/api/building', { token })).body as unknown as Building;
  for (const counter of countersOfKtp())
    await officer.command('counter:open', { counterId: counter.id });
});
afterEach(async (context) => {
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (context.task.result?.state === 'fail' && pages.length > 0)
    await screenshot(pages.at(-1)!, `track-failed-${context.task.name.slice(0, 40)}`);
  await Promise.all(pages.map((p) => p.close()));
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

function countersOfKtp() {
  return building.counters.filter((c) => c.services.some((s) => s.serviceId === KTP));
}

async function issue(): Promise<Ticket> {
  const result = await officer.command('ticket:issue', { serviceId: KTP, priority: null });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.tickets[0]!;
}

/** Runs counter commands in order and fails loudly on a refusal. */
async function atCounter(counterId: string, ...steps: [string, Record<string, unknown>?][]) {
  for (const [name, extra] of steps) {
    const result = await officer.command(name as 'counter:start', { counterId, ...extra });
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  }
}

/** A phone that records what it was asked to vibrate. */
async function phone(code: string): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    Object.defineProperty(window, '__vibrations', { value: calls });
    navigator.vibrate = ((pattern: VibratePattern) => {
      calls.push(pattern);
      return true;
    }) as Navigator['vibrate'];
  });
  await page.goto(`${hub.url}/t/${code}`);
  return page;
}
const vibrations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations.length);

describe('the tracking page on a visitor phone', () => {
  for (const language of ['id', 'en'] as const) {
    it(`when the ticket waits, is called and is served (${language}), then the page follows it live and the call fills the screen and buzzes`, async () => {
      const words =
        language === 'id'
          ? { ahead: '1 orang di depan Anda', goTo: 'Silakan menuju', done: 'Layanan selesai' }
          : { ahead: '1 people ahead of you', goTo: 'Please go to', done: 'Service complete' };
      const [first, second] = countersOfKtp();
      const before = await issue();
      const ticket = await issue();
      const page = await phone(ticket.code);
      await page.getByRole('heading', { name: ticket.label }).waitFor();
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
      await page.getByText(words.ahead).waitFor();
      await screenshot(page, `track-${language}-1-waiting`);

      await atCounter(first!.id, ['counter:call-next']);
      await atCounter(second!.id, ['counter:call-next']);
      await page.getByText(words.goTo).waitFor();
      const number = language === 'id' ? `Loket ${second!.number}` : `Counter ${second!.number}`;
      expect(await page.getByText(number, { exact: true }).isVisible()).toBe(true);
      expect(await vibrations(page)).toBe(1);
      await screenshot(page, `track-${language}-2-called`);

      await atCounter(second!.id, ['counter:start'], ['counter:finish']);
      await page.getByText(words.done).waitFor();
      await screenshot(page, `track-${language}-3-done`);
      await atCounter(first!.id, ['counter:start'], ['counter:finish']);
      expect(before.label).not.toBe(ticket.label);
    });
  }

  it('when the ticket is parked, missed, transferred or void, or the code is unknown, then the page says so in plain words', async () => {
    const [counter] = countersOfKtp();
    const parked = await issue();
    await atCounter(
      counter!.id,
      ['counter:call-next'],
      ['counter:park', { reason: 'Fotokopi KK' }],
    );
    let page = await phone(parked.code);
    await page.getByText('Antrean Anda ditunda').waitFor();
    await screenshot(page, 'track-id-4-parked');
    await atCounter(
      counter!.id,
      ['counter:call', { ticketId: parked.id }],
      ['counter:start'],
      ['counter:finish'],
    );

    const missed = await issue();
    await atCounter(counter!.id, ['counter:call-next'], ['counter:recall'], ['counter:no-show']);
    page = await phone(missed.code);
    await page.getByText('Anda tidak hadir saat dipanggil').waitFor();
    await screenshot(page, 'track-id-5-no-show');

    const moved = await issue();
    const other = building.services.find((s) => s.agencyId === 'samsat')!;
    await atCounter(
      counter!.id,
      ['counter:call-next'],
      ['counter:transfer', { toServiceId: other.id }],
    );
    page = await phone(moved.code);
    await page.getByText(/Anda dialihkan dari layanan/).waitFor();
    expect(await page.getByText(other.name).isVisible()).toBe(true);
    await screenshot(page, 'track-id-6-transferred');

    const kiosk = await hub.client(await hub.device('kiosk'));
    const printing = await kiosk.command('ticket:issue', { serviceId: KTP, priority: null });
    const voided = printing.ok ? printing.value.tickets[0]! : null;
    await kiosk.command('ticket:print-result', {
      ticketId: voided!.id,
      printed: false,
      reason: 'paper_out',
    });
    page = await phone(voided!.code);
    await page.getByText('Tiket tidak berlaku').waitFor();
    await screenshot(page, 'track-id-7-void');

    page = await phone('ZZZZZZZZZZZZ');
    await page.getByText('Tiket tidak ditemukan').waitFor();
    await screenshot(page, 'track-id-8-unknown');
  });
});

describe('where to go, and whether anyone serves', () => {
  it('when no counter of the service is open, then the page never says "you are next": it says so and where to go, and follows the counter opening', async () => {
    const pdam = await hub.client(await hub.login('petugas.pdam'));
    const issued = await pdam.command('ticket:issue', {
      serviceId: 'pdam-sambungan-baru',
      priority: null,
    });
    const page = await phone(issued.ok ? issued.value.tickets[0]!.code : '');
    await page.getByText('Belum ada loket yang buka untuk layanan ini').waitFor();
    await expect(page.getByText(/Anda berikutnya/).count()).resolves.toBe(0);
    await expect(page.getByTestId('ticket-place').textContent()).resolves.toBe(
      'Tempat layananLoket 12 · Lantai 1 — Aula Utama',
    );
    await screenshot(page, 'track-id-9-no-counter-open');
    await pdam.command('counter:open', { counterId: 'loket-12' });
    await page.getByText('Anda berikutnya. Bersiaplah di dekat loket.').waitFor();
  });

  it('when transferred to a service on another floor, then the phone says the new place; once it has closed for the day, it says so and what to do', async () => {
    const [counter] = countersOfKtp();
    const moved = await issue();
    await atCounter(
      counter!.id,
      ['counter:call', { ticketId: moved.id }],
      ['counter:transfer', { toServiceId: 'satpas-perpanjangan-sim-a' }],
    );
    let page = await phone(moved.code);
    await page.getByText(/Anda dialihkan dari layanan/).waitFor();
    await expect(page.getByTestId('ticket-place').textContent()).resolves.toBe(
      'Tempat layananLoket 15–17 · Lantai 2 — Sayap Timur',
    );
    await screenshot(page, 'track-id-10-transferred-upstairs');
    hub.setNow(MONDAY_MORNING + 5.5 * 3_600_000); // 14:30: Satpas closed at 14:00
    page = await phone(moved.code);
    await page.getByText('Layanan ini sudah tutup hari ini').waitFor();
    await expect(page.getByText(/Anda berikutnya/).count()).resolves.toBe(0);
    await screenshot(page, 'track-id-11-closed-today');
    hub.setNow(MONDAY_MORNING);
  });
});
