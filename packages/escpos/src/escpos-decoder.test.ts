import { connect } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, startFakePrinter } from './testing';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe('decodeEscPos', () => {
  it('reads text, sizes, native QR data and cuts out of hand-made bytes', () => {
    const url = ascii('http://hub/t/X');
    const reset = [0x1b, 0x40];
    const moveRight = [0x1b, 0x24, 0x10, 0x00]; // ESC $: columns apart, read as a space
    const sixTimes = [0x1d, 0x21, 0x55];
    const normal = [0x1d, 0x21, 0x00];
    const storeQr = [0x1d, 0x28, 0x6b, url.length + 3, 0, 49, 80, 48, ...url];
    const codePage437 = [0x1b, 0x74, 0x00];
    const cut = [0x1d, 0x56, 0x42, 0x00];
    const LF = 0x0a;
    const bytes = Uint8Array.from([
      ...reset,
      ...[...ascii('Loket'), ...moveRight, ...ascii('3'), LF],
      ...[...sixTimes, ...ascii('B-12'), ...normal, LF],
      ...storeQr,
      ...[...codePage437, 0xf1, ...ascii(' 5'), LF], // 0xf1 is ± in page 437
      ...[LF, ...cut],
    ]);
    expect(decodeEscPos(bytes)).toEqual({
      lines: ['Loket 3', 'B-12', '± 5'],
      qrPayloads: ['http://hub/t/X'],
      cuts: 1,
      largestText: 'B-12',
      images: [],
    });
  });

  it('When the bytes stop in the middle of a command, then it stops too', () => {
    expect(decodeEscPos(Uint8Array.from([...ascii('A'), 0x1d, 0x28, 0x6b, 0xff]))).toMatchObject({
      lines: ['A'],
    });
  });
});

describe('fake printer', () => {
  it('answers a status query that arrives in pieces, and keeps queries out of the job', async () => {
    const printer = await startFakePrinter();
    printer.setState('cover_open');
    const socket = connect(printer.port, printer.host);
    await once(socket, 'connect');
    const answer = once(socket, 'data');
    socket.write(Uint8Array.of(0x10));
    socket.write(Uint8Array.of(0x04, 0x02));
    expect([...((await answer)[0] as Buffer)]).toEqual([0x16]); // fixed bits + cover open
    const job = printer.nextJob();
    socket.end(Uint8Array.of(0x1b, 0x40, 0x41));
    expect([...(await job)]).toEqual([0x1b, 0x40, 0x41]);
    await printer.close();
  });
});
