import type { Building } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import { DEMO_PASSWORD, launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

// The Disdukcapil supervisor runs their agency's antrean online from the admin, on a 1366×768
// office screen: sessions, places and closed days, saved through their agency's endpoint.

let hub: TestHub;
let browser: Browser;
let page: Page;
const KTP = 'disdukcapil-ktp-el';
const KK = 'disdukcapil-kartu-keluarga';
// The test hub's today is Monday 2026-11-23.
const TOMORROW = '2026-11-24';

const serviceOf = async (id: string) => {
  const admin = await hub.login('admin');
  const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  return building.services.find((s) => s.id === id)!;
};
/** Text elements whose words do not fit their box. */
const clipped = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((el) => el.children.length === 0 && (el.textContent ?? '').trim() !== '')
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      .filter((el) => !['INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(el.tagName))
      .map((el) => `${el.tagName}: ${el.textContent}`),
  );
const editService = async (name: RegExp) => {
  await page.getByRole('button', { name }).click();
  return page.getByRole('form', { name: 'Layanan' });
};

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${hub.url}/admin/`);
  await page.getByLabel('Nama pengguna').fill('spv.disdukcapil');
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Gedung', exact: true }).click();
  await page.getByTestId('list-services').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe("a supervisor runs their agency's antrean online", () => {
  it('when the supervisor turns booking on with two sessions, then a bad one is named and a good one is saved', async () => {
    const form = await editService(/^Ubah .*Perekaman dan Pencetakan KTP-el/);
    await form.getByText('antrean online dan standar pelayanan').waitFor();
    // Name and prefix stay the building admin's; the booking section is the supervisor's too.
    await expect(form.getByLabel('Awalan nomor').count()).resolves.toBe(0);
    const section = form.getByTestId('booking-settings');
    await section.getByLabel('Terima pesanan online').check();
    await section.getByRole('button', { name: 'Tambah sesi' }).click();
    await section.getByTestId('booking-session-1').getByLabel('Selesai').fill('12:00');
    await section.getByTestId('booking-session-0').getByLabel('Selesai').fill('07:00');
    await form.getByRole('button', { name: 'Simpan' }).click();
    const bad = section.locator('.field.bad', { hasText: 'Selesai' }).first();
    await expect(bad.textContent()).resolves.toContain('Sesi selesai sebelum dimulai.');
    expect((await serviceOf(KTP)).booking ?? null).toBeNull();
    await bad.scrollIntoViewIfNeeded();
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-supervisor-booking-1-error');

    await section.getByTestId('booking-session-0').getByLabel('Selesai').fill('10:00');
    await section.getByTestId('booking-session-1').getByLabel('Kuota').fill('6');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    const saved = (await serviceOf(KTP)).booking!;
    expect(saved.sessions.map((s) => [s.start, s.end, s.places])).toEqual([
      ['08:00', '10:00', 10],
      ['10:00', '12:00', 6],
    ]);
  });

  it('when the supervisor closes a day that has bookings, then the form counts them first and saving cancels them', async () => {
    for (const [nik, name] of [
      ['3171014507900001', 'Siti Rahmawati'],
      ['3171011203850002', 'Budi Santoso'],
    ]) {
      const made = await hub.api('/api/bookings', {
        body: { serviceId: KK, date: TOMORROW, sessionId: 'pagi', nik, name },
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
    const form = await editService(/^Ubah .*Penerbitan Kartu Keluarga/);
    const section = form.getByTestId('booking-settings');
    await section.getByRole('button', { name: 'Tambah tanggal tutup' }).click();
    await section.getByLabel('Tanggal', { exact: true }).last().fill(TOMORROW);
    await section.getByLabel('Alasan').last().fill('Rapat kerja dinas');
    const warning = section.getByTestId('closure-warning');
    await warning.getByText(`2 pesanan pada tanggal ${TOMORROW} akan dibatalkan.`).waitFor();
    await warning.scrollIntoViewIfNeeded();
    expect(await clipped()).toEqual([]);
    await screenshot(page, 'admin-supervisor-booking-2-closure');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tersimpan' }).waitFor();
    const closed = (await serviceOf(KK)).booking!.closedDates;
    expect(closed).toContainEqual({ date: TOMORROW, name: 'Rapat kerja dinas' });
    const spv = await hub.login('spv.disdukcapil');
    const list = await hub.api(`/api/admin/bookings?serviceId=${KK}&date=${TOMORROW}`, {
      token: spv,
    });
    const statuses = (list.body.bookings as { status: string }[]).map((b) => b.status);
    expect(statuses).toEqual(['cancelled', 'cancelled']);
  });
});
