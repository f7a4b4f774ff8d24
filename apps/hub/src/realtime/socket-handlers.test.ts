import type { Result } from '@antre/protocol';
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
        greet: () => undefined,
        handlers: [{ 'sync:request': snapshot }, { 'sync:request': snapshot }],
      }),
    ).toThrow('Two handlers for the socket event sync:request');
  });
});
