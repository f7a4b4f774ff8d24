import type { HubClient, SyncedState } from '@antre/client';
import { applyDelta, fromSnapshot } from '@antre/client';
import type { Building, Ticket } from '@antre/domain';
import type {
  CommandName,
  CommandPayload,
  Delta,
  Result,
  ServiceStats,
  Snapshot,
  TrackingView,
} from '@antre/protocol';
import { PROTOCOL_VERSION } from '@antre/protocol';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { MONDAY_MORNING, startTestHub, until } from '../testing/test-hub';
import { STATS_EVERY_MS } from './stats-publisher';

let hub: TestHub;
let building: Building;
let admin: HubClient;
let adminToken: string;
let hubNow = MONDAY_MORNING;
const sockets: Socket[] = [];

beforeAll(async () => {
  hub = await startTestHub();
  adminToken = await hub.login('admin');
  building = (await hub.api('/api/building', { token: adminToken })).body as unknown as Building;
  admin = await hub.client(adminToken);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await hub.close();
});

/** A feed's listener: the snapshot it was greeted with, then every delta, as they came. */
interface FeedListener {
  name: string;
  socket: Socket;
  greeting: Snapshot;
  deltas: Delta[];
}

let devicesMade = 0;
async function device(role: 'display' | 'kiosk', zoneIds: string[] = []): Promise<string> {
  const { body } = await hub.api('/api/devices', {
    token: adminToken,
    body: { name: `${role} ${++devicesMade}`, role, zoneIds, agencyIds: [] },
  });
  if (typeof body.token !== 'string') throw new Error(`No device: ${JSON.stringify(body)}`);
  return body.token;
}

/** A raw socket.io client, as the apps' own client opens one; the public's without a token. */
function socketFor(token: string | null): Socket {
  const socket = io(hub.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, ...(token ? { token } : {}) },
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  return socket;
}

async function listen(name: string, token: string): Promise<FeedListener> {
  const snapshots: Snapshot[] = [];
  const deltas: Delta[] = [];
  const socket = socketFor(token);
  socket.on('sync:snapshot', (s: Snapshot) => snapshots.push(s));
  socket.on('sync:delta', (d: Delta) => deltas.push(d));
  await until(() => snapshots.length > 0);
  return { name, socket, greeting: snapshots[0]!, deltas };
}

async function snapshotNow(listener: FeedListener): Promise<Snapshot> {
  const answer = (await listener.socket
    .timeout(3_000)
    .emitWithAck('sync:request', {})) as Result<Snapshot>;
  if (!answer.ok) throw new Error(`${listener.name}: ${answer.error.message}`);
  return answer.value;
}

/** The greeting with every delta applied by the apps' own reducer; each must apply in turn. */
function replayed(listener: FeedListener): SyncedState {
  let state = fromSnapshot(listener.greeting, 0);
  for (const delta of listener.deltas) {
    const outcome = applyDelta(state, delta);
    if (outcome.kind !== 'applied')
      throw new Error(`${listener.name}: delta ${delta.feed}#${delta.seq} was ${outcome.kind}`);
    state = outcome.state;
  }
  return state;
}

/** What a screen renders from: everything but the clock, tickets and counters in a fixed order. */
function rendered(state: SyncedState) {
  const byKey = <T>(items: Iterable<[string, T]>) =>
    [...items].sort(([a], [b]) => a.localeCompare(b)).map(([, item]) => item);
  return {
    hubEpoch: state.hubEpoch,
    serviceDay: state.serviceDay,
    seqs: state.seqs,
    tickets: byKey(state.tickets.entries()),
    counters: byKey(state.counters.entries()),
    services: byKey(state.services.entries()),
    calls: state.calls,
  };
}

async function run<C extends CommandName>(
  name: C,
  payload: Omit<CommandPayload<C>, 'commandId'>,
): Promise<Ticket[]> {
  // Each command at its own moment, as at a real desk.
  hubNow += 1_000;
  hub.setNow(hubNow);
  const result = await admin.command(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value.tickets;
}

async function issue(serviceId: string, priority: 'elderly' | null = null): Promise<Ticket> {
  const [ticket] = await run('ticket:issue', { serviceId, priority });
  if (!ticket) throw new Error(`nothing issued for ${serviceId}`);
  return ticket;
}

const KTP = 'disdukcapil-ktp-el';
const KK = 'disdukcapil-kartu-keluarga';
const PAJAK = 'samsat-pajak-tahunan';
const PASPOR = 'imigrasi-paspor-baru';

/** The morning so far: some waiting, one counter serving, so the first snapshots are not empty. */
async function morningSoFar(): Promise<Ticket[]> {
  const waiting = [await issue(KTP), await issue(KTP), await issue(KK)];
  await run('counter:open', { counterId: 'loket-1' });
  await run('counter:call-next', { counterId: 'loket-1' });
  return waiting;
}

/**
 * A stretch of the day on two floors and three agencies: issue (one priority), call, recall,
 * park and call back, no-show and requeue, a transfer on and on again, a call out of turn,
 * cancel, pause and resume, finish, close.
 */
async function aStretchOfTheDay(kk: Ticket): Promise<void> {
  await issue(KTP);
  await issue(KTP, 'elderly');
  const lastKtp = await issue(KTP);
  await issue(KK);
  await issue(PAJAK);
  await issue(PASPOR);
  for (const counterId of ['loket-2', 'loket-5', 'loket-6', 'loket-18'])
    await run('counter:open', { counterId });

  await run('counter:call-next', { counterId: 'loket-1' });
  await run('counter:recall', { counterId: 'loket-1' });
  const [parked] = await run('counter:park', { counterId: 'loket-1', reason: 'Fotokopi KK' });
  await run('counter:call-next', { counterId: 'loket-2' });
  await run('counter:recall', { counterId: 'loket-2' });
  const [absent] = await run('counter:no-show', { counterId: 'loket-2' });
  await run('ticket:requeue', { ticketId: absent!.id });

  // The priority visitor at the wrong door twice: Disdukcapil -> Samsat -> Imigrasi.
  await run('counter:call-next', { counterId: 'loket-1' });
  await run('counter:transfer', { counterId: 'loket-1', toServiceId: PAJAK });
  await run('counter:call-next', { counterId: 'loket-6' });
  await run('counter:transfer', { counterId: 'loket-6', toServiceId: PASPOR, note: 'STNK dulu' });
  await run('counter:call-next', { counterId: 'loket-18' });
  await run('counter:finish', { counterId: 'loket-18' });

  await run('counter:call', { counterId: 'loket-5', ticketId: kk.id });
  await run('counter:finish', { counterId: 'loket-5' });
  await run('counter:call', { counterId: 'loket-1', ticketId: parked!.id });
  await run('counter:finish', { counterId: 'loket-1' });
  await run('ticket:cancel', { ticketId: lastKtp.id });
  await run('counter:pause', { counterId: 'loket-6', reason: 'Istirahat' });
  await run('counter:resume', { counterId: 'loket-6' });
  await run('counter:close', { counterId: 'loket-6' });
}

const deltaCount = (s: Snapshot): number => Object.values(s.seqs).reduce((a, b) => a + b, 0);

let feeds: FeedListener[];
let phones: { code: string; views: TrackingView[]; socket: Socket }[];
let kiosk: Map<string, ServiceStats>;

/** A phone following a ticket: the answer to its watch, then every update. */
async function follow(code: string) {
  const socket = socketFor(null);
  const views: TrackingView[] = [];
  socket.on('ticket:tracked', (v: TrackingView) => views.push(v));
  views.push(await watch(socket, code));
  return { code, views, socket };
}

async function watch(socket: Socket, code: string): Promise<TrackingView> {
  const answer = (await socket
    .timeout(3_000)
    .emitWithAck('ticket:watch', { code })) as Result<TrackingView>;
  if (!answer.ok) throw new Error(`watch ${code}: ${answer.error.message}`);
  return answer.value;
}

/** A kiosk's waiting counts: all of them as it connects, then each service's as it changes. */
async function kioskCounts(): Promise<Map<string, ServiceStats>> {
  const counts = new Map<string, ServiceStats>();
  const socket = socketFor(await device('kiosk'));
  socket.on('catalogue:stats', (list: ServiceStats[]) => {
    for (const s of list) counts.set(s.serviceId, s);
  });
  await until(() => counts.size > 0);
  return counts;
}

describe('one feed router for snapshots and deltas', () => {
  beforeAll(async () => {
    const [, second, kk] = await morningSoFar();
    // Sign-ins are slow on purpose (scrypt): the three agencies the day moves through, and one
    // it never touches, stand for every agency; devices are made with the one admin session.
    feeds = [await listen('admin', adminToken)];
    for (const agencyId of ['disdukcapil', 'samsat', 'imigrasi', 'kejari'])
      feeds.push(await listen(`spv.${agencyId}`, await hub.login(`spv.${agencyId}`)));
    feeds.push(await listen('petugas.disdukcapil', await hub.login('petugas.disdukcapil')));
    for (const z of building.zones)
      feeds.push(await listen(`board ${z.id}`, await device('display', [z.id])));
    feeds.push(await listen('board lantai-1+2', await device('display', ['lantai-1', 'lantai-2'])));
    phones = [await follow(second!.code), await follow(kk!.code)];
    kiosk = await kioskCounts();
    await aStretchOfTheDay(kk!);
  });

  it('when a stretch of the day has run, then for every feed the first snapshot with its deltas applied is the snapshot now', async () => {
    for (const listener of feeds) {
      const now = await snapshotNow(listener);
      await until(() => listener.deltas.length >= deltaCount(now) - deltaCount(listener.greeting));
      expect(rendered(replayed(listener)), listener.name).toEqual(rendered(fromSnapshot(now, 0)));
    }
  });

  it('when the day has moved, then the feeds that saw it got deltas and the others none', () => {
    const heard = (name: string) => feeds.find((f) => f.name === name)!.deltas.length;
    for (const name of [
      'admin',
      'spv.disdukcapil',
      'spv.samsat',
      'spv.imigrasi',
      'board lantai-1',
      'board lantai-2',
    ])
      expect(heard(name), name).toBeGreaterThan(0);
    for (const name of ['spv.kejari', 'board lantai-3']) expect(heard(name), name).toBe(0);
  });

  it('when a ticket moves on from an agency that had it, then that agency is told to drop it', () => {
    const disdukcapil = feeds.find((f) => f.name === 'spv.disdukcapil')!;
    expect(disdukcapil.deltas.flatMap((d) => d.ticketsGone)).toHaveLength(1);
  });

  it('when a snapshot is made, then it carries the hub’s clock', async () => {
    expect((await snapshotNow(feeds[0]!)).serverTime).toBe(hubNow);
  });

  it('when a phone follows a ticket, then its last update is what a fresh watch answers', async () => {
    for (const phone of phones) {
      const fresh = await watch(phone.socket, phone.code);
      expect(phone.views.at(-1), phone.code).toEqual(fresh);
    }
  });

  it('when a kiosk keeps its waiting counts, then they are those a kiosk connecting now gets', async () => {
    const fresh = await kioskCounts();
    // Counts go out at most every STATS_EVERY_MS: the last of them may still be on its way.
    await vi.waitFor(() => expect(Object.fromEntries(kiosk)).toEqual(Object.fromEntries(fresh)), {
      timeout: STATS_EVERY_MS * 8,
    });
  });

  it('when tickets are issued in a quick run, then a kiosk hears the counts at once, then at most every 250 ms, the last ones right', async () => {
    const heard: number[] = [];
    const counts = new Map<string, ServiceStats>();
    const socket = socketFor(await device('kiosk'));
    socket.on('catalogue:stats', (list: ServiceStats[]) => {
      heard.push(performance.now());
      for (const s of list) counts.set(s.serviceId, s);
    });
    await until(() => heard.length > 0); // its greeting: every service
    await new Promise((r) => setTimeout(r, STATS_EVERY_MS)); // nothing sent in the last 250 ms
    heard.length = 0;
    const serviceId = building.services[0]!.id;
    const started = performance.now();
    for (let i = 0; i < 12; i += 1) await issue(serviceId);
    const issuedIn = performance.now() - started;
    await new Promise((r) => setTimeout(r, STATS_EVERY_MS * 2));
    // The first change is sent at once; the rest wait for their 250 ms, together.
    expect(heard[0]! - started).toBeLessThan(issuedIn);
    expect(heard.length).toBeLessThanOrEqual(2 + Math.ceil(issuedIn / STATS_EVERY_MS));
    expect(heard.length).toBeLessThan(12);
    for (let i = 1; i < heard.length; i += 1)
      expect(heard[i]! - heard[i - 1]!).toBeGreaterThan(STATS_EVERY_MS - 20);
    const fresh = await kioskCounts();
    expect(counts.get(serviceId)).toEqual(fresh.get(serviceId));
  });
});
