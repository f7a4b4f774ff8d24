import type { FakePrinter } from '@antre/escpos/testing';
import { decodeEscPos, sampleTicket, startFakePrinter } from '@antre/escpos/testing';
import { openPrinter } from '@antre/escpos';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrintBridge } from './print-bridge';

describe('print bridge', () => {
  let fake: FakePrinter;
  beforeEach(async () => {
    fake = await startFakePrinter();
  });
  afterEach(() => fake.close());
  const bridge = () =>
    createPrintBridge({
      printer: openPrinter({ kind: 'tcp', host: fake.host, port: fake.port, timeoutMs: 250 }),
      paperWidth: 58,
      model: 'generic',
    });

  it('prints a ticket from the renderer on the configured paper and model', async () => {
    expect(await bridge().print(sampleTicket({ label: 'B-042' }))).toEqual({ ok: true });
    const printed = decodeEscPos(fake.received());
    expect(printed.largestText).toBe('B-042');
    expect(printed.qrPayloads).toEqual(['http://192.168.1.10:8080/t/AB12CD34']);
    expect(printed.images).toHaveLength(1); // generic model: the QR is a bitmap
  });

  it('When the ticket was booked online, then the paper carries its mark and session', async () => {
    const session = { start: Date.UTC(2026, 10, 23, 3), end: Date.UTC(2026, 10, 23, 5) };
    expect(await bridge().print(sampleTicket({ label: 'B-B002', online: { session } }))).toEqual({
      ok: true,
    });
    expect(decodeEscPos(fake.received()).lines).toEqual(
      expect.arrayContaining(['B-B002', 'Antrean online', 'Sesi 10.00-12.00 WIB']),
    );
  });

  it('When the paper is out, then it says so and prints nothing', async () => {
    fake.setState('paper_out');
    const shell = bridge();
    expect(await shell.print(sampleTicket())).toEqual({ ok: false, reason: 'paper_out' });
    expect(await shell.printerStatus()).toEqual({ state: 'paper_out', canPrint: false });
    expect(fake.received()).toHaveLength(0);
  });

  it.each([
    ['a string', 'A-001'],
    ['a missing field', { ...sampleTicket(), label: undefined }],
    ['an extra field', { ...sampleTicket(), command: '\x1b@' }],
    ['a non-web tracking URL', sampleTicket({ trackingUrl: 'javascript:alert(1)' })],
    ['an unknown timezone', { ...sampleTicket(), timeZone: 'Europe/Amsterdam' }],
    ['a negative count', sampleTicket({ peopleAhead: -1 })],
  ])('When the renderer sends %s, then the call fails and nothing prints', async (_name, input) => {
    await expect(bridge().print(input)).rejects.toThrow('not a printable ticket');
    expect(fake.received()).toHaveLength(0);
  });

  it('When two tickets are printed at once, then their bytes do not interleave', async () => {
    const shell = bridge();
    const results = await Promise.all([
      shell.print(sampleTicket({ label: 'A-001' })),
      shell.print(sampleTicket({ label: 'A-002' })),
    ]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(fake.jobs().map((job) => decodeEscPos(job).largestText)).toEqual(['A-001', 'A-002']);
  });

  it('When the shell has no printer, then print says no_printer', async () => {
    const shell = createPrintBridge({ printer: null, paperWidth: 80, model: 'epson' });
    expect(await shell.print(sampleTicket())).toEqual({ ok: false, reason: 'no_printer' });
    expect(await shell.printerStatus()).toEqual({ state: 'no_answer', canPrint: false });
  });

  it("When the renderer passes the admin's template, then the ticket is printed with it", async () => {
    const template = '^^^{{label}}\n{{serviceName}}\nTerima kasih, {{siteName}}\n{{footer}}\n=';
    const shell = bridge();
    const ticket = sampleTicket({ label: 'D-009', siteName: 'MPP Kota' });
    expect(await shell.print(ticket, template)).toEqual({ ok: true });
    const printed = decodeEscPos(fake.received());
    expect(printed.largestText).toBe('D-009');
    expect(printed.lines).toContain('Terima kasih, MPP Kota');
    // No {{trackingUrl}} in this template: no QR code on the paper.
    expect(printed.qrPayloads).toEqual([]);
  });

  it.each([
    ['a number', 42],
    ['an empty template', ''],
    ['an unknown placeholder', '{{label}}\n{{password}}'],
    ['a template over 4000 characters', `{{label}}\n${'x'.repeat(4001)}`],
  ])(
    'When the renderer passes %s as the template, then nothing prints',
    async (_name, template) => {
      await expect(bridge().print(sampleTicket(), template)).rejects.toThrow(
        'not a usable ticket template',
      );
      expect(fake.received()).toHaveLength(0);
    },
  );
});
