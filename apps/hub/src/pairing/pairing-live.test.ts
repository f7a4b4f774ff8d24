import type { HubClient } from '@antre/client';
import type { PairingChanged, PairingTicket } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub, until } from '../testing/test-hub';
import { PAIRING_TTL_MS } from './pairing-codes';

let hub: TestHub;
let admin: string;
let heard: PairingChanged[];
// Sockets that must hear nothing of pairing, with what they heard.
let others: { who: string; client: HubClient; heard: PairingChanged[] }[];

beforeAll(async () => {
  // A fast tick, so an expired code is announced while the test waits.
  hub = await startTestHub(undefined, { tickMs: 50 });
  admin = await hub.login('admin');
  heard = [];
  const adminSocket = await hub.client(admin);
  adminSocket.socket.on('pairing:changed', (change) => heard.push(change));
  others = [];
  for (const [who, token] of [
    ['officer', await hub.login('petugas.disdukcapil')],
    ['supervisor', await hub.login('spv.disdukcapil')],
    ['kiosk', await hub.device('kiosk')],
    ['display', await hub.device('display', ['lantai-1'])],
  ] as const) {
    const client = await hub.client(token);
    const entry = { who, client, heard: [] as PairingChanged[] };
    client.socket.on('pairing:changed', (change) => entry.heard.push(change));
    others.push(entry);
  }
}, 60_000);
afterAll(async () => hub?.close());

async function ask(role: 'kiosk' | 'display'): Promise<PairingTicket> {
  const { status, body } = await hub.api('/api/pairing', { body: { role } });
  expect(status).toBe(201);
  return body as unknown as PairingTicket;
}
const changesOf = (ticket: PairingTicket) =>
  heard.filter((h) => h.pairingId === ticket.pairingId).map((h) => h.change);

/** One round trip on each other socket: anything the hub sent them before is in by then. */
async function othersHeard(): Promise<Record<string, number>> {
  for (const { client } of others)
    await client.socket.timeout(5_000).emitWithAck('sync:request', {});
  return Object.fromEntries(others.map((o) => [o.who, o.heard.length]));
}

describe('pairing requests reach the admin live', () => {
  it('when a device asks to pair, then the admin socket hears its code at once, and its approval or rejection; staff and devices hear nothing', async () => {
    const kiosk = await ask('kiosk');
    await until(() => changesOf(kiosk).includes('requested'));
    expect(heard.find((h) => h.pairingId === kiosk.pairingId)).toMatchObject({
      code: kiosk.code,
      change: 'requested',
      at: expect.any(Number),
    });

    const approved = await hub.api('/api/pairing/approve', {
      token: admin,
      body: { code: kiosk.code, role: 'kiosk', name: 'Kios baru', zoneIds: ['lantai-1'] },
    });
    expect(approved.status).toBe(200);
    await until(() => changesOf(kiosk).includes('approved'));

    const board = await ask('display');
    await until(() => changesOf(board).includes('requested'));
    const rejected = await hub.api('/api/pairing/reject', {
      token: admin,
      body: { code: board.code },
    });
    expect(rejected.status).toBe(200);
    await until(() => changesOf(board).includes('rejected'));

    expect(changesOf(kiosk)).toEqual(['requested', 'approved']);
    expect(changesOf(board)).toEqual(['requested', 'rejected']);
    expect(await othersHeard()).toEqual({ officer: 0, supervisor: 0, kiosk: 0, display: 0 });
  });

  it('when a code runs out unused, then the admin hears it expired, once', async () => {
    const first = await ask('kiosk');
    await until(() => changesOf(first).includes('requested'));
    hub.advance(PAIRING_TTL_MS + 1_000);
    await until(() => changesOf(first).includes('expired'));

    // Many ticks later a second code runs out; the first is not announced again meanwhile.
    const second = await ask('display');
    await until(() => changesOf(second).includes('requested'));
    hub.advance(PAIRING_TTL_MS + 1_000);
    await until(() => changesOf(second).includes('expired'));
    expect(changesOf(first)).toEqual(['requested', 'expired']);
    expect(changesOf(second)).toEqual(['requested', 'expired']);
    expect(await othersHeard()).toEqual({ officer: 0, supervisor: 0, kiosk: 0, display: 0 });
  });
});
