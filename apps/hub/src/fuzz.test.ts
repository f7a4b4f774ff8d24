import type { Result } from '@antre/protocol';
import {
  COMMAND_NAMES,
  KIOSK_EVENT_NAMES,
  PROTOCOL_VERSION,
  SURVEY_EVENT_NAMES,
} from '@antre/protocol';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_EVENT_LIMITS } from './realtime/event-limits';
import { floodSocket } from './testing/socket-flood';
import type { TestHub } from './testing/test-hub';
import { startTestHub, until } from './testing/test-hub';

// A seeded generator: a failing run can be replayed exactly.
function random(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

type Rng = ReturnType<typeof random>;

const junkValues = (rng: Rng): unknown[] => [
  null,
  undefined,
  true,
  -1,
  1e308,
  Number.NaN,
  '',
  'x'.repeat(rng.pick([1, 65, 5_000, 60_000])),
  '<script>alert(1)</script>',
  "'; DROP TABLE tickets; --",
  [],
  [1, 2, 3],
  {},
  { $gt: '' },
  { __proto__: { admin: true } },
];

/** A payload that is wrong in at least one way the hub must notice. */
function badPayload(rng: Rng): unknown {
  const base: Record<string, unknown> = {
    commandId: `fuzz-${rng.int(1e9)}`,
    counterId: rng.pick(['loket-1', 'loket-999', '']),
    ticketId: 'no-such-ticket',
    serviceId: 'no-such-service',
    reason: 'istirahat',
  };
  switch (rng.int(6)) {
    case 0:
      return rng.pick(junkValues(rng));
    case 1: {
      const key = rng.pick(Object.keys(base));
      return { ...base, [key]: rng.pick(junkValues(rng)) };
    }
    case 2:
      return {
        ...base,
        commandId: rng.pick(['', 'short', '../../etc', 'x'.repeat(100), 'bad id!']),
      };
    case 3:
      return { ...base, [`extra${rng.int(100)}`]: rng.pick(junkValues(rng)) };
    case 4: {
      const copy: Record<string, unknown> = { ...base };
      delete copy.commandId;
      return copy;
    }
    default:
      return { ...base, nested: { deep: { deeper: [rng.pick(junkValues(rng))] } }, commandId: 42 };
  }
}

let hub: TestHub;
const sockets: Socket[] = [];
// What the queue holds, in SQL both engines take; a bad payload must change none of it.
const digest = async (): Promise<string> =>
  JSON.stringify([
    await hub.sql.get(
      `SELECT (SELECT COUNT(*) FROM tickets) AS tickets, (SELECT COUNT(*) FROM ticket_events) AS events,
              (SELECT COUNT(*) FROM counter_states) AS counters, (SELECT COUNT(*) FROM service_days) AS days`,
    ),
    await hub.sql.all('SELECT id, status FROM tickets ORDER BY id'),
  ]);

function connect(token: string | undefined, on: TestHub = hub): Promise<Socket> {
  const socket = io(on.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, ...(token ? { token } : {}) },
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

// Thousands of events in a few seconds on purpose: here the flood limit would answer most of
// them before validation could; the flood cases below run on a hub with the real limits.
const NO_FLOOD_LIMIT = { events: 1_000_000, perSeconds: 1 };

// Signed in before the REST fuzz, whose bogus sign-ins use up the address's sign-in budget.
let officerToken: string;
beforeAll(async () => {
  hub = await startTestHub(undefined, {
    socketEventLimits: { signedIn: NO_FLOOD_LIMIT, anonymous: NO_FLOOD_LIMIT },
  });
  officerToken = await hub.login('petugas.disdukcapil');
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await hub.close();
});

describe('fuzzing the hub', () => {
  it('when thousands of malformed, unknown and unauthorised socket events arrive, then each is refused with a code and nothing changes', async () => {
    const rng = random(20261122);
    const staff = await hub.client(await hub.login('petugas.disdukcapil'));
    await staff.command(
      'ticket:issue',
      { serviceId: 'disdukcapil-ktp-el', priority: null },
      'fuzz-seed-issue-1',
    );
    const principals = await Promise.all([
      connect(await hub.login('petugas.disdukcapil')),
      connect(await hub.device('display', ['lantai-1'])),
      connect(await hub.device('kiosk')),
      connect(undefined),
    ]);
    const before = await digest();
    const events = [
      ...COMMAND_NAMES,
      'sync:request',
      'ticket:watch',
      'admin:drop-all',
      '__proto__',
      'constructor',
      '',
    ];
    const codes = new Map<string, number>();
    for (let i = 0; i < 3_000; i += 1) {
      const socket = rng.pick(principals);
      const event = rng.pick(events);
      // A replayed command id under another command is a conflict, not a second run.
      const payload =
        rng.int(20) === 0
          ? { commandId: 'fuzz-seed-issue-1', counterId: 'loket-1' }
          : badPayload(rng);
      if (event === 'sync:request' || event === 'ticket:watch') {
        if (typeof payload === 'object' && payload !== null && Object.keys(payload).length === 0)
          continue; // {} is a valid sync request
      }
      const result = (await socket.timeout(5_000).emitWithAck(event, payload)) as Result<unknown>;
      expect(result.ok, `${event} ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(false);
      if (!result.ok) codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
    }
    expect(await digest()).toBe(before);
    expect([...codes.keys()]).toEqual(
      expect.arrayContaining(['bad_request', 'unknown_event', 'forbidden']),
    );
    const health = await hub.api('/api/health');
    expect(health.body.status).toBe('ok');
  });

  it('when a thousand malformed REST requests arrive, then each gets a 4xx with a code and nothing changes', async () => {
    const rng = random(7);
    const officer = await hub.login('petugas.disdukcapil');
    const display = await hub.device('display', ['lantai-1']);
    const before = await digest();
    const endpoints = [
      '/api/auth/login',
      '/api/tickets',
      '/api/devices',
      '/api/tickets/AAAA',
      '/api/services/x',
      '/api/../../etc/passwd',
    ];
    for (let i = 0; i < 1_000; i += 1) {
      const path = rng.pick(endpoints);
      const token = rng.pick([undefined, officer, display, 'u_forged', 'garbage']);
      const body = rng.pick([
        badPayload(rng),
        '{"unterminated":',
        'x'.repeat(rng.int(2_000)),
        undefined,
      ]);
      const method = rng.pick(['POST', 'GET', 'DELETE']);
      const response = await hub.api(path, {
        method,
        ...(token ? { token } : {}),
        ...(method === 'POST' ? { body } : {}),
        headers: {},
      });
      expect(response.status, `${path} ${String(token)}`).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body).toMatchObject({ ok: false, error: { code: expect.any(String) } });
    }
    expect(await digest()).toBe(before);
  });

  it('when a socket sends more than the hub accepts in one message, then that socket is dropped and the hub keeps serving', async () => {
    const socket = await connect(officerToken);
    const before = await digest();
    const dropped = new Promise<string>((resolve) => socket.on('disconnect', resolve));
    socket.emit('counter:call-next', { commandId: 'oversized-1', counterId: 'x'.repeat(200_000) });
    expect(await dropped).toBe('transport close');
    expect((await hub.api('/api/health')).body.status).toBe('ok');
    expect(await digest()).toBe(before);
  });
});

describe('fuzzing floods and ended sessions, with the real limits', () => {
  let limited: TestHub;
  beforeAll(async () => {
    limited = await startTestHub();
  });
  afterAll(async () => limited.close());

  it('when every kind of client floods random events at full speed, then past its limit each is answered rate_limited, none gets more handled, the flooders are cut and the hub keeps serving', async () => {
    const rng = random(20261204);
    const flooders = [
      { token: await limited.login('petugas.disdukcapil'), limit: SOCKET_EVENT_LIMITS.signedIn },
      { token: await limited.device('display', ['lantai-1']), limit: SOCKET_EVENT_LIMITS.signedIn },
      { token: await limited.device('kiosk'), limit: SOCKET_EVENT_LIMITS.signedIn },
      { token: undefined, limit: SOCKET_EVENT_LIMITS.anonymous },
    ];
    const events = [
      ...COMMAND_NAMES,
      ...KIOSK_EVENT_NAMES,
      ...SURVEY_EVENT_NAMES,
      'sync:request',
      'ticket:watch',
      'admin:drop-all',
    ];
    // Past five times its limit a socket is cut, so every flooder here is.
    const count = SOCKET_EVENT_LIMITS.anonymous.events * 5 + 500;
    const floods = await Promise.all(
      flooders.map(async ({ token, limit }) => {
        const socket = await connect(token, limited);
        const flood = floodSocket(socket, count, () => [
          rng.pick(events),
          rng.int(3) === 0 ? {} : badPayload(rng),
        ]);
        return { socket, flood, limit };
      }),
    );
    await Promise.all(floods.map(({ flood }) => flood.done));

    for (const { socket, flood, limit } of floods) {
      expect(flood.answers.get('rate_limited') ?? 0).toBeGreaterThan(0);
      expect(flood.handled()).toBeLessThanOrEqual(limit.events);
      expect(socket.connected).toBe(false);
    }
    const fresh = await connect(await limited.login('petugas.samsat'), limited);
    const answer = (await fresh.timeout(5_000).emitWithAck('sync:request', {})) as Result<unknown>;
    expect(answer.ok).toBe(true);
    expect((await limited.api('/api/health')).body.status).toBe('ok');
  }, 120_000);

  it('when sessions end in every way, in random order, while their sockets keep sending, then nothing sent after the end runs and each socket is cut within a second', async () => {
    const rng = random(15);
    const admin = await limited.login('admin');
    const endings = ['sign-out', 'deactivate', 'password', 'role', 'agency'];
    const order = endings
      .map((ending) => ({ ending, key: rng.next() }))
      .sort((a, b) => a.key - b.key)
      .map((e) => e.ending);
    const commands = (): [string, object] => {
      const counterId = rng.pick(['loket-1', 'loket-2', 'loket-3', 'loket-4', 'loket-5']);
      const commandId = `fuzz-end-${rng.int(1e9)}`;
      return rng.pick<[string, object]>([
        ['counter:open', { commandId, counterId }],
        ['counter:call-next', { commandId, counterId }],
        ['ticket:issue', { commandId, serviceId: 'disdukcapil-kia', priority: null }],
        ['sync:request', {}],
      ]);
    };

    for (const [round, ending] of order.entries()) {
      const username = `petugas.akhir${round}`;
      const created = await limited.api('/api/users', {
        token: admin,
        body: {
          username,
          displayName: `Petugas Akhir ${round}`,
          role: 'officer',
          agencyId: 'disdukcapil',
          password: 'akhir-sesi-rahasia-7',
        },
      });
      const id = (created.body.user as { id: string }).id;
      const token = await limited.login(username, 'akhir-sesi-rahasia-7');
      const socket = await connect(token, limited);
      let cut = false;
      socket.on('disconnect', () => {
        cut = true;
      });
      for (let i = 0; i < rng.int(5); i += 1) {
        const [name, payload] = commands();
        await socket.timeout(5_000).emitWithAck(name, payload);
      }

      const path = {
        'sign-out': '/api/auth/logout',
        deactivate: `/api/users/${id}/deactivate`,
        password: `/api/users/${id}/password`,
        role: `/api/users/${id}`,
        agency: `/api/users/${id}`,
      }[ending] as string;
      const body =
        ending === 'role'
          ? { displayName: 'Naik Jabatan', role: 'supervisor', agencyId: 'disdukcapil' }
          : ending === 'agency'
            ? { displayName: 'Pindah Instansi', role: 'officer', agencyId: 'samsat' }
            : undefined;
      const ended = await limited.api(path, {
        method: 'POST',
        token: ending === 'sign-out' ? token : admin,
        ...(body ? { body } : {}),
      });
      expect(ended.status, ending).toBe(200);

      const after = await Promise.all(
        Array.from({ length: 1 + rng.int(10) }, async () => {
          const [name, payload] = commands();
          try {
            return (await socket.timeout(1_000).emitWithAck(name, payload)) as Result<unknown>;
          } catch {
            return null; // the socket was already cut: nothing reached the hub
          }
        }),
      );
      expect(after.filter((r) => r?.ok).length, ending).toBe(0);
      await until(() => cut, 1_000);
    }
  }, 120_000);
});
