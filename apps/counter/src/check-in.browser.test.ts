import type { Building } from '@antre/domain';
import { bookingSettings } from '@antre/domain/testing';
import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, MONDAY_MORNING, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCounter } from './testing/counter-driver';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

// A booked visitor without a phone at the counter, against the real hub and booking API:
// bookings made at 08:00 WIB on the test Monday, checked in at 08:40 (the 09:00 session's
// check-in opens at 08:30, the 10:00 session's at 09:30).

const SERVICE = 'disdukcapil-akta-kelahiran';
const COUNTER = 'Loket 3 — Disdukcapil';
const MINUTE = 60_000;
const SETTINGS = bookingSettings({
  sessions: [
    { id: 'pagi', start: '09:00', end: '10:00', places: 10 },
    { id: 'siang', start: '10:00', end: '12:00', places: 10 },
  ],
  cutoff: { kind: 'before_session', minutes: 0 },
});

let hub: TestHub;
let browser: Browser;
const codes: string[] = [];

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
  for (const [serial, sessionId] of [
    [1, 'pagi'],
    [2, 'siang'],
    [3, 'pagi'],
  ] as const) {
    const made = await hub.api('/api/bookings', {
      body: {
        serviceId: SERVICE,
        date: '2026-11-23',
        sessionId,
        nik: `3171010101900${String(serial).padStart(3, '0')}`,
        name: 'Budi Santoso',
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    codes.push(made.body.code as string);
  }
  hub.setNow(MONDAY_MORNING - 20 * MINUTE);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('checking a booked visitor in at the counter', () => {
  it('when the officer checks in by code, then the ticket waits marked Online, on the desk and on the board', async () => {
    const now = MONDAY_MORNING - 20 * MINUTE;
    const { page } = await openCounter(browser, hub, {
      username: 'spv.disdukcapil',
      counterName: COUNTER,
      now,
    });
    await page.getByRole('button', { name: 'Check-in pesanan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Check-in pesanan online' });
    // Too early for the 10:00 session: the officer reads when check-in opens.
    await dialog.getByLabel('Kode booking (ketik atau pindai)').fill(codes[1]!.toLowerCase());
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('check-in-result').textContent()).resolves.toBe(
      'Check-in belum dibuka; mulai pukul 09.30.',
    );
    await screenshot(page, 'counter-check-in-1-too-early');

    await dialog.getByLabel('Kode booking (ketik atau pindai)').fill(codes[0]!);
    await page.keyboard.press('Enter');
    const done = dialog.getByTestId('check-in-result');
    await expect(done.textContent()).resolves.toMatch(/^Berhasil: tiket C-B\d{3} masuk antrean\.$/);
    const label = /C-B\d{3}/.exec((await done.textContent())!)![0];
    await screenshot(page, 'counter-check-in-2-done');
    await page.keyboard.press('Escape');

    const row = page.getByTestId('waiting-list').locator('li', { hasText: label });
    await expect(row.locator('.badge.online').textContent()).resolves.toBe('Online');
    await screenshot(page, 'counter-check-in-3-waiting-online');

    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const token = (
      await hub.api('/api/devices', {
        token: await hub.login('admin'),
        body: { name: 'Papan Check-in', role: 'display', zoneIds: ['lantai-1'] },
      })
    ).body.token as string;
    await board.goto(`${hub.url}/display/?token=${token}`);
    await board.locator('.board').waitFor();

    await page.keyboard.press('F1'); // open the counter
    await page.getByRole('button', { name: /F1 Panggil berikutnya/ }).waitFor();
    await page.keyboard.press('F1'); // call the booked visitor
    await expect(page.getByTestId('current-label').textContent()).resolves.toBe(label);
    await expect(page.locator('.current .badge.online').textContent()).resolves.toBe('Online');
    await screenshot(page, 'counter-check-in-4-called-online');

    await expect(board.getByTestId('latest-number').textContent()).resolves.toBe(label);
    await expect(board.getByTestId('latest-online').textContent()).resolves.toBe('Online');
    await screenshot(board, 'display-online-call');

    // The next booked visitor: the first call moves to the earlier calls, still marked.
    await page.getByRole('button', { name: 'Check-in pesanan' }).click();
    await dialog.getByLabel('Kode booking (ketik atau pindai)').fill(codes[2]!);
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('check-in-result').textContent()).resolves.toMatch(/^Berhasil/);
    await page.keyboard.press('Escape');
    await page.getByTestId('waiting-list').locator('.badge.online').waitFor();
    await page.keyboard.press('F1'); // finishes the first and calls the next
    await page.getByTestId('current-label').filter({ hasNotText: label }).waitFor();
    const earlier = board.getByTestId('recent-item').filter({ hasText: label });
    await expect(earlier.locator('.call-online').textContent()).resolves.toBe('Online');
    await screenshot(board, 'display-online-recent');
    await Promise.all([page.close(), board.close()]);
  });
});
