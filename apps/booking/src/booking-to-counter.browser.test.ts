import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, MONDAY_MORNING, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
// By path, test only: @antre/escpos and the counter's driver are not dependencies of this app.
import type { FakePrinter } from '../../../packages/escpos/src/testing';
import { decodeEscPos, startFakePrinter } from '../../../packages/escpos/src/testing';
import { openCounter } from '../../counter/src/testing/counter-driver';

// Antrean online from the phone to the counter, on one hub and its demo building (Monday
// 23 November 2026, WIB). Kartu Keluarga (prefix B, online mark B) has a 10.00–12.00
// session: booking closes 60 minutes before it, check-in opens at 09.30 and closes 10.15.

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const MINUTE = 60_000;
const AT = {
  booking: MONDAY_MORNING - 30 * MINUTE, // 08.30
  walkIn: MONDAY_MORNING + 62 * MINUTE, // 10.02: after the session's start
  // Half a minute after the walk-in, so the kiosk's clock (redrawn every 15 s) still reads 10.02.
  checkIn: MONDAY_MORNING + 62.5 * MINUTE,
  counter: MONDAY_MORNING + 64 * MINUTE,
};
const SERVICE_NAME = /Penerbitan Kartu Keluarga/;
const NIK = '3171010101900007';

let hub: TestHub;
let browser: Browser;
let printer: FakePrinter;
const pageErrors: string[] = [];

beforeAll(async () => {
  [hub, browser, printer] = await Promise.all([
    startTestHub(),
    launchBrowser(),
    startFakePrinter(),
  ]);
});
afterEach(async (context) => {
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (context.task.result?.state === 'fail' && pages.length > 0)
    await screenshot(pages.at(-1)!, 'booking-to-counter-failed');
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await printer?.close();
});

const shot = (page: Page, step: string) => screenshot(page, `booking-to-counter-${step}`);

/** Books the 10.00 session of today on a phone; returns the booking code. */
async function bookOnPhone(): Promise<string> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  await page.goto(`${hub.url}/booking/`);
  await page.getByRole('button', { name: /Dinas Kependudukan/ }).click();
  await page.getByText(SERVICE_NAME).first().waitFor();
  await shot(page, '1-phone-service');
  await page
    .locator('li, article, section', { hasText: SERVICE_NAME })
    .getByRole('button', { name: 'Pesan layanan ini' })
    .first()
    .click();
  await page.getByRole('button', { name: /Senin, 23 November 2026/ }).click();
  await page.getByRole('button', { name: /10\.00–12\.00/ }).click();
  await page.locator('input[name=nik]').fill(NIK);
  await page.locator('input[name=name]').fill('Siti Aminah');
  await shot(page, '2-phone-identity');
  await page.getByRole('button', { name: 'Pesan sekarang' }).click();
  await page.getByText('Pesanan berhasil').waitFor();
  const card = await page.locator('.booking-card').innerText();
  expect(card).toContain('Senin, 23 November 2026');
  expect(card).toContain('10.00–12.00 WIB');
  await shot(page, '3-phone-confirmed');
  const code = (await page.getByTestId('booking-code').textContent())!.trim();
  await context.close();
  return code;
}

async function openKiosk(): Promise<Page> {
  const { body } = await hub.api('/api/devices', {
    token: await hub.login('admin'),
    body: {
      name: 'Kiosk Lobi',
      role: 'kiosk',
      settings: {
        printer: { kind: 'tcp', host: printer.host, port: printer.port, timeoutMs: 2_000 },
        idleSeconds: 600,
      },
    },
  });
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  await page.clock.setFixedTime(AT.walkIn); // the clock in the kiosk's header
  await page.goto(`${hub.url}/kiosk/?token=${body.token as string}`);
  await page.getByRole('heading', { name: 'Pilih instansi yang Anda tuju' }).waitFor();
  return page;
}

/** A walk-in takes a regular number for Kartu Keluarga by touch; returns its label. */
async function walkIn(kiosk: Page): Promise<string> {
  await kiosk.getByRole('button', { name: /^Disdukcapil/ }).click();
  await kiosk.getByRole('button', { name: SERVICE_NAME }).click();
  await kiosk.getByRole('button', { name: 'Ambil nomor antrean' }).click();
  const job = printer.nextJob();
  await kiosk.getByRole('button', { name: 'Antrean biasa' }).click();
  await kiosk.getByRole('heading', { name: 'Silakan ambil tiket Anda' }).waitFor();
  const label = (await kiosk.getByTestId('ticket-number').textContent())!;
  const paper = decodeEscPos(await job);
  expect(paper.largestText.replace(/\s/g, '')).toBe(label);
  expect(paper.lines).not.toContain('Antrean online');
  await shot(kiosk, '4-kiosk-walk-in');
  await kiosk.getByRole('button', { name: 'Selesai', exact: true }).click();
  await kiosk.getByRole('heading', { name: 'Pilih instansi yang Anda tuju' }).waitFor();
  return label;
}

describe('antrean online from the phone to the counter', () => {
  it('when a citizen books at home, a walk-in comes after the session start and the citizen scans the booking at the kiosk, then the paper says online and the counter calls the booked visitor first', async () => {
    hub.setNow(AT.booking);
    const code = await bookOnPhone();
    expect(code).toMatch(/^[A-Z0-9]{6,10}$/);

    hub.setNow(AT.walkIn);
    const kiosk = await openKiosk();
    const walkInLabel = await walkIn(kiosk);
    expect(walkInLabel).toMatch(/^B-\d{3}$/);

    // The scanner types the code and Enter; nothing on the screen is touched.
    hub.setNow(AT.checkIn);
    await kiosk.clock.setFixedTime(AT.checkIn);
    const job = printer.nextJob();
    await kiosk.keyboard.type(code, { delay: 5 });
    await kiosk.keyboard.press('Enter');
    await kiosk.getByRole('heading', { name: 'Silakan ambil tiket Anda' }).waitFor();
    const bookedLabel = (await kiosk.getByTestId('ticket-number').textContent())!;
    expect(bookedLabel).toMatch(/^B-B\d{3}$/);
    await expect(kiosk.getByTestId('online-mark').textContent()).resolves.toBe('Antrean online');
    await shot(kiosk, '5-kiosk-checked-in');
    const paper = decodeEscPos(await job);
    expect(paper.largestText.replace(/\s/g, '')).toBe(bookedLabel);
    const mark = paper.lines.indexOf('Antrean online');
    expect(paper.lines.slice(mark - 1, mark + 2)).toEqual([
      bookedLabel,
      'Antrean online',
      'Sesi 10.00-12.00 WIB',
    ]);
    expect(paper.qrPayloads[0]).toMatch(/\/t\/[A-Z0-9]{12}$/);

    hub.setNow(AT.counter);
    const { page: counter } = await openCounter(browser, hub, {
      username: 'spv.disdukcapil',
      counterName: 'Loket 3 — Disdukcapil',
      now: AT.counter,
    });
    counter.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    const waiting = counter.getByTestId('waiting-list').locator('li');
    await waiting.filter({ hasText: walkInLabel }).waitFor();
    // Queued at 10.00, the booked visitor waits ahead of the walk-in who came at 10.02.
    expect(await waiting.allInnerTexts()).toEqual([
      expect.stringContaining(bookedLabel),
      expect.stringContaining(walkInLabel),
    ]);
    await expect(
      waiting.filter({ hasText: bookedLabel }).locator('.badge.online').textContent(),
    ).resolves.toBe('Online');
    await shot(counter, '6-counter-waiting');

    await counter.keyboard.press('F1'); // open the counter
    await counter.getByRole('button', { name: /F1 Panggil berikutnya/ }).waitFor();
    await counter.keyboard.press('F1');
    await expect(counter.getByTestId('current-label').textContent()).resolves.toBe(bookedLabel);
    await expect(counter.locator('.current .badge.online').textContent()).resolves.toBe('Online');
    await shot(counter, '7-counter-calls-booked');

    await counter.keyboard.press('F1'); // finishes the booked visitor and calls the next
    await counter.getByTestId('current-label').filter({ hasText: walkInLabel }).waitFor();
    expect(await counter.locator('.current .badge.online').count()).toBe(0);
    await shot(counter, '8-counter-calls-walk-in');
    expect(pageErrors, 'errors in the pages').toEqual([]);
  });
});
