import type { HubClient } from '@antre/client';
import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, MONDAY_MORNING, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CounterPage } from './testing/counter-driver';
import { openCounter } from './testing/counter-driver';

// A supervisor's agency alarms on their counter screen, at the 1366×768 an MPP counter PC has.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const KTP = 'disdukcapil-ktp-el';
const MINUTE = 60_000;

let hub: TestHub;
let browser: Browser;
let desk: HubClient;
let supervisor: CounterPage; // spv.disdukcapil at Loket 2
let officer: CounterPage; // petugas.disdukcapil at Loket 1: an officer gets no alarms

const strip = (page: Page) => page.locator('.alarm-strip');

/** Boxes of the strip that overlap the ticket or a key, and keys below the window. */
function coveredKeys(page: Page) {
  return page.evaluate(() => {
    const strip = document.querySelector('.alarm-strip')!.getBoundingClientRect();
    const targets = [...document.querySelectorAll<HTMLElement>('.current, .actions button')].map(
      (el) => ({ name: el.textContent?.trim() ?? el.className, box: el.getBoundingClientRect() }),
    );
    const overlaps = targets
      .filter(({ box }) => strip.left < box.right && box.left < strip.right)
      .filter(({ box }) => strip.top < box.bottom && box.top < strip.bottom)
      .map((t) => t.name);
    const offScreen = targets
      .filter(({ box }) => box.bottom > window.innerHeight || box.right > window.innerWidth)
      .map((t) => t.name);
    return { overlaps, offScreen };
  });
}

beforeAll(async () => {
  [hub, browser] = await Promise.all([
    startTestHub(undefined, { notify: { pollMs: 20, alarmEveryMs: 50 } }),
    launchBrowser(),
  ]);
  desk = await hub.client(await hub.login('spv.disdukcapil'));
  supervisor = await openCounter(browser, hub, {
    username: 'spv.disdukcapil',
    counterName: 'Loket 2 — Disdukcapil',
    now: MONDAY_MORNING,
  });
  officer = await openCounter(browser, hub, {
    username: 'petugas.disdukcapil',
    counterName: 'Loket 1 — Disdukcapil',
    now: MONDAY_MORNING,
  });
  await supervisor.page.keyboard.press('F1'); // "Buka loket"
  await supervisor.page.getByRole('button', { name: /F1 Panggil berikutnya/ }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('alarms on a supervisor’s counter screen', () => {
  it('when a wait passes the target, then the supervisor sees it beside the lines, not over the ticket or keys, and it clears once the waiting are called', async () => {
    const { page } = supervisor;
    for (let i = 0; i < 2; i += 1) {
      const issued = await desk.command('ticket:issue', { serviceId: KTP, priority: null });
      if (!issued.ok) throw new Error(issued.error.message);
    }
    await page.getByTestId('waiting-list').getByText('Menunggu (2)').waitFor();
    await expect(strip(page).count()).resolves.toBe(0);

    // Target 30 minutes plus the 10 allowed over it, and a few more: 09.45.
    hub.advance(45 * MINUTE);
    for (const p of [supervisor.page, officer.page])
      await p.clock.setFixedTime(MONDAY_MORNING + 45 * MINUTE);
    const alarm = strip(page).locator('li[data-kind=wait_over_target]');
    await alarm.waitFor();
    await expect(alarm.textContent()).resolves.toBe(
      'Perekaman dan Pencetakan KTP-el: tunggu terlama melewati target 30 menit (nomor A-001)sejak 09.30, 15 menit',
    );
    expect(await coveredKeys(page)).toEqual({ overlaps: [], offScreen: [] });
    await screenshot(page, 'counter-alarms-1-supervisor');
    // The officer's screen stays as it was.
    await officer.page.getByTestId('waiting-list').getByText('Menunggu (2)').waitFor();
    await expect(strip(officer.page).count()).resolves.toBe(0);

    // Calling the first leaves one who has waited as long: the alarm stays until both are called.
    await page.keyboard.press('F1');
    await page.getByTestId('waiting-list').getByText('Menunggu (1)').waitFor();
    await expect(alarm.count()).resolves.toBe(1);
    await page.keyboard.press('F1');
    await page.getByTestId('waiting-list').getByText('Menunggu (0)').waitFor();
    await strip(page).waitFor({ state: 'detached' });
    await screenshot(page, 'counter-alarms-2-cleared');
  });

  it('when the screen is in English, then the alarm reads in English', async () => {
    const { page } = supervisor;
    await desk.command('ticket:issue', { serviceId: KTP, priority: null });
    hub.advance(45 * MINUTE);
    await page.clock.setFixedTime(MONDAY_MORNING + 90 * MINUTE);
    await page.getByRole('button', { name: 'English' }).click();
    const alarm = strip(page).locator('li[data-kind=wait_over_target]');
    await alarm.getByText('longest wait is past the 30-minute target').waitFor();
    await alarm.getByText('since 10:15, 15 min').waitFor();
    expect(await coveredKeys(page)).toEqual({ overlaps: [], offScreen: [] });
    await screenshot(page, 'counter-alarms-3-english');
  });
});
