import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, MONDAY_MORNING, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { layoutProblems, scrollToEnd } from './testing/layout-problems';

vi.setConfig({ testTimeout: 90_000 });

let hub: TestHub;
let browser: Browser;
let token: string;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  const { body } = await hub.api('/api/devices', {
    token: await hub.login('admin'),
    body: {
      name: 'Kiosk Tata Letak',
      role: 'kiosk',
      // A slow shared machine must not send the kiosk home between two measurements.
      settings: { printer: { kind: 'virtual' }, idleSeconds: 600 },
    },
  });
  token = body.token as string;
});
afterEach(async (context) => {
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (context.task.result?.state === 'fail' && pages.length > 0)
    await screenshot(pages.at(-1)!, `kiosk-layout-failed-${context.task.name.slice(0, 40)}`);
  await Promise.all(pages.map((p) => p.close()));
  hub.setNow(MONDAY_MORNING);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const SIZES = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;
const WORDS = {
  id: {
    agencies: 'Pilih instansi yang Anda tuju',
    take: 'Ambil nomor antrean',
    regular: 'Antrean biasa',
    result: 'Silakan ambil tiket Anda',
    place: 'Loket 1–2, 5 · Lantai 1 — Aula Utama',
  },
  en: {
    agencies: 'Choose the agency you need',
    take: 'Take a queue number',
    regular: 'Regular queue',
    result: 'Please take your ticket',
    place: 'Counter 1–2, 5 · Lantai 1 — Aula Utama',
  },
} as const;
const STANDARD_PARTS = {
  id: ['Persyaratan', 'Prosedur', 'Jangka waktu', 'Biaya / tarif', 'Produk layanan', 'Pengaduan'],
  en: ['Requirements', 'Procedure', 'Time needed', 'Cost', 'What you receive', 'Complaints'],
} as const;

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

async function openKiosk(
  size: keyof typeof SIZES,
  language: 'id' | 'en',
  aids: boolean,
): Promise<Page> {
  const page = await browser.newPage({ viewport: SIZES[size] });
  await page.goto(`${hub.url}/kiosk/?token=${token}`);
  await page.locator('.kiosk-top').waitFor();
  if (aids) {
    await page.getByRole('button', { name: 'Huruf besar' }).click();
    await page.getByRole('button', { name: 'Kontras tinggi' }).click();
  }
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
  return page;
}

/** Every part of the standard is either in sight or named by the "scroll down for" cue. */
async function unseenStandardParts(page: Page, names: readonly string[]): Promise<string[]> {
  const cues = page.getByTestId('more-below');
  const cue = (await cues.count()) > 0 ? ((await cues.textContent()) ?? '') : '';
  const inSight = await page.evaluate(() => {
    const box = document.querySelector('.standard-scroll')!.getBoundingClientRect();
    return [...document.querySelectorAll('.standard-item h2')]
      .filter((h) => h.getBoundingClientRect().bottom <= box.bottom + 1)
      .map((h) => h.textContent ?? '');
  });
  return names.filter((n) => !inSight.includes(n) && !cue.includes(n));
}

describe('the kiosk reflows at every size, language and reading aid', () => {
  // Indonesian as it starts, and both languages with large text and high contrast on.
  const modes = [
    ['id', false],
    ['id', true],
    ['en', true],
  ] as const;
  for (const size of ['portrait', 'landscape'] as const) {
    for (const [language, aids] of modes) {
      const mode = aids ? 'large-contrast' : 'plain';
      it(`when a visitor takes a number (${size}, ${language}, ${mode}), then nothing is cut, overlaps or hides under a button`, async () => {
        const words = WORDS[language];
        const page = await openKiosk(size, language, aids);
        const shot = (name: string) =>
          screenshot(page, `kiosk-layout-${size}-${language}-${mode}-${name}`);
        const check = async (where: string, floating = false) =>
          expect(await layoutProblems(page, { floating }), where).toEqual([]);

        await heading(page, words.agencies).waitFor();
        await check('agencies');
        await shot('1-agencies');
        await scrollToEnd(page);
        await check('agencies, scrolled to the end', true);
        await shot('1-agencies-end');

        await page.getByRole('button', { name: /^BPJS Ketenagakerjaan/ }).click();
        await page.locator('.service-card').first().waitFor();
        await check('services');
        await page.getByRole('button', { name: /Klaim Jaminan Hari Tua/ }).click();
        await page.locator('.standard-scroll').waitFor();
        await check('standard');
        expect(await unseenStandardParts(page, STANDARD_PARTS[language])).toEqual([]);
        await shot('3-standard');

        // Back, not Start: Start hands the kiosk to the next visitor in Indonesian.
        const back = page.getByRole('button', { name: language === 'en' ? 'Back' : 'Kembali' });
        await back.click();
        await back.click();
        await page.getByRole('button', { name: /^Disdukcapil/ }).click();
        await page.getByRole('button', { name: /Perekaman dan Pencetakan KTP-el/ }).click();
        await page.getByRole('button', { name: words.take }).click();
        await page.getByRole('button', { name: words.regular }).click();
        await heading(page, words.result).waitFor();
        expect(await page.getByTestId('ticket-place').textContent()).toContain(words.place);
        await page.locator('.result-qr img').waitFor();
        await check('result');
        await shot('6-result');
      });
    }
  }
});
