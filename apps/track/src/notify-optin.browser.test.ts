import type { HubClient } from '@antre/client';
import type { Building, Ticket } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let hub: TestHub;
let browser: Browser;
let officer: HubClient;
let admin: string;
let counterId: string;
const PHONE = { width: 390, height: 844 };
const KTP = 'disdukcapil-ktp-el';

const WORDS = {
  id: {
    card: 'Beri tahu saya',
    push: 'Kirim notifikasi ke ponsel ini',
    number: 'Nomor ponsel',
    consent: /Saya setuju nomor ini dipakai/,
    send: 'Kabari ke nomor ini',
    noConsent: 'Centang kotak persetujuan dulu. Tanpa persetujuan, nomor Anda tidak kami simpan.',
    badNumber: /Nomor ponsel belum benar/,
    on: 'Pesan dikirim ke nomor …\u20607890',
    stop: 'Berhenti',
    stopped: /Tidak ada pesan lagi/,
  },
  en: {
    card: 'Notify me',
    push: 'Send notifications to this phone',
    number: 'Mobile number',
    consent: /I agree that this number is used/,
    send: 'Send messages to this number',
    noConsent: 'Tick the consent box first. Without consent we do not keep your number.',
    badNumber: /This mobile number is not right/,
    on: 'Messages go to the number ending …\u20607890',
    stop: 'Stop',
    stopped: /No more messages/,
  },
} as const;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  admin = await hub.login('admin');
  officer = await hub.client(await hub.login('petugas.disdukcapil'));
  const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  const counter = building.counters.find((c) => c.services.some((s) => s.serviceId === KTP))!;
  counterId = counter.id;
  await officer.command('counter:open', { counterId });
});
afterEach(async (context) => {
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (context.task.result?.state === 'fail' && pages.length > 0)
    await screenshot(pages.at(-1)!, `track-notify-failed-${context.task.name.slice(0, 40)}`);
  await Promise.all(browser.contexts().map((c) => c.close()));
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function issue(): Promise<Ticket> {
  const result = await officer.command('ticket:issue', { serviceId: KTP, priority: null });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.tickets[0]!;
}

async function phone(code: string, language: 'id' | 'en' = 'id'): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${hub.url}/t/${code}`);
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: WORDS[language].card }).waitFor();
  return page;
}

/** The card at the top of the screen, for a picture of it. */
const showCard = (page: Page) =>
  page.getByTestId('notify').evaluate((card) => card.scrollIntoView({ block: 'start' }));

const optInsAtHub = async (code: string) => (await hub.api(`/api/tickets/${code}/notify`)).body;

describe('the tracking page offers to notify the visitor', () => {
  for (const language of ['id', 'en'] as const) {
    it(`when a visitor gives a number (${language}), then the hub keeps it only with consent, the card says where messages go, and "${WORDS[language].stop}" deletes it`, async () => {
      const words = WORDS[language];
      const ticket = await issue();
      const page = await phone(ticket.code, language);
      const number = page.getByLabel(words.number);
      await expect(number.getAttribute('inputmode')).resolves.toBe('numeric');
      await showCard(page);
      await screenshot(page, `track-notify-${language}-1-card`);

      await number.fill('0812 3456 7890');
      await page.getByRole('button', { name: words.send }).click();
      await page.getByText(words.noConsent).waitFor();
      await expect(
        page.getByRole('checkbox', { name: words.consent }).getAttribute('aria-invalid'),
      ).resolves.toBe('true');
      expect(await optInsAtHub(ticket.code)).toEqual([]);
      await showCard(page);
      await screenshot(page, `track-notify-${language}-2-no-consent`);

      await number.fill('12345');
      await page.getByRole('checkbox', { name: words.consent }).check();
      await page.getByRole('button', { name: words.send }).click();
      await page.getByText(words.badNumber).waitFor();
      expect(await page.getByText(words.noConsent).count()).toBe(0);
      expect(await optInsAtHub(ticket.code)).toEqual([]);

      await number.fill('0812-3456-7890');
      await page.getByRole('button', { name: words.send }).click();
      await page.getByText(words.on).waitFor();
      expect(await optInsAtHub(ticket.code)).toEqual([{ medium: 'phone', phoneEnd: '7890' }]);
      expect(await page.getByLabel(words.number).count()).toBe(0);
      await showCard(page);
      await screenshot(page, `track-notify-${language}-3-on`);

      // The opt-in is the hub's: a reload (or a second phone) shows it too.
      await page.reload();
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
      await page.getByText(words.on).waitFor();
      await page.getByRole('button', { name: words.stop, exact: true }).click();
      await page.getByText(words.stopped).waitFor();
      expect(await optInsAtHub(ticket.code)).toEqual([]);
      await page.getByLabel(words.number).waitFor();
    });
  }

  it('when the ticket is served to the end or cancelled, then the card goes: nothing more will be sent', async () => {
    const served = await issue();
    const page = await phone(served.code);
    const called = await officer.command('counter:call', { counterId, ticketId: served.id });
    expect(called.ok).toBe(true);
    for (const step of ['counter:start', 'counter:finish'] as const)
      expect((await officer.command(step, { counterId })).ok).toBe(true);
    await page.getByText('Layanan selesai').waitFor();
    expect(await page.getByRole('heading', { name: WORDS.id.card }).count()).toBe(0);

    const cancelled = await issue();
    const other = await phone(cancelled.code);
    expect((await officer.command('ticket:cancel', { ticketId: cancelled.id })).ok).toBe(true);
    await other.getByText('Tiket dibatalkan').waitFor();
    expect(await other.getByRole('heading', { name: WORDS.id.card }).count()).toBe(0);
  });
});

describe('Web Push', () => {
  // Headless Chromium here reaches no push service, so a subscription cannot be made; the hub's
  // sending is tested in its adapter tests. What is tested: when the button shows, and the worker.
  it('when the hub offers no push key, then there is no push button; once a Web Push channel is on, there is, and the worker at /t/ shows a pushed message', async () => {
    const ticket = await issue();
    let page = await phone(ticket.code);
    await page.getByLabel(WORDS.id.number).waitFor();
    expect(await page.getByRole('button', { name: WORDS.id.push }).count()).toBe(0);

    const channel = await hub.api('/api/admin/notify/channels', {
      token: admin,
      body: { kind: 'webpush', name: 'Web Push', enabled: true, subject: 'mailto:mpp@example.id' },
    });
    expect(channel.status).toBe(201);
    const { publicKey } = (await hub.api('/api/notify/push-key')).body as { publicKey: string };
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);

    page = await phone(ticket.code);
    const push = page.getByRole('button', { name: WORDS.id.push });
    await push.waitFor();
    await page.getByText('atau lewat nomor ponsel').waitFor();
    await showCard(page);
    await screenshot(page, 'track-notify-id-4-push-offered');

    await page.context().grantPermissions(['notifications'], { origin: hub.url });
    await push.click();
    // No push service: the page says so in plain words and keeps the phone number on offer.
    await page.getByText(/Notifikasi tidak dapat diaktifkan di browser ini/).waitFor();
    await showCard(page);
    await screenshot(page, 'track-notify-id-5-push-failed');
    const scope = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.scope ?? null;
    });
    expect(scope).toBe(`${hub.url}/t/`);
    expect(
      await shownAfterPush(page, {
        title: 'Antrean A-001',
        body: 'Silakan ke Loket 1',
        url: `${hub.url}/t/${ticket.code}`,
        key: 'ticket:1:called',
      }),
    ).toEqual([{ title: 'Antrean A-001', body: 'Silakan ke Loket 1', tag: 'ticket:1:called' }]);

    await hub.api(`/api/admin/notify/channels/${channel.body.id as string}`, {
      method: 'DELETE',
      token: admin,
    });
    page = await phone(ticket.code);
    await page.getByLabel(WORDS.id.number).waitFor();
    expect(await page.getByRole('button', { name: WORDS.id.push }).count()).toBe(0);
  });
});

/** Delivers a push to the page's worker through DevTools (no push service), then lists what it shows. */
async function shownAfterPush(page: Page, payload: Record<string, string>) {
  const cdp = await (page.context() as BrowserContext).newCDPSession(page);
  const registrationId = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${hub.url}/t/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  // A push delivered before the worker is active is dropped: wait for it, as a browser would.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const id = await registrationId;
  // A push service delivers again when a delivery is not acknowledged; a delivery over DevTools
  // can be dropped the same way on a busy machine (the worker being started for it). Three tries,
  // each given 10 s: the same key shows once, so a second delivery cannot add a notification.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: hub.url,
      registrationId: id,
      data: JSON.stringify(payload),
    });
    const shown = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      for (let i = 0; i < 100; i += 1) {
        const notes = (await registration?.getNotifications()) ?? [];
        if (notes.length > 0)
          return notes.map((n) => ({ title: n.title, body: n.body, tag: n.tag }));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return [];
    });
    if (shown.length > 0) return shown;
  }
  return [];
}

describe('too many tries', () => {
  it('when an address has sent too many opt-ins in a minute, then the page says how long to wait', async () => {
    const ticket = await issue();
    const page = await phone(ticket.code);
    // Earlier tests sent a few; these use up the rest of this address's minute.
    for (let i = 0; i < 10; i += 1) {
      const { status } = await hub.api(`/api/tickets/${ticket.code}/notify`, { body: {} });
      if (status === 429) break;
    }
    await page.getByLabel(WORDS.id.number).fill('081234567890');
    await page.getByRole('checkbox', { name: WORDS.id.consent }).check();
    await page.getByRole('button', { name: WORDS.id.send }).click();
    await page.getByText(/Terlalu banyak percobaan\. Tunggu \d+ detik, lalu coba lagi\./).waitFor();
    expect(await optInsAtHub(ticket.code)).toEqual([]);
    await showCard(page);
    await screenshot(page, 'track-notify-id-6-too-many');
  });
});
