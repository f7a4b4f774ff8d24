import type { BuildingChanged } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState } from '@antre/client';
import { createHubClient } from '@antre/client';
import type { TestHub } from './testing/test-hub';
import { startTestHub, until } from './testing/test-hub';

let hub: TestHub;
let admin: string;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
});
afterAll(async () => hub.close());

async function renameFirstService(name: string): Promise<void> {
  const building = (await hub.api('/api/building', { token: admin })).body as {
    services: { name: string }[];
  };
  building.services[0]!.name = name;
  const saved = await hub.api('/api/building', { method: 'PUT', token: admin, body: building });
  expect(saved.status).toBe(200);
}

describe('typed subscriptions', () => {
  it('when the building changes, then an `on` listener hears it, and no more once it let go', async () => {
    const kiosk = await hub.client(await hub.device('kiosk'));
    const heard: BuildingChanged[] = [];
    const letGo = kiosk.on('building:changed', (change) => heard.push(change));

    await renameFirstService('Layanan Satu');
    await until(() => heard.length === 1);
    letGo();
    await renameFirstService('Layanan Dua');
    const control: BuildingChanged[] = [];
    kiosk.on('building:changed', (change) => control.push(change));
    await renameFirstService('Layanan Tiga');
    await until(() => control.length === 1);

    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ action: 'building.replace' });
  });

  it('when a kiosk asks with `request`, then it gets the hub’s answer as a Result', async () => {
    const kiosk = await hub.client(await hub.device('kiosk'));

    const answer = await kiosk.request('kiosk:printer-status', { reported: 'ready' });

    expect(answer).toMatchObject({ ok: true, value: { state: 'ready' } });
  });

  it('when the hub restarts, then `onConnection` says offline, then online again', async () => {
    const board = await hub.client(await hub.device('display'));
    const states: ConnectionState[] = [];
    board.onConnection((state) => states.push(state));

    await hub.restart();
    await until(() => states.includes('online'), 10_000);

    expect(states[0]).toBe('offline');
    expect(states.at(-1)).toBe('online');
  });

  it('when nobody answers, then `request` gives an offline refusal after its timeout', async () => {
    const lonely = createHubClient({ url: 'http://127.0.0.1:9', ackTimeoutMs: 200 });

    const answer = await lonely.request('sync:request', {});
    lonely.close();

    expect(answer).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});
