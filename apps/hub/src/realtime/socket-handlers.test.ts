import type { AlarmView, DeviceSummary, Result } from '@antre/protocol';
import {
  COMMAND_NAMES,
  errResult,
  KIOSK_EVENT_NAMES,
  PROTOCOL_VERSION,
  SURVEY_EVENT_NAMES,
} from '@antre/protocol';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStore } from '../auth/auth-store';
import type { TestHub } from '../testing/test-hub';
import { startTestHub, until } from '../testing/test-hub';
import { defineSocketHandler, registerSocketHandlers } from './socket-handlers';

const KTP = 'disdukcapil-ktp-el';
let hub: TestHub;
const sockets: Socket[] = [];

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await hub.close();
});

async function connect(token: string) {
  const socket = io(hub.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, token },
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  const notices: { code: string; message: string }[] = [];
  socket.on('hub:notice', (n: { code: string; message: string }) => notices.push(n));
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', resolve);
    socket.on('connect_error', reject);
  });
  return { socket, notices };
}

async function issuedToday(): Promise<number> {
  const { body } = await hub.api('/api/services', { token: await hub.login('admin') });
  const agencies = body.agencies as { services: { waiting: number }[] }[];
  return agencies.flatMap((a) => a.services).reduce((n, s) => n + s.waiting, 0);
}

describe('one registration for every feature’s socket events', () => {
  it('when a display sends every event the protocol names, then each reaches its feature’s guard and none is unknown', async () => {
    const { socket } = await connect(await hub.device('display', ['lantai-1']));
    const expected: [string, object][] = [
      ...COMMAND_NAMES.map((name): [string, object] => [
        name,
        { ok: false, error: { code: 'bad_request' } },
      ]),
      ...KIOSK_EVENT_NAMES.map((name): [string, object] => [
        name,
        {
          ok: false,
          error: { code: 'forbidden', message: 'Only a registered kiosk prints tickets' },
        },
      ]),
      ...SURVEY_EVENT_NAMES.map((name): [string, object] => [
        name,
        { ok: false, error: { code: 'forbidden' } },
      ]),
      ['sync:request', { ok: true }],
      ['ticket:watch', { ok: false, error: { code: 'bad_request' } }],
    ];
    for (const [event, answer] of expected) {
      const result = (await socket.timeout(3_000).emitWithAck(event, {})) as Result<unknown>;
      expect(result, event).toMatchObject(answer);
    }
  });

  it('when events of the queue, the kiosk and the tablet come without an ack, then each is refused in a notice and nothing is issued', async () => {
    const before = await issuedToday();
    const officer = await connect(await hub.login('petugas.disdukcapil'));
    const kiosk = await connect(await hub.device('kiosk'));
    officer.socket.emit('ticket:issue', {
      commandId: 'no-ack-issue-1',
      serviceId: 'disdukcapil-ktp-el',
      priority: null,
    });
    officer.socket.emit('survey:listen', { counterId: 'loket-1' });
    kiosk.socket.emit('kiosk:issue', {
      commandId: 'no-ack-kiosk-1',
      serviceId: 'disdukcapil-ktp-el',
      printBy: 'self',
    });
    await until(() => officer.notices.length === 2 && kiosk.notices.length === 1);
    for (const notice of [...officer.notices, ...kiosk.notices])
      expect(notice).toEqual({
        code: 'bad_request',
        message: 'Every command needs an acknowledgement callback',
      });
    expect(await issuedToday()).toBe(before);
  });

  it('when two features register the same event, then wiring them fails at start', () => {
    const snapshot = defineSocketHandler({ handle: () => errResult('internal', 'never runs') });
    expect(() =>
      registerSocketHandlers(new Server(), {
        auth: {} as AuthStore,
        greet: [],
        handlers: [{ 'sync:request': snapshot }, { 'sync:request': snapshot }],
      }),
    ).toThrow('Two handlers for the socket event sync:request');
  });
});

describe('greetings: each feature greets a connection once, from the one registration', () => {
  let greeter: TestHub;
  beforeAll(async () => {
    greeter = await startTestHub(undefined, { notify: { alarmEveryMs: 50 } });
  });
  afterAll(() => greeter.close());

  /** A socket that records every `event` from before it connects, so no greeting is missed. */
  async function connectHearing<T>(token: string, event: 'alarms:list' | 'device:status') {
    const socket = io(greeter.url, {
      auth: { protocolVersion: PROTOCOL_VERSION, token },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    const heard: T[] = [];
    socket.on(event, (payload: T) => heard.push(payload));
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', resolve);
      socket.on('connect_error', reject);
    });
    // One answered event after the greetings: everything greeted has arrived by then.
    const settled = () => socket.timeout(3_000).emitWithAck('sync:request', {});
    return { heard, settled };
  }

  it('when a supervisor connects while their agency has an open alarm, then its alarms come once', async () => {
    const officer = await greeter.client(await greeter.login('petugas.disdukcapil'));
    const issued = await officer.command('ticket:issue', { serviceId: KTP, priority: null });
    expect(issued.ok).toBe(true);
    const admin = await connectHearing<AlarmView[]>(await greeter.login('admin'), 'alarms:list');
    await until(() => admin.heard.some((list) => list.length > 0)); // no counter open for KTP-el

    const supervisor = await connectHearing<AlarmView[]>(
      await greeter.login('spv.disdukcapil'),
      'alarms:list',
    );
    await supervisor.settled();
    expect(supervisor.heard).toHaveLength(1);
    expect(supervisor.heard[0]).toEqual([
      expect.objectContaining({ kind: 'no_open_counter', agencyId: 'disdukcapil', subjectId: KTP }),
    ]);
  });

  it('when a device connects, then it is marked online once and the admin hears it once', async () => {
    const token = await greeter.device('display', ['lantai-1']);
    const admin = await connectHearing<DeviceSummary>(
      await greeter.login('admin'),
      'device:status',
    );
    const display = await connectHearing<never>(token, 'alarms:list');
    await display.settled();
    await until(() => admin.heard.length > 0);
    await admin.settled();
    expect(admin.heard).toEqual([
      expect.objectContaining({ role: 'display', online: true, connections: 1 }),
    ]);
    expect(display.heard).toEqual([]);
  });
});
