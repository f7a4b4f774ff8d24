import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPrinter, printTicket } from './printer';
import type { PrinterState } from './printer-status';
import type { FakePrinter, FakePrinterState } from './testing';
import { decodeEscPos, sampleTicket, startFakePrinter } from './testing';
import { ticketDocument } from './ticket-document';
import { toEscPos, toSvg } from './ticket-render';

const document = ticketDocument(sampleTicket());
const bytes = toEscPos(document, { model: 'epson', paperWidth: 80 });

describe('TCP printer', () => {
  let fake: FakePrinter;
  beforeEach(async () => {
    fake = await startFakePrinter();
  });
  afterEach(() => fake.close());
  const printer = () =>
    openPrinter({ kind: 'tcp', host: fake.host, port: fake.port, timeoutMs: 250 });

  it.each<[FakePrinterState, PrinterState, boolean]>([
    ['ready', 'ready', true],
    ['paper_near_end', 'paper_near_end', true],
    ['paper_out', 'paper_out', false],
    ['cover_open', 'cover_open', false],
    ['offline', 'offline', false],
    ['silent', 'no_answer', false],
  ])('When the printer is %s, then its status reads %s', async (fakeState, state, canPrint) => {
    fake.setState(fakeState);
    expect(await printer().readStatus()).toEqual({ state, canPrint });
  });

  it('When the printer is ready, then the ticket arrives whole, with its number and QR', async () => {
    expect(await printTicket(printer(), bytes)).toEqual({ ok: true });
    expect(fake.jobs()).toHaveLength(1);
    expect(fake.received()).toEqual(bytes);
    const printed = decodeEscPos(fake.received());
    expect(printed.largestText).toBe('A-001');
    expect(printed.qrPayloads).toEqual(['http://192.168.1.10:8080/t/AB12CD34']);
  });

  it('When the paper is nearly out, then the ticket still prints', async () => {
    fake.setState('paper_near_end');
    expect(await printTicket(printer(), bytes)).toEqual({ ok: true });
    expect(fake.received()).toEqual(bytes);
  });

  it.each<[FakePrinterState, PrinterState]>([
    ['paper_out', 'paper_out'],
    ['cover_open', 'cover_open'],
    ['offline', 'offline'],
    ['silent', 'no_answer'],
  ])(
    'When the printer is %s, then printing is refused and no byte is sent',
    async (fakeState, reason) => {
      fake.setState(fakeState);
      expect(await printTicket(printer(), bytes)).toEqual({ ok: false, reason });
      expect(fake.jobs()).toEqual([]);
      expect(fake.received()).toHaveLength(0);
    },
  );

  it('When nothing listens on the port, then the status is no_answer', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const gone = openPrinter({ kind: 'tcp', host: '127.0.0.1', port, timeoutMs: 250 });
    expect(await printTicket(gone, bytes)).toEqual({ ok: false, reason: 'no_answer' });
    expect(gone.describe()).toBe(`tcp://127.0.0.1:${port}`);
  });
});

describe('TCP printer that keeps the connection open', () => {
  it('When the printer never closes, then the job still counts as handed over', async () => {
    const chunks: Buffer[] = [];
    const server = createServer({ allowHalfOpen: true }, (socket) =>
      socket.on('data', (c) => chunks.push(c)),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      await openPrinter({ kind: 'tcp', host: '127.0.0.1', port, timeoutMs: 100 }).print(bytes);
      expect(new Uint8Array(Buffer.concat(chunks))).toEqual(bytes);
    } finally {
      server.close();
    }
  });
});

describe('virtual printer', () => {
  it('writes the bytes and the preview, named after the ticket number', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'antre-virtual-')), 'printed');
    const printer = openPrinter({ kind: 'virtual', dir });
    expect(await printer.readStatus()).toEqual({ state: 'ready', canPrint: true });
    expect(await printTicket(printer, bytes, toSvg(document, { paperWidth: 80 }))).toEqual({
      ok: true,
    });
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d-]+Z-A-001\.bin$/);
    expect(files[1]).toBe(files[0]?.replace(/\.bin$/, '.svg'));
    expect(new Uint8Array(await readFile(join(dir, files[0] ?? '')))).toEqual(bytes);
    expect(await readFile(join(dir, files[1] ?? ''), 'utf8')).toMatch(/^<svg/);
  });
});

describe('device printer', () => {
  it('writes the bytes to the device file', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'antre-device-')), 'lp0');
    await writeFile(path, '');
    expect(await printTicket(openPrinter({ kind: 'device', path }), bytes)).toEqual({ ok: true });
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
  });

  it('When the device is missing, then it is offline and nothing is written', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'antre-device-')), 'missing-lp0');
    expect(await printTicket(openPrinter({ kind: 'device', path }), bytes)).toEqual({
      ok: false,
      reason: 'offline',
    });
    await expect(readdir(join(path, '..'))).resolves.toEqual([]);
  });

  it('When the write fails, then the result says write_failed', async () => {
    const path = await mkdtemp(join(tmpdir(), 'antre-device-')); // a folder cannot be written
    expect(await printTicket(openPrinter({ kind: 'device', path }), bytes)).toEqual({
      ok: false,
      reason: 'write_failed',
    });
  });
});
