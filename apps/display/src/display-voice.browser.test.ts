import type { TestHub } from '@antre/hub/testing';
import { screenshot, startTestHub } from '@antre/hub/testing';
import type { CallView } from '@antre/protocol';
import { announcementClips } from '@antre/voice';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announcementsOf,
  boardLink,
  createCaller,
  latestNumber,
  recentLabels,
} from './testing/board-test-kit';

let hub: TestHub;
let browser: Browser;

/** Debian's Chromium with the flags launchBrowser uses, but a plain browser's autoplay rule. */
const launchStrictBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--autoplay-policy=user-gesture-required',
    ],
    ignoreDefaultArgs: ['--autoplay-policy=no-user-gesture-required'],
  });

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchStrictBrowser()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
}, 60_000);

const VIEWPORT = { width: 1920, height: 1080 };
const spoken = (label: string, counterNumber: number, agencyId: string) =>
  ({ label, counterNumber, agencyId }) as Pick<CallView, 'label' | 'counterNumber' | 'agencyId'>;

describe('the board announces calls', () => {
  it('when sound is turned on with one tap and a ticket is called and recalled, then the board plays its clip list twice, Indonesian then English, every clip found', async () => {
    hub.advance(60_000); // calls of other tests are too old to be announced
    const caller = await createCaller(hub);
    const page = await browser.newPage({ viewport: VIEWPORT });
    const audio: { url: string; status: number }[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/audio/')) audio.push({ url: r.url(), status: r.status() });
    });
    await page.goto(
      await boardLink(hub, ['lantai-1'], { voiceLanguages: ['id', 'en'], announceAgency: true }),
    );
    // Chromium may let sound start by itself (as Electron's shell does); if it asks, tap once.
    await page.locator('.board').waitFor();
    const unlock = page.getByRole('button', { name: /Aktifkan suara/ });
    if (await unlock.isVisible()) {
      await screenshot(page, 'display-sound-locked');
      await unlock.click({ timeout: 5_000 }).catch(() => undefined);
    }
    await expect.poll(() => page.evaluate(() => window.__antreBoard!.soundUnlocked())).toBe(true);
    await expect.poll(() => unlock.count()).toBe(0);

    const label = await caller.call('loket-3');
    await caller.recall('loket-3');
    // The recall waits for the call to be said (in two languages, about 15 s of speech).
    await expect.poll(() => announcementsOf(page), { timeout: 40_000 }).toHaveLength(2);

    const [call, recall] = await announcementsOf(page);
    const clips = announcementClips(spoken(label, 3, 'disdukcapil'), {
      languages: ['id', 'en'],
      withAgency: true,
      repeat: false,
    });
    expect(call).toMatchObject({ label, counterNumber: 3, recall: false, clips, audible: true });
    expect(recall).toMatchObject({ label, recall: true, clips, audible: true });
    expect(clips).toContain('id/agency-disdukcapil');
    await expect.poll(() => page.locator('.latest-caption').textContent()).toBe('Panggilan ulang');

    // Every clip of the call was fetched from the hub and found.
    await expect
      .poll(() => new Set(audio.map((a) => a.url)).size, { timeout: 10_000 })
      .toBe(new Set(clips).size);
    expect(audio.filter((a) => a.status !== 200)).toEqual([]);
    await screenshot(page, 'display-recall');
    await page.close();
  }, 90_000);

  it('when the board was offline, then after reconnecting it shows the calls it missed and announces only those under 30 s old', async () => {
    hub.advance(60_000);
    const caller = await createCaller(hub);
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(await boardLink(hub, ['lantai-1'], { recentCalls: 8 }));
    await page.locator('.board').waitFor();
    const before = await caller.call('loket-10');
    await expect.poll(() => latestNumber(page), { timeout: 10_000 }).toBe(before);

    await page.evaluate(() => window.__antreBoard!.disconnect());
    await expect.poll(() => page.locator('.board-offline').count()).toBe(1);
    const missedOld = await caller.call('loket-11');
    hub.advance(60_000);
    const missedNew = await caller.call('loket-12');
    await page.evaluate(() => window.__antreBoard!.reconnect());

    await expect.poll(() => latestNumber(page), { timeout: 10_000 }).toBe(missedNew);
    expect((await recentLabels(page)).slice(0, 2)).toEqual([missedOld, before]);
    await expect
      .poll(async () => (await announcementsOf(page)).map((a) => a.label), { timeout: 10_000 })
      .toEqual([before, missedNew]);
    await expect.poll(() => page.locator('.board-offline').count()).toBe(0);
    await page.close();
  }, 90_000);
});
