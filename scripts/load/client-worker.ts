// Many socket.io clients in one process: kiosks issue, counters call, displays listen.
import { PROTOCOL_VERSION } from '@antre/protocol';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { postJsonFrom } from './hub-api';

export interface WorkerSetup {
  url: string;
  baseline: boolean;
  kiosks: { token: string }[];
  counters: { token: string; counterId: string; zoneId: string }[];
  displays: { token: string; zoneId: string }[];
  /** Each kiosk ticket's holder asks for messages by phone, as from their own phone. */
  optIn?: boolean;
}

const now = (): number => performance.timeOrigin + performance.now();
const send = (message: object): void => void process.send?.(message);
let seq = 0;
const commandId = (): string => `load-${process.pid}-${(seq += 1)}`;
let visitors = 0;

/** One phone per visitor: its own address (so the hub's per-address limit sees a crowd) and number. */
async function optIn(url: string, code: string): Promise<number> {
  const n = (visitors += 1);
  const address = `127.1.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
  return postJsonFrom(
    url,
    `/api/tickets/${code}/notify`,
    { medium: 'phone', phone: `08${10_000_000 + n}`, consent: true, language: 'id' },
    address,
  );
}

function connect(url: string, auth: object): Promise<Socket> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

async function setup(config: WorkerSetup): Promise<{ kiosks: Socket[]; counters: Socket[] }> {
  const auth = (token: string, zoneId?: string): object =>
    config.baseline ? { zone: zoneId } : { protocolVersion: PROTOCOL_VERSION, token };
  const displays = await Promise.all(
    config.displays.map((d) => connect(config.url, auth(d.token, d.zoneId))),
  );
  for (const display of displays) {
    display.on('sync:delta', (delta: { calls: { ticketId: string }[] }) => {
      const at = now();
      for (const call of delta.calls) send({ type: 'seen', ticketId: call.ticketId, at });
    });
  }
  const kiosks = await Promise.all(config.kiosks.map((k) => connect(config.url, auth(k.token))));
  const counters = await Promise.all(
    config.counters.map((c) => connect(config.url, auth(c.token))),
  );
  if (!config.baseline) {
    await Promise.all(
      counters.map((s, i) =>
        s.emitWithAck('counter:open', {
          commandId: commandId(),
          counterId: config.counters[i]?.counterId,
        }),
      ),
    );
  }
  return { kiosks, counters };
}

let sockets: { kiosks: Socket[]; counters: Socket[] } | null = null;
let config: WorkerSetup | null = null;

process.on('message', (message: { type: string; [key: string]: unknown }) => {
  void (async () => {
    if (message.type === 'setup') {
      config = message.config as WorkerSetup;
      sockets = await setup(config);
      send({ type: 'ready' });
    } else if (message.type === 'issue' && sockets && config) {
      const socket = sockets.kiosks[(message.index as number) % sockets.kiosks.length] as Socket;
      const sentAt = now();
      const result = (await socket.emitWithAck('ticket:issue', {
        commandId: commandId(),
        serviceId: message.serviceId,
        priority: null,
      })) as {
        ok: boolean;
        value?: { tickets: { id: string; code?: string }[] };
      };
      const ms = now() - sentAt;
      // A kiosk ticket joins the queue once its print is confirmed, as an Electron kiosk does.
      const ticket = result.value?.tickets[0];
      if (!config.baseline && ticket)
        await socket.emitWithAck('ticket:print-result', {
          commandId: commandId(),
          ticketId: ticket.id,
          printed: true,
        });
      send({ type: 'issued', ok: result.ok, ms });
      if (config.optIn)
        send({ type: 'opted', status: ticket?.code ? await optIn(config.url, ticket.code) : 0 });
    } else if (message.type === 'call' && sockets && config) {
      const index = (message.index as number) % sockets.counters.length;
      const socket = sockets.counters[index] as Socket;
      const counter = config.counters[index];
      const sentAt = now();
      const result = (await socket.emitWithAck('counter:call-next', {
        commandId: commandId(),
        counterId: counter?.counterId,
        ...(config.baseline ? { zoneId: counter?.zoneId } : {}),
      })) as { ok: boolean; value?: { tickets: { id: string; status?: string }[] } };
      const called = result.value?.tickets.find(
        (t) => config?.baseline || t.status === 'serving' || t.status === 'called',
      );
      send({
        type: 'called',
        ok: result.ok,
        ticketId: called?.id ?? null,
        sentAt,
        ackMs: now() - sentAt,
        error: (result as { error?: { code: string } }).error?.code,
      });
    } else if (message.type === 'stop') {
      sockets?.kiosks.forEach((s) => s.close());
      sockets?.counters.forEach((s) => s.close());
      process.exit(0);
    }
  })();
});
