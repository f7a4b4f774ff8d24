import type { FakePrinter } from '@antre/escpos/testing';
import { decodeEscPos, startFakePrinter } from '@antre/escpos/testing';
import type { TestHub } from '@antre/hub/testing';
import { launchBrowser, MONDAY_MORNING, screenshot, startTestHub } from '@antre/hub/testing';
import type { Server, Socket } from 'node:net';
import { connect, createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 90_000 });

let hub: TestHub;
let browser: Browser;
let printer: FakePrinter;
let gate: ReturnType<typeof slowLink>;

/**
 * A link to the fake printer that holds each connection until the test lets it through, so
 * the "printing" screen stays long enough to be seen and photographed.
 */
function slowLink(target: FakePrinter) {
  let open = true;
  let waiting: (() => void)[] = [];
  const server: Server = createServer((socket: Socket) => {
    const pass = (): void => {
      const upstream = connect(target.port, target.host);
      socket.pipe(upstream).pipe(socket);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    };
    if (open) pass();
    else waiting.push(pass);
  });
  return {
    server,
    hold: () => (open = false),
    release: () => {
      open = true;
      for (const pass of waiting) pass();
      waiting = [];
    },
    port: () => (server.address() as { port: number }).port,
  };
}

beforeAll(async () => {
  [hub, browser, printer] = await Promise.all([
    startTestHub(),
    launchBrowser(),
    startFakePrinter(),
  ]);
  gate = slowLink(printer);
  await new Promise<void>((resolve) => gate.server.listen(0, '127.0.0.1', resolve));
});
// A failing run leaves a picture of where it stopped.
afterEach(async (context) => {
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (context.task.result?.state === 'fail' && pages.length > 0)
    await screenshot(pages.at(-1)!, `kiosk-failed-${context.task.name.slice(0, 40)}`);
  await Promise.all(pages.map((p) => p.close()));
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  gate?.server.close();
  await printer?.close();
});

// Device names are unique among devices in use; each made here gets its own.
let kiosks = 0;
async function kioskToken(settings: Record<string, unknown>): Promise<string> {
  const { body } = await hub.api('/api/devices', {
    token: await hub.login('admin'),
    body: { name: `Kiosk Uji ${++kiosks}`, role: 'kiosk', settings },
  });
  return body.token as string;
}

const ORIENTATIONS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;
const WORDS = {
  id: {
    agencies: 'Pilih instansi yang Anda tuju',
    services: 'Pilih layanan',
    take: 'Ambil nomor antrean',
    elderly: 'Lansia (60 tahun ke atas)',
    printing: 'Tiket sedang dicetak…',
    result: 'Silakan ambil tiket Anda',
    done: 'Selesai',
    trouble: 'Printer sedang bermasalah, silakan gunakan kiosk lain',
  },
  en: {
    agencies: 'Choose the agency you need',
    services: 'Choose a service',
    take: 'Take a queue number',
    elderly: 'Elderly (60 or older)',
    printing: 'Printing your ticket…',
    result: 'Please take your ticket',
    done: 'Done',
    trouble: 'The printer has a problem, please use another kiosk',
  },
} as const;

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

describe('the kiosk, from the first tap to a ticket in hand', () => {
  for (const [orientation, viewport] of Object.entries(ORIENTATIONS)) {
    for (const language of ['id', 'en'] as const) {
      it(`when a visitor takes a priority number (${orientation}, ${language}), then the printer prints it and the screen shows it with its QR`, async () => {
        const words = WORDS[language];
        const token = await kioskToken({
          // The gate holds the printer's connection while the test takes pictures.
          printer: { kind: 'tcp', host: '127.0.0.1', port: gate.port(), timeoutMs: 20_000 },
        });
        const page = await browser.newPage({ viewport });
        const shot = (name: string) => screenshot(page, `kiosk-${orientation}-${language}-${name}`);
        await page.goto(`${hub.url}/kiosk/?token=${token}`);
        await heading(page, WORDS.id.agencies).waitFor();
        expect(page.url()).not.toContain('token='); // kept in localStorage, not on screen
        if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
        await heading(page, words.agencies).waitFor();
        await shot('1-agencies');

        await page.getByRole('button', { name: /^Disdukcapil/ }).click();
        await heading(page, words.services).waitFor();
        await shot('2-services');
        await page.getByRole('button', { name: /Perekaman dan Pencetakan KTP-el/ }).click();
        await heading(page, 'Perekaman dan Pencetakan KTP-el').waitFor();
        await shot('3-standard');
        await page.getByRole('button', { name: words.take }).click();
        await shot('4-priority');

        gate.hold();
        const job = printer.nextJob();
        await page.getByRole('button', { name: words.elderly }).click();
        await heading(page, words.printing).waitFor();
        await shot('5-printing');
        gate.release();
        await heading(page, words.result).waitFor();
        const label = (await page.getByTestId('ticket-number').textContent())!;
        expect(label).toMatch(/^A-\d{3}$/);
        await page.locator('.result-qr img').waitFor();
        await shot('6-result');
        const printed = decodeEscPos(await job);
        expect(printed.largestText.replace(/\s/g, '')).toBe(label);
        // Opened on 127.0.0.1, the QR still carries an address a phone can open (issue 17).
        expect(printed.qrPayloads[0]).toMatch(/^http:\/\/(?!127\.)[\d.]+:\d+\/t\/[A-Z0-9]{12}$/);

        await page.getByRole('button', { name: words.done, exact: true }).click();
        // Done brings the next visitor the kiosk as it starts: in Indonesian.
        await heading(page, WORDS.id.agencies).waitFor();
        if (language === 'en') await page.getByRole('button', { name: 'English' }).click();

        printer.setState('paper_out');
        await page.getByRole('button', { name: /^Disdukcapil/ }).click();
        await page.getByRole('button', { name: /Perekaman dan Pencetakan KTP-el/ }).click();
        await page.getByRole('button', { name: words.take }).click();
        await page.getByRole('button', { name: words.elderly }).click();
        await heading(page, words.trouble).waitFor();
        await shot('7-printer-trouble');
        expect(await page.getByRole('button', { name: words.take }).count()).toBe(0);
        printer.setState('ready');
        await heading(page, words.agencies).waitFor({ timeout: 15_000 });
        await page.close();
      });
    }

    it(`when large text and high contrast are on (${orientation}), then every screen stays usable`, async () => {
      const token = await kioskToken({ printer: { kind: 'virtual' } });
      const page = await browser.newPage({ viewport });
      await page.goto(`${hub.url}/kiosk/?token=${token}`);
      await page.getByRole('button', { name: 'Huruf besar' }).click();
      await page.getByRole('button', { name: 'Kontras tinggi' }).click();
      await screenshot(page, `kiosk-${orientation}-large-contrast-1-agencies`);
      await page.getByRole('button', { name: /^Disdukcapil/ }).click();
      await page.getByRole('button', { name: /Perekaman dan Pencetakan KTP-el/ }).click();
      await screenshot(page, `kiosk-${orientation}-large-contrast-3-standard`);
      await page.getByRole('button', { name: 'Ambil nomor antrean' }).click();
      await page.getByRole('button', { name: 'Antrean biasa' }).click();
      await heading(page, 'Silakan ambil tiket Anda').waitFor();
      await screenshot(page, `kiosk-${orientation}-large-contrast-6-result`);
      await page.close();
    });
  }

  it('when nobody touches the kiosk, then it goes back to the first screen; a closed service says why and when it opens, and gives no number', async () => {
    const token = await kioskToken({ printer: { kind: 'virtual' }, idleSeconds: 5 });
    const page = await browser.newPage({ viewport: ORIENTATIONS.portrait });
    await page.goto(`${hub.url}/kiosk/?token=${token}`);
    await page.getByRole('button', { name: /^Disdukcapil/ }).click();
    await heading(page, 'Pilih layanan').waitFor();
    await heading(page, WORDS.id.agencies).waitFor({ timeout: 10_000 });

    // 15:30 WIB: the building is open, Satpas' SIM services closed at 14:00.
    hub.setNow(MONDAY_MORNING + 6.5 * 60 * 60_000);
    await page.reload();
    await page.getByRole('button', { name: /^Satpas SIM/ }).click();
    const card = page.getByRole('button', { name: /Perpanjangan SIM A/ });
    expect(await card.textContent()).toContain('Sudah tutup untuk hari ini');
    expect(await card.textContent()).toContain('Buka lagi Selasa, 24 November pukul 08.00 WIB');
    await screenshot(page, 'kiosk-portrait-id-2-services-closed');
    await card.click(); // the standard stays readable; only the number is refused
    await page.getByRole('heading', { name: 'Persyaratan' }).waitFor();
    expect(await page.getByRole('button', { name: 'Ambil nomor antrean' }).count()).toBe(0);
    hub.setNow(MONDAY_MORNING);
    await page.close();
  });

  it('when the kiosk runs in the Electron shell, then the shell prints and the kiosk confirms or voids the ticket', async () => {
    const token = await kioskToken({ printer: { kind: 'shell' } });
    const page = await browser.newPage({ viewport: ORIENTATIONS.portrait });
    // A stand-in for packages/shell's preload bridge: paper runs out after the first ticket.
    await page.addInitScript(() => {
      const printed: unknown[] = [];
      Object.defineProperty(window, 'antreShell', {
        value: {
          kind: 'kiosk',
          version: 'test',
          print: async (ticket: unknown) => {
            printed.push(ticket);
            return printed.length === 1 ? { ok: true } : { ok: false, reason: 'paper_out' };
          },
          printerStatus: async () =>
            printed.length < 2
              ? { state: 'ready', canPrint: true }
              : { state: 'paper_out', canPrint: false },
          printed,
        },
      });
    });
    await page.goto(`${hub.url}/kiosk/?token=${token}`);
    const takeRegular = async (): Promise<void> => {
      await page.getByRole('button', { name: /^Disdukcapil/ }).click();
      await page.getByRole('button', { name: /Penerbitan Akta Kelahiran/ }).click();
      await page.getByRole('button', { name: 'Ambil nomor antrean' }).click();
      await page.getByRole('button', { name: 'Antrean biasa' }).click();
    };
    await takeRegular();
    await heading(page, 'Silakan ambil tiket Anda').waitFor();
    const label = await page.getByTestId('ticket-number').textContent();
    const printed = await page.evaluate(
      () =>
        (window as unknown as { antreShell: { printed: { label: string }[] } }).antreShell.printed,
    );
    expect(printed[0]?.label).toBe(label);
    await page.getByRole('button', { name: 'Selesai', exact: true }).click();

    await takeRegular();
    await heading(page, WORDS.id.trouble).waitFor();
    const catalogue = (await hub.api('/api/services')).body as {
      agencies: { services: { id: string; waiting: number }[] }[];
    };
    const births = catalogue.agencies
      .flatMap((a) => a.services)
      .find((s) => s.id === 'disdukcapil-akta-kelahiran');
    expect(births?.waiting).toBe(1); // the first ticket only; the second was voided
    const alerts = (await hub.api('/api/devices/alerts', { token: await hub.login('admin') })).body
      .alerts as { state: string }[];
    expect(alerts.map((a) => a.state)).toContain('paper_out');
    await screenshot(page, 'kiosk-portrait-id-7-printer-trouble-shell');
  });

  it('when the link has no valid token, then the kiosk says it is not registered', async () => {
    const page = await browser.newPage({ viewport: ORIENTATIONS.landscape });
    await page.goto(`${hub.url}/kiosk/?token=d_not-a-real-token`);
    await heading(page, 'Kiosk ini belum terdaftar').waitFor();
    await screenshot(page, 'kiosk-landscape-id-unregistered');
    await page.close();
  });
});
