import { SKM_ELEMENTS, SKM_WORDING } from '@antre/domain';
import type { IkmReport } from '@antre/protocol';
import type { TestHub } from '@antre/hub/testing';
import {
  DEMO_PASSWORD,
  launchBrowser,
  MONDAY_MORNING,
  screenshot,
  startTestHub,
} from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCounter } from './testing/counter-driver';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const D1 = 'Loket 1 — Disdukcapil';
const KTP = 'disdukcapil-ktp-el';
// U1..U9: 4·5 + 3·4 = 32 points, IKM = 25·32/9 = 88.89.
const SCORES = [4, 3, 4, 4, 3, 4, 3, 4, 3];

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
});
afterEach(async (context) => {
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (context.task.result?.state === 'fail')
    for (const [i, page] of pages.entries()) await screenshot(page, `counter-tablet-failed-${i}`);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** The tablet beside Loket 1, signed in as its officer, resting until invited. */
async function openTablet(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  await page.goto(`${hub.url}/counter/#/survei`);
  await page.getByRole('heading', { name: 'Masuk untuk tablet survei pengunjung' }).waitFor();
  await page.getByLabel('Nama pengguna').fill('petugas.disdukcapil');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: D1, exact: true }).click();
  await page.locator('[data-testid="tablet-rest"][data-listening="true"]').waitFor();
  return page;
}

describe('the survey tablet at the counter', () => {
  it('when the officer finishes a ticket, then the tablet shows the SKM, and the answer counts as given at the counter', async () => {
    const desk = await hub.client(await hub.login('spv.disdukcapil'));
    const issued = await desk.command('ticket:issue', { serviceId: KTP, priority: null });
    if (!issued.ok) throw new Error(issued.error.message);
    const tablet = await openTablet();
    await tablet.getByRole('heading', { name: 'Terima kasih' }).waitFor();
    await screenshot(tablet, 'counter-tablet-1-idle');

    const { page: counter } = await openCounter(browser, hub, {
      username: 'petugas.disdukcapil',
      counterName: D1,
      now: MONDAY_MORNING,
    });
    const ask = counter.getByRole('checkbox', { name: 'Minta survei' });
    expect(await ask.isChecked()).toBe(true);
    // A click waits for its button to be enabled, i.e. for the hub's answer to the previous one.
    // The demo serves on call: no "Mulai layani" between the call and the finish.
    for (const action of [/Buka loket/, /Panggil berikutnya/, /Selesai/])
      await counter.getByRole('button', { name: action }).click();
    await counter.getByText('Survei A-001 dibuka di tablet.').waitFor();
    await screenshot(counter, 'counter-tablet-0-officer-asked');

    await tablet.getByRole('heading', { name: 'Bagaimana pelayanan kami?' }).waitFor();
    await tablet.getByText('Perekaman dan Pencetakan KTP-el di Loket 1 — Disdukcapil').waitFor();
    await screenshot(tablet, 'counter-tablet-2-survey');
    // On a 1024×768 tablet the four answers stand in one row, none wrapped below.
    await tablet.setViewportSize({ width: 1024, height: 768 });
    const choices = tablet
      .getByRole('group', { name: `1. ${SKM_WORDING.U1.name}` })
      .getByRole('button');
    const tops = await choices.evaluateAll((buttons) =>
      buttons.map((b) => Math.round(b.getBoundingClientRect().top)),
    );
    expect(tops).toHaveLength(4);
    expect(new Set(tops).size).toBe(1);
    await screenshot(tablet, 'counter-tablet-2a-1024x768');
    for (const [i, element] of SKM_ELEMENTS.entries()) {
      const { name, options } = SKM_WORDING[element];
      const group = tablet.getByRole('group', { name: `${i + 1}. ${name}` });
      await group.getByRole('button', { name: options[SCORES[i]! - 1]!, exact: true }).click();
      if (i === 3) await screenshot(tablet, 'counter-tablet-2b-chosen');
    }
    await tablet.getByRole('group', { name: 'Usia' }).waitFor();
    await tablet.getByRole('button', { name: '40–49 tahun' }).click();
    await screenshot(tablet, 'counter-tablet-3-about');
    await tablet.getByRole('button', { name: 'Kirim penilaian' }).click();
    await tablet.getByText('Penilaian Anda sudah kami terima').waitFor();
    await screenshot(tablet, 'counter-tablet-4-thanks');

    const admin = await hub.login('admin');
    const report = (
      await hub.api('/api/reports/ikm?from=2026-11-23&to=2026-11-23', { token: admin })
    ).body as unknown as IkmReport;
    expect(report.channels).toEqual({ phone: 0, kiosk: 0, counter: 1 });
    expect(report.building).toMatchObject({ respondents: 1, ikm: 88.89 });
  });
});
