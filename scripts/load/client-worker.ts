// Many socket.io clients in one process: kiosks issue, counters call, displays listen.
// One command per parent message ('issue', 'call') for paced phases; for filling a day or
// ramping a rate the worker runs the commands itself ('issue-many', 'call-many',
// 'call-rate'), so the parent's messages are not what limits the pace.
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
  /**
   * Displays send what they saw every this many ms in one 'seen-many' message instead of
   * one 'seen' per delivery, for rates at which those messages would load the parent.
   */
  seenBatchMs?: number;
}

/** What a worker tells the parent when an 'issue-many' or 'call-many' is done. */
export interface ManyDone {
  type: 'issued-many' | 'called-many';
  ok: number;
  failed: number;
  /** Refusals by error code. */
  errors: Record<string, number>;
}

/**
 * The hub allows a signed-in socket 100 events in 10 s and cuts one that goes far past it
 * (realtime/event-limits.ts). A socket here sends at most one event per this many ms
 * (8 a second), so a fill is never refused for its pace (a rate ramp paces by the rate
 * asked, and RATE_STEPS stay below the limit).
 */
export const EVENT_GAP_MS = 125;
/** The baseline has no such limit: its sockets send as fast as they are answered. */
const gapOf = (setup: WorkerSetup): number => (setup.baseline ? 0 : EVENT_GAP_MS);

const now = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
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

const authOf = (config: WorkerSetup, token: string, zoneId?: string): object =>
  config.baseline ? { zone: zoneId } : { protocolVersion: PROTOCOL_VERSION, token };

/** Whether displays pass on what they see ('report-seen' turns it off for a fill). */
let reportSeen = true;
let seenBatch: [string, number][] = [];

async function setup(config: WorkerSetup): Promise<{ kiosks: Socket[]; counters: Socket[] }> {
  const auth = (token: string, zoneId?: string): object => authOf(config, token, zoneId);
  const displays = await Promise.all(
    config.displays.map((d) => connect(config.url, auth(d.token, d.zoneId))),
  );
  const batchMs = config.seenBatchMs;
  if (batchMs) {
    setInterval(() => {
      if (seenBatch.length === 0) return;
      send({ type: 'seen-many', seen: seenBatch });
      seenBatch = [];
    }, batchMs).unref();
  }
  for (const display of displays) {
    display.on('sync:delta', (delta: { calls: { ticketId: string }[] }) => {
      if (!reportSeen) return;
      const at = now();
      for (const call of delta.calls) {
        if (batchMs) seenBatch.push([call.ticketId, at]);
        else send({ type: 'seen', ticketId: call.ticketId, at });
      }
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

type ErrorReply = { error?: { code: string } };

/** A kiosk tap: issue, then (at a hub) confirm the print so the ticket joins the queue. */
async function issueTicket(
  setup: WorkerSetup,
  socket: Socket,
  serviceId: unknown,
): Promise<{ ok: boolean; ms: number; code?: string; error?: string }> {
  const sentAt = now();
  const result = (await socket.emitWithAck('ticket:issue', {
    commandId: commandId(),
    serviceId,
    priority: null,
  })) as { ok: boolean; value?: { tickets: { id: string; code?: string }[] } } & ErrorReply;
  const ms = now() - sentAt;
  // A kiosk ticket joins the queue once its print is confirmed, as an Electron kiosk does.
  const ticket = result.value?.tickets[0];
  if (!setup.baseline && ticket) {
    const printed = (await socket.emitWithAck('ticket:print-result', {
      commandId: commandId(),
      ticketId: ticket.id,
      printed: true,
    })) as { ok: boolean } & ErrorReply;
    if (!printed.ok) return { ok: false, ms, error: printed.error?.code ?? 'print-result' };
  }
  return { ok: result.ok, ms, code: ticket?.code, error: result.error?.code };
}

/** A counter's call-next; `ticketId` is the ticket now called there. */
async function callNext(
  setup: WorkerSetup,
  socket: Socket,
  counter: WorkerSetup['counters'][number] | undefined,
): Promise<{
  ok: boolean;
  ticketId: string | null;
  sentAt: number;
  ackMs: number;
  error?: string;
}> {
  const sentAt = now();
  const result = (await socket.emitWithAck('counter:call-next', {
    commandId: commandId(),
    counterId: counter?.counterId,
    ...(setup.baseline ? { zoneId: counter?.zoneId } : {}),
  })) as { ok: boolean; value?: { tickets: { id: string; status?: string }[] } } & ErrorReply;
  const called = result.value?.tickets.find(
    (t) => setup.baseline || t.status === 'serving' || t.status === 'called',
  );
  return {
    ok: result.ok,
    ticketId: called?.id ?? null,
    sentAt,
    ackMs: now() - sentAt,
    error: result.error?.code,
  };
}

/** When each socket last sent a paced command, so a pace holds across messages too. */
const lastSent = new WeakMap<Socket, number>();

/**
 * Runs `count` jobs on the given sockets (lanes), each lane one job at a time and its socket
 * at most one job every `gapMs`. The first jobs go to the first lanes.
 */
async function runLanes(
  lanes: Socket[],
  count: number,
  gapMs: number,
  job: (socket: Socket, lane: number, index: number) => Promise<{ ok: boolean; error?: string }>,
  onOk: (ok: number) => void = () => {},
): Promise<Omit<ManyDone, 'type'>> {
  const done = { ok: 0, failed: 0, errors: {} as Record<string, number> };
  let taken = 0;
  await Promise.all(
    lanes.map(async (socket, lane) => {
      while (taken < count) {
        const index = (taken += 1) - 1;
        const wait = (lastSent.get(socket) ?? -Infinity) + gapMs - now();
        if (wait > 0) await sleep(wait);
        lastSent.set(socket, now());
        const result = await job(socket, lane, index);
        if (result.ok) onOk((done.ok += 1));
        else {
          done.failed += 1;
          const code = result.error ?? 'unknown';
          done.errors[code] = (done.errors[code] ?? 0) + 1;
          // A counter whose services ran dry stops rather than asking again and again.
          if (code === 'queue_empty') return;
        }
      }
    }),
  );
  return done;
}

/**
 * The worker's counters one agency after another (an agency's counters share their
 * officer's token), so a few calls reach every agency's line rather than the first ones'.
 */
function interleaved(counters: WorkerSetup['counters']): number[] {
  const groups = new Map<string, number[]>();
  counters.forEach((c, i) => groups.set(c.token, [...(groups.get(c.token) ?? []), i]));
  const lists = [...groups.values()];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  return Array.from({ length: longest }, (_, k) =>
    lists.flatMap((l) => (l[k] === undefined ? [] : [l[k] as number])),
  ).flat();
}
/** Where the next 'call-many' starts in the interleaved order. */
let callCursor = 0;

/**
 * Kiosk sockets for a fill: the kiosks' own, plus more on the same kiosks' tokens, opened
 * by the first 'issue-many' that wants them and kept until 'close-lanes' (each new socket
 * costs the hub a greeting, each open one a copy of every waiting-count change).
 */
let extraKiosks: Socket[] = [];
async function kioskLanes(setup: WorkerSetup, own: Socket[], lanes: number): Promise<Socket[]> {
  const more = Math.max(0, lanes - own.length - extraKiosks.length);
  const opened = await Promise.all(
    Array.from({ length: more }, (_, i) =>
      connect(
        setup.url,
        authOf(setup, setup.kiosks[(extraKiosks.length + i) % setup.kiosks.length]?.token ?? ''),
      ),
    ),
  );
  extraKiosks.push(...opened);
  return [...own, ...extraKiosks].slice(0, Math.max(lanes, own.length));
}

/**
 * Each counter in turn (one agency after another, going on from where the last lot ended),
 * `rate` calls a second in all, paced by a 5 ms timer whatever the answers take.
 */
async function callAtRate(
  setup: WorkerSetup,
  counters: Socket[],
  rate: number,
  seconds: number,
): Promise<{ sent: number; spanMs: number }> {
  const total = Math.round(rate * seconds);
  const pending: Promise<void>[] = [];
  const start = now();
  let sent = 0;
  let last = start;
  const order = interleaved(setup.counters);
  while (sent < total) {
    const due = Math.min(total, Math.floor(((now() - start) / 1000) * rate) + 1);
    for (; sent < due; sent += 1) {
      const index = order[(callCursor += 1) % order.length] as number;
      last = now();
      pending.push(
        callNext(setup, counters[index] as Socket, setup.counters[index]).then((r) =>
          send({ type: 'called', ...r }),
        ),
      );
    }
    await sleep(5);
  }
  await Promise.all(pending);
  return { sent, spanMs: last - start };
}

process.on('message', (message: { type: string; [key: string]: unknown }) => {
  void (async () => {
    if (message.type === 'setup') {
      config = message.config as WorkerSetup;
      sockets = await setup(config);
      send({ type: 'ready' });
    } else if (message.type === 'report-seen') {
      reportSeen = message.on === true;
    } else if (message.type === 'issue' && sockets && config) {
      const socket = sockets.kiosks[(message.index as number) % sockets.kiosks.length] as Socket;
      const issued = await issueTicket(config, socket, message.serviceId);
      send({ type: 'issued', ok: issued.ok, ms: issued.ms });
      if (config.optIn)
        send({ type: 'opted', status: issued.code ? await optIn(config.url, issued.code) : 0 });
    } else if (message.type === 'issue-many' && sockets && config) {
      // { count, lanes, serviceIds, from, progressEvery? }: ticket i is for
      // serviceIds[(from + i) % length], issued on `lanes` kiosk sockets (more than the
      // kiosks: see kioskLanes); every `progressEvery` tickets an 'issue-progress' { ok }.
      const setupNow = config;
      const serviceIds = message.serviceIds as string[];
      const from = (message.from as number) ?? 0;
      const every = (message.progressEvery as number | undefined) ?? 0;
      const lanes = await kioskLanes(setupNow, sockets.kiosks, message.lanes as number);
      const done = await runLanes(
        lanes,
        message.count as number,
        2 * gapOf(setupNow),
        (socket, _, i) => issueTicket(setupNow, socket, serviceIds[(from + i) % serviceIds.length]),
        (ok) => {
          if (every > 0 && ok % every === 0) send({ type: 'issue-progress', ok });
        },
      );
      send({ type: 'issued-many', ...done });
    } else if (message.type === 'close-lanes') {
      for (const extra of extraKiosks) extra.close();
      extraKiosks = [];
      send({ type: 'lanes-closed' });
    } else if (message.type === 'call-many' && sockets && config) {
      // { count }: the worker's counters call, each at its own pace, until `count` are done;
      // one lot starts where the last ended, one agency after another (interleaved).
      const setupNow = config;
      const order = interleaved(setupNow.counters);
      const start = callCursor;
      const count = message.count as number;
      callCursor = (callCursor + count) % order.length;
      const lanes = order.map((_, k) => order[(start + k) % order.length] as number);
      const done = await runLanes(
        lanes.map((i) => sockets?.counters[i] as Socket),
        count,
        gapOf(setupNow),
        (socket, lane) => callNext(setupNow, socket, setupNow.counters[lanes[lane] as number]),
      );
      send({ type: 'called-many', ...done });
    } else if (message.type === 'call-rate' && sockets && config) {
      // { rate, seconds }: each call answers 'called' as one sent by the parent does.
      const { sent, spanMs } = await callAtRate(
        config,
        sockets.counters,
        message.rate as number,
        message.seconds as number,
      );
      send({ type: 'call-rate-done', sent, spanMs });
    } else if (message.type === 'call' && sockets && config) {
      const index = (message.index as number) % sockets.counters.length;
      const result = await callNext(
        config,
        sockets.counters[index] as Socket,
        config.counters[index],
      );
      send({ type: 'called', ...result });
    } else if (message.type === 'stop') {
      sockets?.kiosks.forEach((s) => s.close());
      sockets?.counters.forEach((s) => s.close());
      process.exit(0);
    }
  })();
});
