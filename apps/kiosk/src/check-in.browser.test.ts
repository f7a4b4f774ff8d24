import type { Building } from '@antre/domain';
import { bookingSettings } from '@antre/domain/testing';
import { decodeEscPos } from '@antre/escpos/testing';
import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, MONDAY_MORNING, screenshot, startTestHub } from '@antre/hub/testing';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { layoutProblems } from './testing/layout-problems';

vi.setConfig({ testTimeout: 90_000 });

// Antrean online at the kiosk, against the real hub and its booking API: bookings are made
// at 08:00 WIB on the test Monday, the kiosk is used at 08:40 (check-in of the 09:00
// session opens at 08:30; of the 10:00 session at 09:30). Akta Kelahiran takes bookings and
// only booked visitors from 08:00 to 09:30.

const SERVICE = 'disdukcapil-akta-kelahiran';
const MINUTE = 60_000;
const SETTINGS = bookingSettings({
  sessions: [
    { id: 'pagi', start: '09:00', end: '10:00', places: 10 },
    { id: 'siang', start: '10:00', end: '12:00', places: 10 },
  ],
  cutoff: { kind: 'before_session', minutes: 0 },
  onlineOnly: [{ open: '08:00', close: '09:30' }],
});

let hub: TestHub;
let browser: Browser;
let token: string;
const codes: Record<'first' | 'second' | 'later', string> = { first: '', second: '', later: '' };

async function book(sessionId: string, serial: number): Promise<string> {
  const made = await hub.api('/api/bookings', {
    body: {
      serviceId: SERVICE,
      date: '2026-11-23',
      sessionId,
      nik: `3171010101900${String(serial).padStart(3, '0')}`,
      name: 'Siti Aminah',
    },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return made.body.code as string;
}

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  const admin = await hub.login('admin');
  const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  const saved = await hub.api('/api/building', {
    method: 'PUT',
    token: admin,
    body: {
      ...building,
      services: building.services.map((s) => (s.id === SERVICE ? { ...s, booking: SETTINGS } : s)),
    },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  hub.setNow(MONDAY_MORNING - 60 * MINUTE);
  codes.first = await book('pagi', 1);
  codes.second = await book('pagi', 2);
  codes.later = await book('siang', 3);
  hub.setNow(MONDAY_MORNING - 20 * MINUTE);
  const { body } = await hub.api('/api/devices', {
    token: admin,
    body: {
      name: 'Kiosk Check-in',
      role: 'kiosk',
      settings: { printer: { kind: 'virtual' }, idleSeconds: 600 },
    },
  });
  token = body.token as string;
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const printedDir = () => join(hub.dataDir, 'printed');
const printedFiles = (): string[] =>
  readdirSync(printedDir())
    .filter((f) => f.endsWith('.bin'))
    .sort(
      (a, b) => statSync(join(printedDir(), a)).mtimeMs - statSync(join(printedDir(), b)).mtimeMs,
    );
const lastPrinted = () => decodeEscPos(readFileSync(join(printedDir(), printedFiles().at(-1)!)));

async function openKiosk(size: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  await page.goto(`${hub.url}/kiosk/?token=${token}`);
  await page.getByRole('heading', { name: 'Pilih instansi yang Anda tuju' }).waitFor();
  return page;
}

describe('checking in an online booking at the kiosk', () => {
  it('when a visitor scans the booking QR on the first screen, then the ticket prints marked online without a touch', async () => {
    const page = await openKiosk({ width: 1080, height: 1920 });
    await page.getByRole('button', { name: /Saya sudah pesan online/ }).waitFor();
    expect(await layoutProblems(page, { floating: false })).toEqual([]);
    await screenshot(page, 'kiosk-check-in-1-home-portrait-id');

    // The scanner types the code and Enter; nothing on the page is clicked or focused.
    await page.keyboard.type(codes.first, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Silakan ambil tiket Anda' }).waitFor();
    const label = (await page.getByTestId('ticket-number').textContent())!;
    expect(label).toMatch(/^[A-Z]+-B\d{3}$/);
    await expect(page.getByTestId('online-mark').textContent()).resolves.toBe('Antrean online');
    expect(await layoutProblems(page, { floating: false })).toEqual([]);
    await screenshot(page, 'kiosk-check-in-2-result-portrait-id');
    const printed = lastPrinted();
    expect(printed.largestText.replace(/\s/g, '')).toBe(label);
    await page.close();
  });

  it('when the check-in screen is used, then a scanned code works there too and refusals say the next step', async () => {
    const page = await openKiosk({ width: 1080, height: 1920 });
    await page.getByRole('button', { name: /Saya sudah pesan online/ }).click();
    await page.getByRole('heading', { name: 'Check-in antrean online' }).waitFor();
    await screenshot(page, 'kiosk-check-in-3-screen-portrait-id');

    // Too early for the 10:00 session: the time it opens, scanned on this screen.
    await page.keyboard.type(codes.later, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByText('Check-in belum dibuka. Check-in dibuka pukul 09.30 WIB.').waitFor();
    await page.getByText('Silakan kembali ke kiosk ini pada jam tersebut.').waitFor();
    expect(await layoutProblems(page, { floating: false })).toEqual([]);
    await screenshot(page, 'kiosk-check-in-4-too-early-portrait-id');

    // Typed on the keypad: the code already checked in on the first screen.
    // Typed on the keypad after a refusal: the first key starts a new code.
    for (const key of codes.first)
      await page.getByRole('group').getByRole('button', { name: key, exact: true }).click();
    await expect(page.getByTestId('booking-code').textContent()).resolves.toBe(codes.first);
    await page.getByRole('button', { name: 'Check-in dan cetak tiket' }).click();
    await page.getByText('Booking ini sudah check-in dan tiketnya sudah dicetak.').waitFor();

    // A code that does not exist.
    await page.keyboard.type('ZZZZZZZZ', { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByText('Kode booking tidak ditemukan.').waitFor();
    await page.close();
  });

  it('when the kiosk is in English and landscape, then the keypad and a refusal fit the screen', async () => {
    const page = await openKiosk({ width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /I booked online/ }).click();
    await page.getByRole('heading', { name: 'Check in your online booking' }).waitFor();
    await page.keyboard.type(codes.later, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByText('Check-in is not open yet. It opens at 09:30 WIB.').waitFor();
    expect(await layoutProblems(page, { floating: false })).toEqual([]);
    await screenshot(page, 'kiosk-check-in-5-too-early-landscape-en');

    // Scanned at 08:50: printed, and marked online.
    await page.keyboard.type(codes.second, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Please take your ticket' }).waitFor();
    await expect(page.getByTestId('online-mark').textContent()).resolves.toBe('Online booking');
    expect(await layoutProblems(page, { floating: false })).toEqual([]);
    await screenshot(page, 'kiosk-check-in-6-result-landscape-en');
    await page.close();
  });

  it('when a walk-in asks for a number in online-only hours, then the kiosk says until when and how to book', async () => {
    const page = await openKiosk({ width: 1080, height: 1920 });
    await page.getByRole('button', { name: /^Disdukcapil/ }).click();
    await page.getByRole('button', { name: /Akta Kelahiran/ }).click();
    await page.getByRole('button', { name: 'Ambil nomor antrean' }).click();
    await page.getByRole('button', { name: 'Antrean biasa' }).click();
    const notice = page.getByText(/Sampai pukul 09.30 WIB layanan ini hanya melayani/);
    await notice.waitFor();
    expect(await notice.textContent()).toContain('/booking/');
    expect(await layoutProblems(page, { floating: false })).toEqual([]);
    await screenshot(page, 'kiosk-online-only-portrait-id');
    await page.close();
  });
});
