import { decodeEscPos, sampleTicket } from '@antre/escpos/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OsPrinterInfo, OsPrintPort, TicketPage } from './os-printer';
import { osPrinterState } from './os-printer';
import { createPrintBridge } from './print-bridge';
import { openShellPrinter } from './shell-printer';

const SCREENSHOTS = fileURLToPath(new URL('../../../.test-results/screenshots/', import.meta.url));

/** The OS's printers as a test sets them, and every page sent to one. */
function fakeOs(printers: OsPrinterInfo[], failWith?: string) {
  const printed: { page: TicketPage; deviceName: string }[] = [];
  const port: OsPrintPort = {
    printers: () => Promise.resolve(printers),
    print: (page, deviceName) =>
      failWith
        ? Promise.reject(new Error(failWith))
        : (printed.push({ page, deviceName }), Promise.resolve()),
  };
  return { port, printed };
}

const bridgeFor = (port: OsPrintPort, name = 'POS-80', paperWidth: 58 | 80 = 80) =>
  createPrintBridge({
    printer: openShellPrinter(
      { kind: 'os', name },
      { os: () => port, usb: () => ({ open: () => Promise.resolve(null) }) },
      paperWidth,
    ),
    paperWidth,
    model: 'epson',
  });

const cups = (state: string, reasons = 'none'): OsPrinterInfo => ({
  name: 'POS-80',
  status: 0,
  options: { 'printer-state': state, 'printer-state-reasons': reasons },
});

describe('a printer installed in the OS', () => {
  it.each([
    ['CUPS idle', cups('3'), 'ready'],
    ['CUPS printing', cups('4'), 'ready'],
    ['CUPS stopped', cups('5'), 'offline'],
    ['CUPS out of paper', cups('5', 'media-empty-error'), 'paper_out'],
    ['CUPS cover open', cups('5', 'door-open-report'), 'cover_open'],
    ['CUPS paper low', cups('3', 'media-low-warning'), 'paper_near_end'],
    ['CUPS offline report', cups('3', 'offline-report'), 'offline'],
    ['Windows, driver says nothing', { name: 'POS-80', status: 0 }, 'ready'],
    ['Windows paper out', { name: 'POS-80', status: 0x10 }, 'paper_out'],
    ['Windows door open and error', { name: 'POS-80', status: 0x400002 }, 'cover_open'],
    ['Windows offline', { name: 'POS-80', status: 0x80 }, 'offline'],
    ['Windows paused', { name: 'POS-80', status: 0x1 }, 'offline'],
  ] as const)('When the OS reports %s, then the state is %s', (_name, info, state) => {
    expect(osPrinterState(info)).toBe(state);
  });

  it('When the kiosk prints, then the ticket page goes silently to the named printer at the paper width', async () => {
    const os = fakeOs([{ name: 'Other', status: 0 }, cups('3')]);
    expect(await bridgeFor(os.port).print(sampleTicket({ label: 'B-042' }))).toEqual({ ok: true });
    expect(os.printed).toHaveLength(1);
    const [job] = os.printed;
    expect(job?.deviceName).toBe('POS-80');
    expect(job?.page.widthMicrons).toBe(80_000);
    expect(job?.page.heightMicrons).toBeGreaterThan(80_000);
    expect(job?.page.html).toContain('<svg');
    expect(job?.page.html.replace(/<[^>]+>/g, '')).toContain('B-042');
    expect(job?.page.html).not.toMatch(/<script/i);
  });

  it('When the printer is out of paper, then nothing is sent and the kiosk is told why', async () => {
    const os = fakeOs([cups('5', 'media-empty')]);
    const bridge = bridgeFor(os.port);
    expect(await bridge.print(sampleTicket())).toEqual({ ok: false, reason: 'paper_out' });
    expect(await bridge.printerStatus()).toEqual({ state: 'paper_out', canPrint: false });
    expect(os.printed).toHaveLength(0);
  });

  it('When no printer has that name, then it reads as offline and nothing prints', async () => {
    const os = fakeOs([{ name: 'Microsoft Print to PDF', status: 0 }]);
    expect(await bridgeFor(os.port).print(sampleTicket())).toEqual({
      ok: false,
      reason: 'offline',
    });
  });

  it('When the spooler refuses the job, then the print failed and the ticket is not queued', async () => {
    const os = fakeOs([cups('3')], 'Print job failed');
    expect(await bridgeFor(os.port).print(sampleTicket())).toEqual({
      ok: false,
      reason: 'write_failed',
    });
  });

  // What the driver receives, printed by Chromium as Electron would: one page, whole ticket.
  it.each([80, 58] as const)(
    'When Chromium prints the %i mm page, then it is one page',
    async (width) => {
      const os = fakeOs([cups('3')]);
      await bridgeFor(os.port, 'POS-80', width).print(
        sampleTicket({
          serviceName: 'Penerbitan Surat Izin Mengemudi Baru',
          priorityLabel: 'Prioritas: Lansia',
        }),
      );
      const page = os.printed[0]?.page;
      if (!page) throw new Error('nothing printed');
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      try {
        const tab = await browser.newPage();
        await tab.setContent(page.html);
        const pdf = await tab.pdf({
          width: `${page.widthMicrons / 1000}mm`,
          height: `${page.heightMicrons / 1000}mm`,
          printBackground: false,
        });
        expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
        await tab.setViewportSize({
          width: Math.round((page.widthMicrons / 25400) * 96),
          height: 1100,
        });
        mkdirSync(SCREENSHOTS, { recursive: true });
        await tab.screenshot({
          path: `${SCREENSHOTS}shell-os-printer-${width}mm.png`,
          fullPage: true,
        });
        writeFileSync(`${SCREENSHOTS}shell-os-printer-${width}mm.pdf`, pdf);
      } finally {
        await browser.close();
      }
    },
  );

  it('When the config names a raw USB printer, then no OS page is made', async () => {
    const writes: Uint8Array[] = [];
    const bridge = createPrintBridge({
      printer: openShellPrinter(
        { kind: 'usb', vendorId: 0x0416, productId: 0x5011 },
        {
          os: () => {
            throw new Error('not the OS printer');
          },
          usb: () => ({
            open: () =>
              Promise.resolve({
                write: (bytes: Uint8Array) => (writes.push(bytes), Promise.resolve()),
                read: () => Promise.resolve(Uint8Array.of(0x12)),
                close: () => Promise.resolve(),
              }),
          }),
        },
        58,
      ),
      paperWidth: 58,
      model: 'generic',
    });
    expect(await bridge.print(sampleTicket({ label: 'C-007' }))).toEqual({ ok: true });
    expect(decodeEscPos(writes.at(-1) ?? new Uint8Array()).largestText).toBe('C-007');
  });
});
