import { createHubClient } from '@antre/client';
import { createServer } from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';

// A client given a building's hub URLs finds the one that takes sockets and moves to another
// when it goes away (packages/client). Real socket.io servers on loopback; the first URL of
// each list is a port nothing listens on, as a dead hub's machine would be.

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function server(): Promise<{
  url: string;
  connections: () => number;
  close: () => Promise<void>;
}> {
  const http = createServer();
  const io = new Server(http);
  let count = 0;
  io.on('connection', () => (count += 1));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    // As a process that dies: connections cut, no goodbye from the server.
    http.closeAllConnections();
    await io.close();
  };
  closers.push(close);
  return { url: `http://127.0.0.1:${port}`, connections: () => count, close };
}

async function deadUrl(): Promise<string> {
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  await new Promise((resolve) => http.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const online = (client: ReturnType<typeof createHubClient>): Promise<void> =>
  new Promise((resolve) => {
    if (client.connection === 'online') return resolve();
    const stop = client.onConnection((state) => {
      if (state === 'online') {
        stop();
        resolve();
      }
    });
  });

describe('a client with several hub URLs', () => {
  it('skips a URL nobody answers and connects to the next', async () => {
    const live = await server();
    const client = createHubClient({ url: [await deadUrl(), live.url] });
    closers.push(async () => client.close());
    await online(client);
    expect(client.url).toBe(live.url);
    expect(live.connections()).toBe(1);
  });

  it('moves to another hub when its own goes away, and keeps moving round the list', async () => {
    const first = await server();
    const second = await server();
    const client = createHubClient({ url: [first.url, await deadUrl(), second.url] });
    closers.push(async () => client.close());
    await online(client);
    expect(client.url).toBe(first.url);
    const offline = new Promise<void>((resolve) => {
      const stop = client.onConnection((state) => {
        if (state === 'offline') {
          stop();
          resolve();
        }
      });
    });
    await first.close();
    await offline;
    await online(client);
    expect(client.url).toBe(second.url);
    expect(second.connections()).toBe(1);
  });

  it('gives up on a hub that accepts the connection but never answers (paused) within seconds', async () => {
    // A stopped process's port still accepts TCP connections: the kernel queues them.
    const held: NetSocket[] = [];
    const silent = createNetServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise((resolve) => {
          held.forEach((socket) => socket.destroy());
          silent.close(() => resolve());
        }),
    );
    const live = await server();
    const client = createHubClient({
      url: [`http://127.0.0.1:${(silent.address() as AddressInfo).port}`, live.url],
    });
    closers.push(async () => client.close());
    const startedAt = Date.now();
    await online(client);
    expect(client.url).toBe(live.url);
    expect(Date.now() - startedAt).toBeLessThan(8_000);
  });

  it('with one URL stays on it', async () => {
    const live = await server();
    const client = createHubClient({ url: live.url });
    closers.push(async () => client.close());
    await online(client);
    expect(client.url).toBe(live.url);
  });
});
