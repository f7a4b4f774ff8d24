import { COMMAND_NAMES, PROTOCOL_VERSION } from '@antre/protocol';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from './testing/test-hub';
import { startTestHub } from './testing/test-hub';

let hub: TestHub;
let officerToken: string;
let displayToken: string;
let adminToken: string;

beforeAll(async () => {
  hub = await startTestHub();
  officerToken = await hub.login('petugas.disdukcapil');
  displayToken = await hub.device('display', ['lantai-1']);
  adminToken = await hub.login('admin');
});
afterAll(async () => hub.close());

function rawSocket(auth: Record<string, unknown>) {
  return io(hub.url, { auth, transports: ['websocket'], reconnection: false });
}

async function connectError(auth: Record<string, unknown>): Promise<{ code: string }> {
  const socket = rawSocket(auth);
  try {
    return await new Promise((resolve, reject) => {
      socket.on('connect_error', (e: Error & { data?: { code: string } }) =>
        resolve(e.data ?? { code: e.message }),
      );
      socket.on('connect', () => reject(new Error('connected')));
    });
  } finally {
    socket.close();
  }
}

async function emit(
  token: string,
  event: string,
  payload: unknown,
): Promise<{ ok: boolean; error?: { code: string } }> {
  const socket = rawSocket({ protocolVersion: PROTOCOL_VERSION, token });
  try {
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    return (await socket.timeout(3_000).emitWithAck(event, payload)) as {
      ok: boolean;
      error?: { code: string };
    };
  } finally {
    socket.close();
  }
}

async function ticketCount(): Promise<number> {
  const { body } = await hub.api('/api/services', { token: adminToken });
  const agencies = body.agencies as { services: { waiting: number }[] }[];
  return agencies.flatMap((a) => a.services).reduce((n, s) => n + s.waiting, 0);
}

describe('the socket refuses bad handshakes', () => {
  it.each([
    ['a wrong protocol version', { protocolVersion: PROTOCOL_VERSION + 1 }, 'version_mismatch'],
    ['no protocol version', {}, 'version_mismatch'],
    [
      'an unknown token',
      { protocolVersion: PROTOCOL_VERSION, token: 'u_not-a-real-token' },
      'unauthorized',
    ],
    [
      'a token that is not a string',
      { protocolVersion: PROTOCOL_VERSION, token: 42 },
      'unauthorized',
    ],
  ])('when the handshake has %s, then it is refused with a reason', async (_case, auth, code) => {
    expect((await connectError(auth)).code).toBe(code);
  });
});

describe('every command refuses malformed payloads and changes nothing', () => {
  const malformed: [string, unknown][] = [
    ['no payload', undefined],
    ['a string', 'call'],
    ['an array', []],
    ['a missing command id', { counterId: 'loket-1' }],
    ['a short command id', { commandId: 'x', counterId: 'loket-1' }],
    [
      'an unknown field',
      { commandId: 'abcdefgh1', counterId: 'loket-1', ticketId: 'x', serviceId: 'x', extra: 1 },
    ],
    ['a huge string', { commandId: 'abcdefgh2', counterId: 'x'.repeat(10_000) }],
  ];
  for (const name of COMMAND_NAMES) {
    it.each(malformed)(
      `when ${name} gets %s, then it answers bad_request`,
      async (_case, payload) => {
        const before = await ticketCount();
        const result = await emit(officerToken, name, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
        expect(await ticketCount()).toBe(before);
      },
    );
  }

  it('when an unknown event is sent, then it answers unknown_event and the hub keeps serving', async () => {
    expect(await emit(officerToken, 'counter:explode', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_event' },
    });
    expect((await hub.api('/api/health')).body.status).toBe('ok');
  });
});

describe('roles are enforced by the hub', () => {
  it('when a display tries to issue or call, then it is forbidden', async () => {
    expect(
      await emit(displayToken, 'ticket:issue', { commandId: 'display-issue-1', serviceId: 'x' }),
    ).toMatchObject({
      error: { code: 'forbidden' },
    });
    expect(
      await emit(displayToken, 'counter:call-next', {
        commandId: 'display-call-1',
        counterId: 'loket-1',
      }),
    ).toMatchObject({
      error: { code: 'forbidden' },
    });
  });

  it("when an officer works another agency's counter, then it is forbidden", async () => {
    const building = (await hub.api('/api/building', { token: adminToken })).body as {
      counters: { id: string; agencyId: string }[];
    };
    const foreign = building.counters.find((c) => c.agencyId !== 'disdukcapil')!;
    expect(
      await emit(officerToken, 'counter:open', {
        commandId: 'foreign-open-1',
        counterId: foreign.id,
      }),
    ).toMatchObject({
      error: { code: 'forbidden' },
    });
  });

  it('when the public (no token) sends a command, then it is refused', async () => {
    const result = await emit(undefined as unknown as string, 'ticket:issue', {
      commandId: 'public-issue-1',
      serviceId: 'x',
    });
    expect(result.ok).toBe(false);
  });
});

describe('REST refuses bad requests with a code', () => {
  it.each([
    ['login without a body', 400, '/api/auth/login', { body: '' }],
    ['login with invalid JSON', 400, '/api/auth/login', { body: '{"username":', headers: {} }],
    [
      'login with a wrong password',
      401,
      '/api/auth/login',
      { body: { username: 'admin', password: 'nope' } },
    ],
    [
      'login with an unknown field',
      400,
      '/api/auth/login',
      { body: { username: 'admin', password: 'x', role: 'admin' } },
    ],
    ['issuing without a token', 401, '/api/tickets', { body: { serviceId: 'x' } }],
    [
      'issuing with a bad token',
      401,
      '/api/tickets',
      { body: { serviceId: 'x' }, token: 'd_forged' },
    ],
    ['an unknown ticket code', 404, '/api/tickets/ZZZZZZZZZZZZ', {}],
    ['a malformed ticket code', 404, '/api/tickets/%3Cscript%3E', {}],
    ['an unknown route', 404, '/api/nothing-here', {}],
    ['devices without admin', 401, '/api/devices', { body: { name: 'x', role: 'kiosk' } }],
  ] as const)('when %s, then %i with an error body', async (_case, status, path, init) => {
    const response = await hub.api(path, {
      ...init,
      headers: { 'content-type': 'application/json', ...('headers' in init ? init.headers : {}) },
    });
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({
      ok: false,
      error: { code: expect.any(String), message: expect.any(String) },
    });
  });

  it('when an officer registers a device, then it is forbidden', async () => {
    const response = await hub.api('/api/devices', {
      token: officerToken,
      body: { name: 'x', role: 'kiosk' },
    });
    expect(response.status).toBe(403);
  });

  it('when a ticket body names an unknown service, then 404 and nothing is issued', async () => {
    const before = await ticketCount();
    const response = await hub.api('/api/tickets', {
      token: officerToken,
      body: { serviceId: 'no-such-service' },
    });
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'service_not_found' } } });
    expect(await ticketCount()).toBe(before);
  });
});
