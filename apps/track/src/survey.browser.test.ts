import type { HubClient } from '@antre/client';
import type { Building, Ticket } from '@antre/domain';
import { SKM_ELEMENTS, SKM_WORDING } from '@antre/domain';
import type { IkmReport } from '@antre/protocol';
import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, SCREENSHOT_DIR, screenshot, startTestHub } from '@antre/hub/testing';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 90_000 });

let hub: TestHub;
let browser: Browser;
let officer: HubClient;
let building: Building;
const PHONE = { width: 390, height: 844 };
const KTP = 'disdukcapil-ktp-el';
// One visitor's answers U1..U9: 33 points, so IKM = 25·33/9 = 91.67 (grade A).
const SCORES = [4, 3, 4, 3, 4, 4, 4, 3, 4];

beforeAll(async () => {
  [hub, browser] = await Promise.all([startTestHub(), launchBrowser()]);
  const token = await hub.login('petugas.disdukcapil');
  officer = await hub.client(token);
  building = (await hub.api('/api/building', { token })).body as unknown as Building;
});
afterEach(async (context) => {
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (context.task.result?.state === 'fail' && pages.length > 0)
    await screenshot(pages.at(-1)!, `survey-failed-${context.task.name.slice(0, 40)}`);
  await Promise.all(pages.map((p) => p.close()));
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** A KTP ticket served to done by the officer at a real counter. */
async function servedTicket(): Promise<Ticket> {
  const counter = building.counters.find((c) => c.services.some((s) => s.serviceId === KTP))!;
  const issued = await officer.command('ticket:issue', { serviceId: KTP, priority: null });
  if (!issued.ok) throw new Error(issued.error.message);
  for (const name of ['counter:open', 'counter:call-next', 'counter:start', 'counter:finish']) {
    const ack = await officer.command(name as 'counter:start', { counterId: counter.id });
    if (!ack.ok) throw new Error(`${name}: ${ack.error.message}`);
  }
  return issued.value.tickets[0]!;
}

async function phone(code: string): Promise<Page> {
  const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  await page.goto(`${hub.url}/t/${code}`);
  return page;
}

const fullPage = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

describe('the SKM survey and feedback on a visitor phone', () => {
  it('when a served visitor answers all nine and sends feedback, then the IKM counts them once and the supervisor reads the message', async () => {
    const ticket = await servedTicket();
    const agency = building.agencies.find((a) => a.id === 'disdukcapil')!;
    const page = await phone(ticket.code);
    await page.getByRole('heading', { name: 'Bagaimana pelayanan kami?' }).waitFor();
    const submit = page.getByRole('button', { name: 'Kirim penilaian' });
    expect(await submit.isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'How was our service?' }).waitFor();
    expect(await page.getByRole('group', { name: '1. Requirements' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

    for (const [i, element] of SKM_ELEMENTS.entries()) {
      const { name, options } = SKM_WORDING[element];
      const group = page.getByRole('group', { name: `${i + 1}. ${name}` });
      const option = options[SCORES[i]! - 1]!;
      await group.getByText(option, { exact: true }).click();
      expect(await group.getByRole('radio', { name: option, exact: true }).isChecked()).toBe(true);
      if (i < SKM_ELEMENTS.length - 1) expect(await submit.isDisabled()).toBe(true);
    }
    await page.getByText('Data responden (tidak wajib)').click();
    await page.getByLabel('Usia').selectOption('30-39');
    await fullPage(page, 'survey-id-1-questions');
    await page.getByRole('heading', { name: 'Bagaimana pelayanan kami?' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'survey-id-1a-top');
    await submit.scrollIntoViewIfNeeded();
    await screenshot(page, 'survey-id-1b-bottom');
    await submit.click();
    await page.getByRole('heading', { name: 'Terima kasih' }).waitFor();
    await screenshot(page, 'survey-id-2-thanks');

    const spv = await hub.login('spv.disdukcapil');
    const day = ticket.serviceDay;
    const ikm = (await hub.api(`/api/reports/ikm?from=${day}&to=${day}`, { token: spv }))
      .body as unknown as IkmReport;
    expect(ikm.building).toMatchObject({ respondents: 1, ikm: 91.67, grade: 'A' });
    const service = ikm.services.find((s) => s.serviceId === KTP)!;
    expect(service.elements.map((e) => e.nrr)).toEqual(SCORES);

    // A second answer is impossible: the thanks replace the form after a reload too.
    await page.reload();
    await page.getByRole('heading', { name: 'Terima kasih' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Bagaimana pelayanan kami?' }).count()).toBe(0);
    const again = await hub.api(`/api/tickets/${ticket.code}/survey`, {
      body: { answers: Object.fromEntries(SKM_ELEMENTS.map((e) => [e, 1])), channel: 'phone' },
    });
    expect(again.status).toBe(409);

    const lapor = page.getByRole('link', { name: /SP4N-LAPOR!/ });
    expect(await lapor.getAttribute('href')).toBe('https://www.lapor.go.id');
    await page.getByText('Saran', { exact: true }).click();
    await page
      .getByLabel(`Pesan Anda untuk ${agency.name}`)
      .fill('Mohon tambah kursi ruang tunggu');
    await page.getByRole('button', { name: 'Kirim pesan' }).click();
    await page.getByText(`Terkirim ke ${agency.name}`).waitFor();
    await page.getByText(`Terkirim ke ${agency.name}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'survey-id-3-feedback-sent');

    const inbox = (await hub.api('/api/feedback', { token: spv })).body as unknown as {
      kind: string;
      message: string;
      ticketLabel: string;
    }[];
    expect(inbox).toEqual([
      expect.objectContaining({
        kind: 'suggestion',
        message: 'Mohon tambah kursi ruang tunggu',
        ticketLabel: ticket.label,
      }),
    ]);
  });

  it('when the ticket is still waiting, then no survey is offered but feedback and LAPOR are', async () => {
    const issued = await officer.command('ticket:issue', { serviceId: KTP, priority: null });
    if (!issued.ok) throw new Error(issued.error.message);
    const page = await phone(issued.value.tickets[0]!.code);
    await page.getByRole('heading', { name: 'Sampaikan pengaduan atau saran' }).waitFor();
    // At 390 px the SP4N-LAPOR! link stays within the card's padding (as the field does) and the page never scrolls sideways.
    const lapor = page.getByRole('link', { name: /SP4N-LAPOR!/ });
    await lapor.scrollIntoViewIfNeeded();
    const field = await page.locator('.feedback-message').boundingBox();
    const link = await lapor.boundingBox();
    expect(link!.x + link!.width).toBeLessThanOrEqual(field!.x + field!.width + 0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await screenshot(page, 'survey-id-5-lapor-390');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Send a complaint or suggestion' }).waitFor();
    expect(await page.getByRole('heading', { name: 'How was our service?' }).count()).toBe(0);
    await fullPage(page, 'survey-en-4-waiting-feedback');
  });
});
