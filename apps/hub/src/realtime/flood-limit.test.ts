import type { Result } from '@antre/protocol';
import { PROTOCOL_VERSION } from '@antre/protocol';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { floodSocket } from '../testing/socket-flood';
import { startTestHub } from '../testing/test-hub';
import { SOCKET_EVENT_LIMITS } from './event-limits';

const FLOOD = 5_000;

let hub: TestHub;
const sockets: Socket[] = [];

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await hub.close();
});

async function connect(token?: string): Promise<Socket> {
  const socket = io(hub.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, ...(token ? { token } : {}) },
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', resolve);
    socket.on('connect_error', reject);
  });
  return socket;
}

/** How long each probe took, probing one after another while the flood lasts. */
async function timeWhile(over: Promise<void>, probe: () => Promise<boolean>) {
  let finished = false;
  void over.then(() => {
    finished = true;
  });
  const times: number[] = [];
  const failures: number[] = [];
  // At least 20 probes, so a flood the hub cuts short still gives figures to compare.
  do {
    const started = performance.now();
    if (!(await probe())) failures.push(times.length);
    times.push(performance.now() - started);
  } while (!finished || times.length < 20);
  return { times, failures };
}

const summary = (times: number[]): string => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `n=${sorted.length} median=${at(0.5)?.toFixed(1)} ms p95=${at(0.95)?.toFixed(1)} ms max=${sorted.at(-1)?.toFixed(1)} ms`;
};

/** Another officer's socket and the health check, ready before the flood starts. */
async function prober() {
  const other = await connect(await hub.login('petugas.samsat'));
  return async function during(over: Promise<void>, label: string) {
    const [sync, health] = await Promise.all([
      timeWhile(over, async () => {
        const result = (await other
          .timeout(10_000)
          .emitWithAck('sync:request', {})) as Result<unknown>;
        return result.ok;
      }),
      timeWhile(over, async () => (await hub.api('/api/health')).status === 200),
    ]);
    console.log(`${label}: another officer's sync:request ${summary(sync.times)}`);
    console.log(`${label}: GET /api/health ${summary(health.times)}`);
    return { sync, health };
  };
}

describe('when one client floods the hub', () => {
  it('when an officer socket sends 5,000 commands at once, then most are refused rate_limited, the socket is cut, and others are still answered', async () => {
    const probesDuring = await prober();
    const flooder = await connect(await hub.login('petugas.disdukcapil'));
    const opened = (await flooder.emitWithAck('counter:open', {
      commandId: 'flood-open-1',
      counterId: 'loket-1',
    })) as Result<unknown>;
    expect(opened.ok).toBe(true);

    // Each command changes the counter, so each one that runs is a write and a delta.
    const { done, answers, handled, sent } = floodSocket(flooder, FLOOD, (i) =>
      i % 2 === 0
        ? [
            'counter:pause',
            { commandId: `flood-cmd-${i}`, counterId: 'loket-1', reason: 'istirahat' },
          ]
        : ['counter:resume', { commandId: `flood-cmd-${i}`, counterId: 'loket-1' }],
    );
    const { sync, health } = await probesDuring(done, 'officer flood');
    console.log('officer flood: sent', sent(), 'answers', Object.fromEntries(answers));

    expect(answers.get('rate_limited') ?? 0).toBeGreaterThan(0);
    expect(handled()).toBeLessThanOrEqual(SOCKET_EVENT_LIMITS.signedIn.events);
    expect(flooder.connected).toBe(false);
    expect(sync.failures).toEqual([]);
    expect(health.failures).toEqual([]);
  }, 120_000);

  it('when an anonymous socket floods, then its address is limited: a second anonymous socket from it is refused too, while signed-in users are not', async () => {
    const probesDuring = await prober();
    const flooder = await connect();
    const { done, answers, handled, sent } = floodSocket(flooder, FLOOD, () => [
      'ticket:watch',
      { code: 'A-001' },
    ]);
    const { sync, health } = await probesDuring(done, 'anonymous flood');
    console.log('anonymous flood: sent', sent(), 'answers', Object.fromEntries(answers));

    expect(answers.get('rate_limited') ?? 0).toBeGreaterThan(0);
    expect(handled()).toBeLessThanOrEqual(SOCKET_EVENT_LIMITS.anonymous.events);
    expect(flooder.connected).toBe(false);
    const sameAddress = await connect();
    const watched = (await sameAddress
      .timeout(5_000)
      .emitWithAck('ticket:watch', { code: 'A-001' })) as Result<unknown>;
    expect(watched).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(sync.failures).toEqual([]);
    expect(health.failures).toEqual([]);
  }, 120_000);
});
