import type { HubClient } from '@antre/client';
import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, screenshot, startTestHub, until } from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { layoutProblems } from './testing/layout-problems';

vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });

let hub: TestHub;
let browser: Browser;
let token: string;
let officer: HubClient;

const SIZES = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;
const WORDS = {
  id: {
    result: 'Silakan ambil tiket Anda',
    offer: /Kabari saya lewat ponsel/,
    consent: /Saya setuju nomor ini dipakai/,
    send: 'Kirim',
    noConsent: 'Sentuh kotak persetujuan dulu. Tanpa persetujuan, nomor Anda tidak kami simpan.',
    badNumber: /Nomor belum benar/,
    done: 'Nomor …\u20607890 akan dikabari',
    erase: 'Hapus',
    clear: 'Kosongkan',
    home: 'Pilih instansi yang Anda tuju',
  },
  en: {
    result: 'Please take your ticket',
    offer: /Notify me on my phone/,
    consent: /I agree that this number is used/,
    send: 'Send',
    noConsent: 'Touch the consent box first. Without consent we do not keep your number.',
    badNumber: /This number is not right/,
    done: 'Number …\u20607890 will be notified',
    erase: 'Delete',
    clear: 'Clear',
    home: 'Choose the agency you need',
  },
} as const;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  // The kiosk's own idle time (30 s unless set) stays; the result screen's 12 s is what counts.
  const { body } = await hub.api('/api/devices', {
    token: await hub.login('admin'),
    body: { name: 'Kiosk Kabari', role: 'kiosk', settings: { printer: { kind: 'virtual' } } },
  });
  token = body.token as string;
  officer = await hub.client(await hub.login('petugas.disdukcapil'));
});
afterEach(async (context) => {
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (context.task.result?.state === 'fail' && pages.length > 0)
    await screenshot(pages.at(-1)!, `kiosk-notify-failed-${context.task.name.slice(0, 40)}`);
  await Promise.all(pages.map((p) => p.close()));
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** A visitor takes a KTP number; the time of the page is the test's to move. */
async function printedTicket(size: keyof typeof SIZES, language: 'id' | 'en', aids = false) {
  const page = await browser.newPage({ viewport: SIZES[size] });
  await page.clock.install();
  await page.goto(`${hub.url}/kiosk/?token=${token}`);
  await page.locator('.kiosk-top').waitFor();
  if (aids) {
    await page.getByRole('button', { name: 'Huruf besar' }).click();
    await page.getByRole('button', { name: 'Kontras tinggi' }).click();
  }
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /^Disdukcapil/ }).click();
  await page.getByRole('button', { name: /Perekaman dan Pencetakan KTP-el/ }).click();
  await page
    .getByRole('button', {
      name: language === 'id' ? 'Ambil nomor antrean' : 'Take a queue number',
    })
    .click();
  await page
    .getByRole('button', { name: language === 'id' ? 'Antrean biasa' : 'Regular queue' })
    .click();
  await page.getByRole('heading', { name: WORDS[language].result }).waitFor();
  const label = (await page.getByTestId('ticket-number').textContent()) ?? '';
  return { page, code: await codeOf(label) };
}

/** The ticket's code (its tracking link's secret), as the agency's officer sees it. */
async function codeOf(label: string): Promise<string> {
  const find = () => [...officer.state.tickets.values()].find((t) => t.label === label);
  await until(() => find() !== undefined);
  return find()!.code;
}

async function typeNumber(page: Page, digits: string) {
  for (const digit of digits)
    await page
      .getByRole('group', { name: /nomor ponsel|mobile number/ })
      .getByRole('button', { name: digit, exact: true })
      .click();
}

/** The whole screen is in sight: nothing to scroll to, so no page button covers a key. */
const fitsTheScreen = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('.kiosk-main')!;
    return main.scrollHeight <= main.clientHeight;
  });

const display = (page: Page) => page.getByTestId('phone-display').textContent();

describe('"Kabari saya lewat ponsel" on the kiosk', () => {
  it('when a visitor types a number on the keypad (portrait), then keys restart the idle count, consent is asked for, the hub keeps the number, and an idle kiosk still goes home', async () => {
    const words = WORDS.id;
    const { page, code } = await printedTicket('portrait', 'id');
    await screenshot(page, 'kiosk-notify-portrait-id-1-offer');
    await page.getByRole('button', { name: words.offer }).click();
    await page.getByRole('checkbox', { name: words.consent }).waitFor();
    expect(await page.locator('input, textarea').count()).toBe(0); // no system keyboard

    // 12 s without a touch sends the result screen home; each key starts the count again.
    await typeNumber(page, '0812');
    await page.clock.runFor(9_000);
    await typeNumber(page, '3456');
    await page.clock.runFor(9_000);
    await typeNumber(page, '78900');
    await page.getByRole('button', { name: words.erase }).click();
    expect(await display(page)).toBe('0812 3456 7890');

    await page.getByRole('button', { name: words.send, exact: true }).click();
    await page.getByText(words.noConsent).waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    expect(await hub.api(`/api/tickets/${code}/notify`)).toMatchObject({ body: [] });
    expect(await layoutProblems(page, { floating: false })).toEqual([]);
    await screenshot(page, 'kiosk-notify-portrait-id-2-no-consent');

    await page.getByRole('checkbox', { name: words.consent }).click();
    await expect(
      page.getByRole('checkbox', { name: words.consent }).getAttribute('aria-checked'),
    ).resolves.toBe('true');
    await page.getByRole('button', { name: words.send, exact: true }).click();
    await page.getByText(words.done).waitFor();
    expect((await hub.api(`/api/tickets/${code}/notify`)).body).toEqual([
      { medium: 'phone', phoneEnd: '7890' },
    ]);
    await screenshot(page, 'kiosk-notify-portrait-id-3-done');

    await page.clock.runFor(12_500);
    await page.getByRole('heading', { name: words.home }).waitFor();
  });
});

describe('the phone keypad at every size', () => {
  it('when a visitor in English with large text and high contrast mistypes a number (landscape), then the hub refusal shows under the number, "Clear" starts again, and the right number is kept', async () => {
    const words = WORDS.en;
    const { page, code } = await printedTicket('landscape', 'en', true);
    expect(await layoutProblems(page, { floating: false })).toEqual([]);
    await screenshot(page, 'kiosk-notify-landscape-en-aids-1-offer');
    await page.getByRole('button', { name: words.offer }).click();
    await typeNumber(page, '12345');
    await page.getByRole('checkbox', { name: words.consent }).click();
    await page.getByRole('button', { name: words.send, exact: true }).click();
    await page.getByText(words.badNumber).waitFor();
    expect(await page.getByText(words.noConsent).count()).toBe(0);
    expect(await layoutProblems(page, { floating: false })).toEqual([]);
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'kiosk-notify-landscape-en-aids-2-bad-number');

    await page.getByRole('button', { name: words.clear }).click();
    expect(await display(page)).toBe('For example: 0812 3456 7890');
    await typeNumber(page, '081298767890');
    await page.getByRole('button', { name: words.send, exact: true }).click();
    await page.getByText(words.done).waitFor();
    expect((await hub.api(`/api/tickets/${code}/notify`)).body).toEqual([
      { medium: 'phone', phoneEnd: '7890' },
    ]);
    expect(await layoutProblems(page, { floating: false })).toEqual([]);
    await screenshot(page, 'kiosk-notify-landscape-en-aids-3-done');
  });

  for (const [size, language, aids] of [
    ['landscape', 'id', false],
    ['portrait', 'en', true],
  ] as const) {
    it(`when the keypad opens (${size}, ${language}${aids ? ', large text, high contrast' : ''}), then nothing is cut or overlaps, and "${language === 'id' ? 'Batal' : 'Cancel'}" goes back to the ticket without sending`, async () => {
      const words = WORDS[language];
      const { page, code } = await printedTicket(size, language, aids);
      await page.getByRole('button', { name: words.offer }).click();
      await typeNumber(page, '081234567890');
      await page.getByRole('checkbox', { name: words.consent }).click();
      expect(await layoutProblems(page, { floating: false })).toEqual([]);
      expect(await fitsTheScreen(page)).toBe(true);
      await screenshot(page, `kiosk-notify-${size}-${language}${aids ? '-aids' : ''}-keypad`);
      await page.getByRole('button', { name: language === 'id' ? 'Batal' : 'Cancel' }).click();
      await page.getByRole('button', { name: words.offer }).waitFor();
      expect(await layoutProblems(page, { floating: false })).toEqual([]);
      expect(await page.locator('.page-buttons').count()).toBe(0);
      await screenshot(page, `kiosk-notify-${size}-${language}${aids ? '-aids' : ''}-offer`);
      expect((await hub.api(`/api/tickets/${code}/notify`)).body).toEqual([]);
    });
  }
});
