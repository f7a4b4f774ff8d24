import { Socket } from 'node:net';
import type { Printer } from './printer';
import type { PrinterStatus } from './printer-status';
import { isStatusByte, STATUS_QUERY, stateFromAnswers, statusOf } from './printer-status';

export interface TcpPrinterConfig {
  host: string;
  /** 9100, the raw printing port of network printers */
  port?: number;
  /** how long to wait for a connection or for one status answer */
  timeoutMs?: number;
}

/** A network printer on its raw port: one short connection per status read or job. */
export function tcpPrinter(config: TcpPrinterConfig): Printer {
  const port = config.port ?? 9100;
  const timeoutMs = config.timeoutMs ?? 2_000;
  return {
    describe: () => `tcp://${config.host}:${port}`,
    readStatus: () => readTcpStatus(config.host, port, timeoutMs),
    print: (bytes) => writeTcp(config.host, port, timeoutMs, bytes),
  };
}

async function readTcpStatus(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<PrinterStatus> {
  let socket: Socket | null = null;
  try {
    socket = await connect(host, port, timeoutMs);
    const ask = answerReader(socket, timeoutMs);
    const printer = await ask(STATUS_QUERY.printer);
    const offlineCause = await ask(STATUS_QUERY.offlineCause);
    const paperSensor = await ask(STATUS_QUERY.paperSensor);
    return statusOf(stateFromAnswers({ printer, offlineCause, paperSensor }));
  } catch {
    // Refused, unreachable, timed out or answering nonsense: nobody we can trust is there.
    return statusOf('no_answer');
  } finally {
    socket?.destroy();
  }
}

function connect(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no connection to ${host}:${port} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.connect(port, host, () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}

/** Sends one query at a time and resolves with the next valid status byte. */
function answerReader(socket: Socket, timeoutMs: number) {
  const received: number[] = [];
  let waiter: (() => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    received.push(...chunk.filter(isStatusByte));
    waiter?.();
  });
  socket.on('error', () => waiter?.());
  return (query: Uint8Array): Promise<number> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiter = null;
        reject(new Error('no status answer'));
      }, timeoutMs);
      waiter = () => {
        const answer = received.shift();
        if (answer === undefined) return;
        clearTimeout(timer);
        waiter = null;
        resolve(answer);
      };
      socket.write(query);
    });
}

async function writeTcp(
  host: string,
  port: number,
  timeoutMs: number,
  bytes: Uint8Array,
): Promise<void> {
  const socket = await connect(host, port, timeoutMs);
  await new Promise<void>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const done = (error?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.once('error', done);
    // The printer closing its side after ours means it has read every byte.
    socket.once('close', (hadError) => (hadError ? undefined : done()));
    // A printer that keeps the connection open has still been handed every byte.
    socket.once('finish', () => (timer = setTimeout(() => done(), timeoutMs)));
    socket.setTimeout(timeoutMs * 5, () => done(new Error('printer did not take the job in time')));
    socket.end(bytes);
  });
}
