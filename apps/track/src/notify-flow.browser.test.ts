import type { HubClient } from '@antre/client';
import type { Ticket } from '@antre/domain';
import type { DeliveryView } from '@antre/protocol';
import type { FakeProvider, TestHub } from '@antre/hub/testing';
import {
  launchBrowser,
  MONDAY_MORNING,
  screenshot,
  startFakeProvider,
  startTestHub,
  until,
} from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CounterPage } from '../../counter/src/testing/counter-driver';
import { openCounter } from '../../counter/src/testing/counter-driver';

// Issue 19 as people live it: the admin sets up a gateway, a visitor opts in on a phone, an
// officer calls at the counter, a supervisor sees the wait alarm come and go. Real hub, real
// Chromium, a fake gateway on 127.0.0.1 that records what it is sent.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const KTP = 'disdukcapil-ktp-el';
const D1 = 'Loket 1 — Disdukcapil';
const D2 = 'Loket 2 — Disdukcapil';
const PHONE = { width: 390, height: 844 };
const TYPED_NUMBER = '0812 3456 7890';
const SENT_TO = '6281234567890';
const MINUTE = 60_000;
// Where KTP-el is served: Loket 1, 2 and 5, all in the main hall.
const KTP_PLACE = 'Loket 1–2, 5 · Lantai 1 — Aula Utama';

let hub: TestHub;
let fake: FakeProvider;
let browser: Browser;
let admin: string;
let desk: HubClient; // the front desk, issuing tickets as the kiosk would
let officer: CounterPage; // petugas.disdukcapil at Loket 1
let supervisor: CounterPage; // spv.disdukcapil at Loket 2, which stays closed

beforeAll(async () => {
  [hub, fake, browser] = await Promise.all([
    startTestHub(undefined, { notify: { pollMs: 20, alarmEveryMs: 50, attemptTimeoutMs: 2_000 } }),
    startFakeProvider(),
    launchBrowser(),
  ]);
  admin = await hub.login('admin');
  desk = await hub.client(await hub.login('spv.disdukcapil'));
  [officer, supervisor] = await Promise.all([
    openCounter(browser, hub, {
      username: 'petugas.disdukcapil',
      counterName: D1,
      now: MONDAY_MORNING,
    }),
    openCounter(browser, hub, {
      username: 'spv.disdukcapil',
      counterName: D2,
      now: MONDAY_MORNING,
    }),
  ]);
  await officer.page.keyboard.press('F1'); // "Buka loket"
  await callNextKey(officer.page).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await fake?.close();
});

const callNextKey = (page: Page) => page.getByRole('button', { name: /F1 Panggil berikutnya/ });
const waitingCount = (page: Page, n: number) =>
  page.getByTestId('waiting-list').getByText(`Menunggu (${n})`).waitFor();

async function callNext(expectedLabel: string): Promise<void> {
  await officer.page.keyboard.press('F1');
  await officer.page.getByTestId('current-label').getByText(expectedLabel).waitFor();
}

async function issue(): Promise<Ticket> {
  const issued = await desk.command('ticket:issue', { serviceId: KTP, priority: null });
  if (!issued.ok) throw new Error(issued.error.message);
  return issued.value.tickets[0]!;
}

/** The admin sets up a Fonnte-style gateway (its preset, the address pointed at the fake). */
async function setUpGateway(): Promise<void> {
  const presets = (await hub.api('/api/admin/notify/presets', { token: admin }))
    .body as unknown as { id: string; method: 'POST'; contentType: 'form'; body: string }[];
  const fonnte = presets.find((p) => p.id === 'fonnte')!;
  const made = await hub.api('/api/admin/notify/channels', {
    token: admin,
    body: {
      kind: 'http',
      name: 'Fonnte',
      enabled: true,
      url: `${fake.url}/send`,
      method: fonnte.method,
      contentType: fonnte.contentType,
      headers: [{ name: 'Authorization', value: 'token-fonnte', secret: true }],
      body: fonnte.body,
    },
  });
  expect(made.status).toBe(201);
  const settings = (await hub.api('/api/admin/notify/settings', { token: admin })).body;
  // The site says 3 ahead; KTP-el, whose visitors wait near the counters, warns at 1.
  const saved = await hub.api('/api/admin/notify/settings', {
    method: 'PUT',
    token: admin,
    body: {
      ...settings,
      phoneChannelId: made.body.id,
      nearAhead: 3,
      services: { [KTP]: { nearAhead: 1 } },
    },
  });
  expect(saved.status).toBe(200);
}

/** What the hub has planned for visitors so far: written in the same transaction as the call. */
const visitorLog = async (): Promise<DeliveryView[]> =>
  (
    (await hub.api('/api/admin/notify/deliveries?limit=100', { token: admin }))
      .body as unknown as DeliveryView[]
  ).filter((d) => d.recipient === 'visitor');

async function logSettled(count: number): Promise<DeliveryView[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const log = await visitorLog();
    if (log.length === count && log.every((d) => d.status === 'sent')) return log;
    if (Date.now() > deadline) throw new Error(`delivery log not settled: ${JSON.stringify(log)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const sentTexts = () =>
  fake.deliveries.map((d) => ({
    to: (d.parsed as { target: string }).target,
    text: (d.parsed as { message: string }).message,
    key: String(d.headers['idempotency-key']),
  }));

async function phoneAt(code: string): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${hub.url}/t/${code}`);
  await page.getByRole('heading', { name: 'Beri tahu saya' }).waitFor();
  return page;
}

async function optIn(page: Page): Promise<void> {
  await page.getByLabel('Nomor ponsel').fill(TYPED_NUMBER);
  await page.getByRole('checkbox', { name: /Saya setuju nomor ini dipakai/ }).check();
  await page.getByRole('button', { name: 'Kabari ke nomor ini' }).click();
  await page.getByText('Pesan dikirim ke nomor …\u20607890').waitFor();
  await page.getByTestId('notify').evaluate((card) => card.scrollIntoView({ block: 'start' }));
}

describe('a visitor who opted in on the tracking page is told by the gateway', () => {
  it('when Loket 1 calls twice ahead, then "1 before you" comes once; when it calls the ticket, then "called" comes once and the phone shows the call', async () => {
    await setUpGateway();
    const [first, second, third, mine] = [
      await issue(),
      await issue(),
      await issue(),
      await issue(),
    ];

    const phone = await phoneAt(mine!.code);
    await phone.getByText('3 orang di depan Anda').waitFor();
    await optIn(phone);
    await screenshot(phone, 'notify-flow-1-phone-opted-in');
    // Three ahead is not near yet for KTP-el: nothing planned.
    expect(await visitorLog()).toEqual([]);

    await callNext(first!.label);
    await phone.getByText('2 orang di depan Anda').waitFor();
    expect(await visitorLog()).toEqual([]);
    await callNext(second!.label);
    await phone.getByText('1 orang di depan Anda').waitFor();
    await until(() => fake.deliveries.length === 1, 10_000);
    expect(sentTexts()[0]).toMatchObject({
      to: SENT_TO,
      text: `Antrean ${mine!.label}: tinggal 1 nomor lagi sebelum Anda. Silakan kembali ke ${KTP_PLACE}.`,
    });

    // The next call brings the turn nearer, and no second "before you".
    await callNext(third!.label);
    await phone.getByText('Anda berikutnya. Bersiaplah di dekat loket.').waitFor();
    expect((await visitorLog()).map((d) => d.message)).toEqual(['ticket.near']);

    await callNext(mine!.label);
    const called = phone.getByRole('alert');
    await called.getByText(`Nomor ${mine!.label} dipanggil`).waitFor();
    await expect(called.locator('.called-counter').textContent()).resolves.toBe('Loket 1');
    await expect(called.locator('.called-counter-name').textContent()).resolves.toBe(D1);
    await screenshot(phone, 'notify-flow-2-phone-called');

    const log = await logSettled(2);
    expect(log.map((d) => [d.message, d.channel]).sort()).toEqual([
      ['ticket.called', 'Fonnte'],
      ['ticket.near', 'Fonnte'],
    ]);
    expect(sentTexts().map(({ to, text }) => ({ to, text }))).toEqual([
      {
        to: SENT_TO,
        text: `Antrean ${mine!.label}: tinggal 1 nomor lagi sebelum Anda. Silakan kembali ke ${KTP_PLACE}.`,
      },
      {
        to: SENT_TO,
        text: `Nomor ${mine!.label} dipanggil. Silakan ke ${D1}, Loket 1 · Lantai 1 — Aula Utama.`,
      },
    ]);
    // Nothing tried twice: no retry reached the gateway, no key or text repeats.
    expect(fake.requests).toHaveLength(2);
    expect(fake.duplicates).toBe(0);
    expect(new Set(sentTexts().map((s) => s.key)).size).toBe(2);
    expect(fake.deliveries.every((d) => d.headers.authorization === 'token-fonnte')).toBe(true);
    await phone.context().close();
  });
});

describe('the wait alarm on the supervisor’s counter screen', () => {
  it('when the oldest wait passes the target, then the supervisor reads it; once Loket 1 calls the waiting, then it goes', async () => {
    const { page } = supervisor;
    const waiting = [await issue(), await issue()];
    await waitingCount(page, 2);
    await expect(page.locator('.alarm-strip').count()).resolves.toBe(0);

    // KTP-el's target is 30 minutes, 10 more are allowed: 09.45 is past both.
    hub.advance(45 * MINUTE);
    await Promise.all(
      [officer, supervisor].map((p) => p.page.clock.setFixedTime(MONDAY_MORNING + 45 * MINUTE)),
    );
    const alarm = page.locator('.alarm-strip li[data-kind=wait_over_target]');
    await alarm.waitFor();
    await expect(page.locator('.alarm-strip h2').textContent()).resolves.toBe(
      'Peringatan antrean (1)',
    );
    await expect(alarm.locator('.alarm-text').textContent()).resolves.toBe(
      `Perekaman dan Pencetakan KTP-el: tunggu terlama melewati target 30 menit (nomor ${waiting[0]!.label})`,
    );
    await expect(alarm.locator('.alarm-since').textContent()).resolves.toBe(
      'sejak 09.30, 15 menit',
    );
    // The lines redraw their minutes every 10 s: wait for them, so the picture tells no lie.
    await page.getByTestId('waiting-list').getByText('45 mnt').first().waitFor();
    await screenshot(page, 'notify-flow-3-supervisor-alarm');

    // The second waited as long as the first: the alarm stays until both are called.
    await callNext(waiting[0]!.label);
    await waitingCount(page, 1);
    await expect(alarm.count()).resolves.toBe(1);
    await callNext(waiting[1]!.label);
    await waitingCount(page, 0);
    await page.locator('.alarm-strip').waitFor({ state: 'detached' });
    await screenshot(page, 'notify-flow-4-supervisor-cleared');
  });
});
