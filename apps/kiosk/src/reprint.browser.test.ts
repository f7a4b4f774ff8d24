import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 90_000 });

let hub: TestHub;
let browser: Browser;
let token: string;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  const { body } = await hub.api('/api/devices', {
    token: await hub.login('admin'),
    body: {
      name: 'Kiosk Cetak Ulang',
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

const printedTickets = () =>
  readdirSync(join(hub.dataDir, 'printed')).filter((f) => f.endsWith('.bin')).length;

describe('reprinting at the kiosk', () => {
  it('when a visitor has printed two copies, then the button goes and the kiosk says in Indonesian that this was the last copy', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/kiosk/?token=${token}`);
    await page.getByRole('button', { name: /^Disdukcapil/ }).click();
    await page.getByRole('button', { name: /Perekaman dan Pencetakan KTP-el/ }).click();
    await page.getByRole('button', { name: 'Ambil nomor antrean' }).click();
    await page.getByRole('button', { name: 'Antrean biasa' }).click();
    await page.getByRole('heading', { name: 'Silakan ambil tiket Anda' }).waitFor();
    expect(printedTickets()).toBe(1);

    const again = page.getByRole('button', { name: 'Cetak ulang', exact: true });
    await again.click();
    await page.getByText('Tiket sudah dicetak ulang', { exact: true }).waitFor();
    await again.click();
    await page.getByText('Tiket sudah dicetak ulang. Ini salinan terakhir.').waitFor();
    expect(await again.count()).toBe(0);
    expect(printedTickets()).toBe(3);
    await screenshot(page, 'kiosk-reprint-last-copy-portrait-id');
  });
});
