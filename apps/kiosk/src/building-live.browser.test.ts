import type { Building } from '@antre/domain';
import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, screenshot, startTestHub } from '@antre/hub/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 90_000 });

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const KTP = 'disdukcapil-ktp-el';

describe('a kiosk follows the building live', () => {
  it('when the admin renames a service, then the open kiosk shows the new name without a reload', async () => {
    const admin = await hub.login('admin');
    const { body } = await hub.api('/api/devices', {
      token: admin,
      body: { name: 'Kiosk Lobi', role: 'kiosk', settings: { printer: { kind: 'virtual' } } },
    });
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/kiosk/?token=${body.token as string}`);
    await page.getByRole('button', { name: /^Disdukcapil/ }).click();
    await page.getByRole('button', { name: /Perekaman dan Pencetakan KTP-el/ }).waitFor();
    let navigations = 0;
    page.on('framenavigated', () => (navigations += 1));

    const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
    const renamed: Building = {
      ...building,
      services: building.services.map((s) =>
        s.id === KTP ? { ...s, name: 'KTP Elektronik (baru)' } : s,
      ),
    };
    const saved = await hub.api('/api/building', { token: admin, method: 'PUT', body: renamed });
    expect(saved.status).toBe(200);

    await page.getByRole('button', { name: /KTP Elektronik \(baru\)/ }).waitFor();
    await expect(
      page.getByRole('button', { name: /Perekaman dan Pencetakan KTP-el/ }).count(),
    ).resolves.toBe(0);
    expect(navigations).toBe(0);
    await screenshot(page, 'kiosk-building-live-renamed');
  });
});
