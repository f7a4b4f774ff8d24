import { decodeEscPos, sampleTicket } from '@antre/escpos/testing';
import { ticketDocument, toEscPos } from '@antre/escpos';
import { describe, expect, it } from 'vitest';
import type { UsbLink, UsbPort } from './usb-printer';
import { usbPrinter } from './usb-printer';

/**
 * A USB printer as libusb sees it: it answers each DLE EOT on its IN endpoint, keeps every
 * other byte, and can be unplugged, silent or already claimed.
 */
function fakeUsb(answers: { printer: number; offlineCause: number; paperSensor: number }) {
  const received: number[] = [];
  let pending: number[] = [];
  const state = { plugged: true, silent: false, claimed: false, opens: 0, closes: 0 };
  const link: UsbLink = {
    write(bytes) {
      if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) {
        const n = bytes[2];
        const answer =
          n === 1 ? answers.printer : n === 2 ? answers.offlineCause : answers.paperSensor;
        if (!state.silent) pending.push(answer);
      } else received.push(...bytes);
      return Promise.resolve();
    },
    read() {
      const out = pending.length ? Uint8Array.from(pending) : null;
      pending = [];
      return Promise.resolve(out);
    },
    close() {
      state.closes += 1;
      return Promise.resolve();
    },
  };
  const port: UsbPort = {
    open(vendorId, productId) {
      if (!state.plugged || vendorId !== 0x04b8 || productId !== 0x0202)
        return Promise.resolve(null);
      if (state.claimed) return Promise.reject(new Error('LIBUSB_ERROR_BUSY'));
      state.opens += 1;
      return Promise.resolve(link);
    },
  };
  return { port, received, state };
}

const READY = { printer: 0x12, offlineCause: 0x12, paperSensor: 0x12 };
const printer = (port: UsbPort) => usbPrinter({ vendorId: 0x04b8, productId: 0x0202 }, port);

describe('a raw ESC/POS printer on USB', () => {
  it('When it is ready, then the ticket bytes arrive whole and the claim is released', async () => {
    const usb = fakeUsb(READY);
    const bytes = toEscPos(ticketDocument(sampleTicket({ label: 'A-015' })), {
      model: 'epson',
      paperWidth: 80,
    });
    const p = printer(usb.port);
    expect(await p.readStatus()).toEqual({ state: 'ready', canPrint: true });
    await p.print(bytes);
    expect(decodeEscPos(Uint8Array.from(usb.received)).largestText).toBe('A-015');
    expect(usb.state.closes).toBe(usb.state.opens);
    expect(p.describe()).toBe('usb:04b8:0202');
  });

  it.each([
    ['paper out', { ...READY, paperSensor: 0x12 | 0x60 }, 'paper_out'],
    ['cover open', { ...READY, printer: 0x1a, offlineCause: 0x16 }, 'cover_open'],
    ['paper near end', { ...READY, paperSensor: 0x12 | 0x0c }, 'paper_near_end'],
  ])('When DLE EOT says %s, then the state is %s', async (_name, answers, state) => {
    expect((await printer(fakeUsb(answers).port).readStatus()).state).toBe(state);
  });

  it('When it is unplugged, silent or claimed by another program, then nobody answers', async () => {
    const unplugged = fakeUsb(READY);
    unplugged.state.plugged = false;
    const silent = fakeUsb(READY);
    silent.state.silent = true;
    const claimed = fakeUsb(READY);
    claimed.state.claimed = true;
    for (const usb of [unplugged, silent, claimed])
      expect(await printer(usb.port).readStatus()).toEqual({ state: 'no_answer', canPrint: false });
    expect(silent.state.closes).toBe(1);
    await expect(printer(unplugged.port).print(Uint8Array.of(1))).rejects.toThrow('not connected');
  });
});
