import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubHealth } from './hub-watch';
import { createHubWatch, probeHubHealth } from './hub-watch';

const A = 'http://10.0.0.1:8080';
const B = 'http://10.0.0.2:8080';
const C = 'http://10.0.0.3:8080';

function fakeBuilding(initial: Record<string, HubHealth>) {
  const health = { ...initial };
  const moves: string[] = [];
  const watch = createHubWatch({
    urls: [A, B, C],
    probe: async (url) => {
      const state = health[url] ?? 'down';
      if (state === 'down') throw new Error('ECONNREFUSED');
      return state;
    },
    onMove: (url) => moves.push(url),
  });
  return { health, moves, watch };
}

describe('hub watch', () => {
  it('starts on the active hub even when it is not the first listed', async () => {
    const { watch } = fakeBuilding({ [A]: 'standby', [B]: 'active', [C]: 'standby' });
    expect(await watch.choose()).toBe(B);
  });

  it('starts on the first when none answers yet (the page retries by itself)', async () => {
    const { watch } = fakeBuilding({});
    expect(await watch.choose()).toBe(A);
  });

  it('stays while the hub shown is active, and moves once when another takes over', async () => {
    const { health, moves, watch } = fakeBuilding({ [A]: 'active', [B]: 'standby' });
    await watch.choose();
    await watch.check();
    expect(moves).toEqual([]);
    health[A] = 'down';
    await watch.check();
    expect(moves).toEqual([]); // no one active yet: nothing to move to
    health[C] = 'active';
    await watch.check();
    await watch.check();
    expect(moves).toEqual([C]);
    expect(watch.current).toBe(C);
    // The old one comes back as a standby: the shell stays where it is.
    health[A] = 'standby';
    await watch.check();
    expect(moves).toEqual([C]);
  });
});

describe('probeHubHealth', () => {
  let url = '';
  let answer: { status: number; body: unknown } = { status: 200, body: { status: 'ok' } };
  const server = createServer((_req, res) => {
    if (answer.status === 0) return; // hangs
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads active, standby and down from a real HTTP answer', async () => {
    answer = { status: 200, body: { status: 'ok', role: 'active' } };
    expect(await probeHubHealth(url)).toBe('active');
    answer = { status: 200, body: { status: 'ok' } }; // a hub on its own SQLite file
    expect(await probeHubHealth(url)).toBe('active');
    answer = { status: 503, body: { status: 'standby', role: 'standby' } };
    expect(await probeHubHealth(url)).toBe('standby');
    answer = { status: 500, body: {} };
    expect(await probeHubHealth(url)).toBe('down');
    answer = { status: 0, body: null };
    expect(await probeHubHealth(url, fetch, 200)).toBe('down');
    expect(await probeHubHealth('http://127.0.0.1:9')).toBe('down');
  });
});
