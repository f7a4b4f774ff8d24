import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import { createServer } from 'node:net';
import { STATUS_BITS } from '../printer-status';

export type FakePrinterState =
  'ready' | 'paper_near_end' | 'paper_out' | 'cover_open' | 'offline' | 'silent';

export interface FakePrinter {
  host: string;
  port: number;
  /** every job's bytes, status queries left out, in order */
  received(): Uint8Array;
  /** one entry per connection that sent anything but status queries */
  jobs(): Uint8Array[];
  setState(state: FakePrinterState): void;
  /** resolves when the next job's connection has closed, with its bytes */
  nextJob(): Promise<Uint8Array>;
  close(): Promise<void>;
}

const { fixed, offline, coverOpen, paperEndStop, error, paperNearEnd, paperOut } = STATUS_BITS;

// What an Epson TM printer answers to DLE EOT 1, 2, 3 and 4 in each condition: a cover
// open or the paper running out also takes the printer offline.
const ANSWERS: Record<Exclude<FakePrinterState, 'silent'>, [number, number, number, number]> = {
  ready: [fixed, fixed, fixed, fixed],
  paper_near_end: [fixed, fixed, fixed, fixed | paperNearEnd],
  paper_out: [fixed | offline, fixed | paperEndStop, fixed, fixed | paperNearEnd | paperOut],
  cover_open: [fixed | offline, fixed | coverOpen, fixed, fixed],
  offline: [fixed | offline, fixed | error, fixed | 0x40, fixed],
};

/**
 * A network ESC/POS printer on 127.0.0.1 for tests. A connection starts with real-time
 * status queries (DLE EOT n), answered as an Epson TM would; the first other byte starts a
 * job, and everything from there is recorded as printed.
 */
export async function startFakePrinter(): Promise<FakePrinter> {
  let state: FakePrinterState = 'ready';
  // Chunks are recorded as they arrive, so a job is visible before its connection closes.
  const jobs: Uint8Array[][] = [];
  const jobWaiters: ((job: Uint8Array) => void)[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    sockets.add(socket);
    let pending: Uint8Array = new Uint8Array(0);
    const job: Uint8Array[] = [];
    const record = (bytes: Uint8Array) => {
      if (job.length === 0) jobs.push(job);
      job.push(bytes);
    };
    socket.on('data', (chunk: Buffer) => {
      pending = concat([pending, chunk]);
      if (job.length > 0) {
        record(pending);
        pending = new Uint8Array(0);
        return;
      }
      let i = 0;
      while (i + 3 <= pending.length && pending[i] === 0x10 && pending[i + 1] === 0x04) {
        const n = pending[i + 2] ?? 0;
        if (state !== 'silent' && n >= 1 && n <= 4)
          socket.write(Uint8Array.of(ANSWERS[state][n - 1] ?? fixed));
        i += 3;
      }
      pending = pending.subarray(i);
      // A lone DLE or DLE EOT may be the start of a query split across packets.
      const maybeQuery =
        pending.length < 3 && pending[0] === 0x10 && (pending.length < 2 || pending[1] === 0x04);
      if (pending.length > 0 && !maybeQuery) {
        record(pending);
        pending = new Uint8Array(0);
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      sockets.delete(socket);
      if (job.length === 0) return;
      const bytes = concat(job);
      jobWaiters.splice(0).forEach((resolve) => resolve(bytes));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    received: () => concat(jobs.flat()),
    jobs: () => jobs.map(concat),
    setState: (next) => {
      state = next;
    },
    nextJob: () => new Promise((resolve) => jobWaiters.push(resolve)),
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      server.close();
      await once(server, 'close');
    },
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
