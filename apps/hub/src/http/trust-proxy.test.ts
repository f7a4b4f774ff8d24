import { PROTOCOL_VERSION } from '@antre/protocol';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFrom } from '../testing/from-address';
import { startTestHub } from '../testing/test-hub';
import { FEEDBACK_RATE_LIMIT } from '../survey/survey-routes';

// A hub behind a reverse proxy (nginx, HAProxy) that it trusts: 127.0.0.2 plays the proxy,
// 127.0.0.3 a device on the LAN that sends the proxy's header itself.
const PROXY = '127.0.0.2';
const DEVICE = '127.0.0.3';
let hub: Awaited<ReturnType<typeof startTestHub>>;
beforeAll(async () => {
  hub = await startTestHub(undefined, { trustProxy: [PROXY] });
});
afterAll(async () => hub?.close());

const feedback = (from: string, forwardedFor: string) =>
  apiFrom(from, `${hub.url}/api/feedback`, {
    body: { agencyId: 'disdukcapil', kind: 'suggestion', message: 'Tambah kursi tunggu' },
    headers: { 'x-forwarded-for': forwardedFor },
  });

describe('a hub behind a proxy it trusts', () => {
  it('when two visitors come through the proxy, then each has their own allowance; a device naming itself in the header does not', async () => {
    for (let i = 0; i < FEEDBACK_RATE_LIMIT.max; i += 1)
      expect((await feedback(PROXY, '198.51.100.7')).status).toBe(201);
    expect((await feedback(PROXY, '198.51.100.7')).status).toBe(429);
    // Another visitor behind the same proxy is another address.
    expect((await feedback(PROXY, '198.51.100.8')).status).toBe(201);

    for (let i = 0; i < FEEDBACK_RATE_LIMIT.max; i += 1)
      expect((await feedback(DEVICE, `203.0.113.${i}`)).status).toBe(201);
    // Not a trusted proxy: its header is ignored, and it is still itself.
    expect((await feedback(DEVICE, '203.0.113.200')).status).toBe(429);
  });

  it("when an officer's socket comes through the proxy, then the audit trail keeps the officer's address, not the proxy's", async () => {
    const token = await hub.login('petugas.disdukcapil');
    const socket = io(hub.url, {
      auth: { protocolVersion: PROTOCOL_VERSION, token },
      transports: ['websocket'],
      extraHeaders: { 'x-forwarded-for': '198.51.100.23, 10.1.2.3' },
      localAddress: PROXY,
    } as Parameters<typeof io>[1]);
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const issued = (await socket.timeout(5000).emitWithAck('ticket:issue', {
        commandId: 'through-proxy-1',
        serviceId: 'disdukcapil-ktp-el',
        priority: null,
      })) as { ok: boolean };
      expect(issued.ok).toBe(true);
    } finally {
      socket.close();
    }
    const admin = await hub.login('admin');
    const entries = (await hub.api('/api/audit?action=ticket:issued', { token: admin })).body
      .entries as { detail: Record<string, unknown> }[];
    // The officer's program wrote 198.51.100.23 itself; the proxy appended the address it
    // saw. Only the proxy is trusted, so the hub takes the proxy's word, not the program's.
    expect(entries[0]?.detail).toMatchObject({ ip: '10.1.2.3' });
  });
});
