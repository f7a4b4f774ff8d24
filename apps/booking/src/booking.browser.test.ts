import type { Building } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { layoutProblems } from './layout-check';

// The citizen's booking page on a phone, against the real hub and its demo building (Monday
// 23 November 2026, 09:00 WIB). Kartu Keluarga takes bookings in the demo; here it is also
// closed on Wednesday, so the calendar shows a closure with its reason.

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SERVICE = 'disdukcapil-kartu-keluarga';
const PHONE = { width: 390, height: 844 };
const NARROW = { width: 360, height: 740 };
/** Plausible NIKs (DKI Jakarta, born 1 January 1990) with serial n. */
const nikOf = (n: number): string => `3171010101900${String(n).padStart(3, '0')}`;

let hub: TestHub;
let browser: Browser;
let admin: string;
const pageErrors: string[] = [];

async function saveBuilding(change: (b: Building) => Building): Promise<void> {
  const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  const saved = await hub.api('/api/building', {
    method: 'PUT',
    token: admin,
    body: change(building),
  });
  expect(saved.status).toBe(200);
}

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  admin = await hub.login('admin');
  await saveBuilding((b) => ({
    ...b,
    services: b.services.map((s) =>
      s.id === SERVICE && s.booking
        ? {
            ...s,
            booking: {
              ...s.booking,
              closedDates: [{ date: '2026-11-25', name: 'Pemeliharaan alat perekaman' }],
            },
          }
        : s,
    ),
  }));
});
afterEach(async (context) => {
  expect(pageErrors.splice(0), 'errors in the page').toEqual([]);
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (context.task.result?.state === 'fail' && pages.length > 0)
    await screenshot(pages.at(-1)!, `booking-failed-${context.task.name.slice(0, 40)}`);
  await Promise.all(browser.contexts().map((c) => c.close()));
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function phone(path = '/booking/'): Promise<Page> {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  await page.goto(`${hub.url}${path}`);
  return page;
}

/** Screenshot at 390 px, then the layout measured at 390 and at 360 px. */
async function look(page: Page, name: string): Promise<void> {
  await screenshot(page, `booking-${name}`);
  expect(await layoutProblems(page), `${name} at 390 px`).toEqual([]);
  await page.setViewportSize(NARROW);
  expect(await layoutProblems(page), `${name} at 360 px`).toEqual([]);
  await page.setViewportSize(PHONE);
}

const WORDS = {
  id: {
    agency: 'Dinas Kependudukan dan Pencatatan Sipil Kota Harapan',
    bookService: 'Pesan layanan ini',
    tuesday: 'Selasa, 24 November 2026',
    closed: 'Layanan tutup: Pemeliharaan alat perekaman',
    weekend: 'Tutup',
    session: '10.00–12.00',
    left: 'Sisa 15 tempat',
    nikShort: 'NIK harus 16 angka',
    nikDate: 'bukan tanggal lahir yang mungkin',
    consentNeeded: 'Centang persetujuan',
    book: 'Pesan sekarang',
    confirmed: 'Pesanan berhasil',
    place: 'Tempat',
    find: 'Cek / ubah / batalkan pesanan',
    findButton: 'Cari pesanan',
    cancel: 'Batalkan pesanan',
    cancelYes: 'Ya, batalkan',
    cancelled: 'Dibatalkan',
    booked: 'Terpesan',
    move: 'Pindah jadwal',
    thursday: 'Kamis, 26 November 2026',
    morning: '08.00–10.00',
    calendar: 'Simpan ke kalender (.ics)',
  },
  en: {
    agency: 'Dinas Kependudukan dan Pencatatan Sipil Kota Harapan',
    bookService: 'Book this service',
    tuesday: 'Tuesday,? 24 November 2026',
    closed: 'Service closed: Pemeliharaan alat perekaman',
    weekend: 'Closed',
    session: '10:00–12:00',
    left: '15 places left',
    nikShort: 'A NIK has 16 digits',
    nikDate: 'not a possible birth date',
    consentNeeded: 'Tick the consent',
    book: 'Book now',
    confirmed: 'Booking confirmed',
    place: 'Where',
    find: 'Check / change / cancel a booking',
    findButton: 'Find booking',
    cancel: 'Cancel booking',
    cancelYes: 'Yes, cancel',
    cancelled: 'Cancelled',
    booked: 'Booked',
    move: 'Change date or session',
    thursday: 'Thursday,? 26 November 2026',
    morning: '08:00–10:00',
    calendar: 'Save to calendar (.ics)',
  },
};

describe('the booking page on a citizen phone', () => {
  for (const [n, language] of (['id', 'en'] as const).entries()) {
    it(`when a citizen books Kartu Keluarga (${language}), then the confirmation shows code, QR, time, place and a calendar file, and the booking is found by code + NIK, moved and cancelled`, async () => {
      const w = WORDS[language];
      const page = await phone();
      if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: new RegExp(w.agency) }).waitFor();
      await look(page, `${language}-1-agency`);
      await page.getByRole('button', { name: new RegExp(w.agency) }).click();

      await page.getByText('Penerbitan Kartu Keluarga').waitFor();
      await page.locator('summary').first().click();
      await look(page, `${language}-2-service`);
      await page.getByRole('button', { name: w.bookService }).first().click();

      // The calendar: Tuesday open, Wednesday closed with its reason, the weekend closed.
      await page.getByRole('button', { name: new RegExp(w.tuesday) }).waitFor();
      expect(await page.getByRole('button', { name: new RegExp(w.closed) }).isDisabled()).toBe(
        true,
      );
      expect(await page.getByText(w.weekend, { exact: true }).count()).toBeGreaterThan(0);
      await look(page, `${language}-3-date`);
      await page.getByRole('button', { name: new RegExp(w.tuesday) }).click();

      await page
        .getByRole('button', { name: new RegExp(w.left) })
        .first()
        .waitFor();
      await look(page, `${language}-4-session`);
      await page.getByRole('button', { name: new RegExp(w.session) }).click();

      // The identity step checks the NIK in the browser, with a message per problem.
      const nik = page.locator('input[name=nik]');
      await nik.fill('31710101019');
      await page.locator('input[name=name]').fill('Siti Aminah');
      await page.locator('input[name=phone]').fill('081234567890');
      await page.getByRole('button', { name: w.book }).click();
      await page.getByText(w.nikShort).waitFor();
      await page.getByText(w.consentNeeded).waitFor();
      await look(page, `${language}-5-identity-problems`);
      await nik.fill('3171013201900001');
      await page.getByText(w.nikDate).waitFor();
      await nik.fill(nikOf(n + 1));
      await page.locator('input[name=consent]').check();
      await page.getByRole('button', { name: w.book }).click();

      await page.getByText(w.confirmed).waitFor();
      const code = (await page.getByTestId('booking-code').textContent())!.trim();
      expect(code).toMatch(/^[A-Z0-9]{6,10}$/);
      await page.locator('img.qr').waitFor();
      expect(
        await page.locator('img.qr').evaluate((img: HTMLImageElement) => img.naturalWidth),
      ).toBeGreaterThan(100);
      const card = await page.locator('.booking-card').innerText();
      expect(card).toMatch(new RegExp(w.tuesday));
      expect(card).toContain(`${w.session} WIB`);
      expect(card).toContain('Penerbitan Kartu Keluarga');
      expect(card).toMatch(language === 'id' ? /Loket \d/ : /Counter \d/);
      expect(card).toContain('****' + nikOf(n + 1).slice(12));
      await look(page, `${language}-6-confirmation`);
      await page.mouse.wheel(0, 700);
      await screenshot(page, `booking-${language}-6-confirmation-bottom`);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: w.calendar }).click(),
      ]);
      const ics = readFileSync((await download.path())!, 'utf8');
      expect(download.suggestedFilename()).toBe(`antrean-${code}.ics`);
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics).toContain('DTSTART:20261124T030000Z'); // 10:00 WIB
      expect(ics).toContain(code);

      // Cek / ubah / batalkan: the same booking found by code + NIK, then cancelled.
      await page.getByRole('button', { name: w.find }).click();
      await page.locator('input[name=code]').fill(code.toLowerCase());
      await page.locator('input[name=nik]').fill(nikOf(n + 1));
      await look(page, `${language}-7-find`);
      await page.getByRole('button', { name: w.findButton }).click();
      await page.locator('.status', { hasText: w.booked }).waitFor();
      expect(await page.getByTestId('booking-code').textContent()).toBe(code);
      await page.getByRole('button', { name: w.move }).click();
      await page.getByRole('button', { name: new RegExp(w.thursday) }).click();
      await look(page, `${language}-7b-move-session`);
      await page.getByRole('button', { name: new RegExp(w.morning) }).click();
      await page.locator('.booking-card', { hasText: new RegExp(w.thursday) }).waitFor();
      expect(await page.locator('.booking-card').innerText()).toContain(`${w.morning} WIB`);
      await page.getByRole('button', { name: w.cancel }).click();
      await look(page, `${language}-8-cancel-confirm`);
      await page.getByRole('button', { name: w.cancelYes }).click();
      await page.locator('.status', { hasText: w.cancelled }).waitFor();
      await look(page, `${language}-9-cancelled`);
      const found = await hub.api(`/api/bookings/${code}`, {
        headers: { 'x-antre-nik': nikOf(n + 1) },
      });
      expect(found.body).toMatchObject({
        status: 'cancelled',
        cancelReason: 'citizen',
        date: '2026-11-26',
        sessionId: 'pagi',
      });
    });
  }

  it('when the building closes a booked day, then the found booking says why; a second booking of the day is refused with the next step; the poster is a large QR of the page', async () => {
    const book = (date: string, sessionId: string, nik: string) =>
      hub.api('/api/bookings', {
        body: { serviceId: SERVICE, date, sessionId, nik, name: 'Budi Santoso' },
      });
    const stranded = await book('2026-11-26', 'siang', nikOf(10));
    expect(stranded.status).toBe(201);
    expect((await book('2026-11-27', 'pagi', nikOf(11))).status).toBe(201);
    await saveBuilding((b) => ({
      ...b,
      site: {
        ...b.site,
        holidays: [...b.site.holidays, { date: '2026-11-26', name: 'Cuti bersama' }],
      },
    }));

    const page = await phone('/booking/#cek');
    await page.locator('input[name=code]').fill(stranded.body.code as string);
    await page.locator('input[name=nik]').fill(nikOf(10));
    await page.getByRole('button', { name: 'Cari pesanan' }).click();
    await page
      .getByText('Dibatalkan oleh pengelola gedung karena hari libur: Cuti bersama.')
      .waitFor();
    await look(page, 'id-10-cancelled-by-building');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Cancelled by the building for a holiday: Cuti bersama.').waitFor();
    await look(page, 'en-10-cancelled-by-building');

    // The same NIK books Kartu Keluarga again on Friday: the hub refuses, the page says what to do.
    await page.getByRole('button', { name: 'Make a new booking' }).click();
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('button', { name: /Dinas Kependudukan/ }).click();
    await page.getByRole('button', { name: 'Pesan layanan ini' }).first().click();
    await page.getByRole('button', { name: /Jumat, 27 November 2026/ }).click();
    await page.getByRole('button', { name: /08.00–10.00/ }).click();
    await page.locator('input[name=nik]').fill(nikOf(11));
    await page.locator('input[name=name]').fill('Budi Santoso');
    await page.getByRole('button', { name: 'Pesan sekarang' }).click();
    await page
      .getByText('NIK ini sudah punya pesanan untuk layanan ini pada hari yang sama')
      .waitFor();
    await look(page, 'id-11-refused-duplicate');

    const home = await (await fetch(`${hub.url}/`)).text();
    expect(home).toContain('<a href="/booking/">');
    const poster = await phone('/booking/#poster');

    await poster.locator('img.qr').waitFor();
    expect(await poster.locator('img.qr').getAttribute('alt')).toBe(`${hub.url}/booking/`);
    await look(poster, 'id-12-poster');
    await poster.setViewportSize({ width: 794, height: 1123 });
    await screenshot(poster, 'booking-id-12-poster-a4');
  });
});
