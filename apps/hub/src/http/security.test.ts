import type { Building } from '@antre/domain';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_RATE_LIMIT } from '../survey/survey-routes';
import { apiFrom } from '../testing/from-address';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
}, 60_000);
afterAll(async () => hub?.close());

describe('security headers', () => {
  it.each(['/', '/home.css', '/api/health', '/api/services', '/api/no-such-thing', '/favicon.ico'])(
    'when %s is fetched, then it carries the CSP, nosniff, no framing and no referrer',
    async (path) => {
      const headers = (await fetch(`${hub.url}${path}`)).headers;
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("connect-src 'self' ws: wss:");
      expect(csp).not.toContain('upgrade-insecure-requests'); // the hub is plain HTTP
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('strict-transport-security')).toBeNull();
    },
  );
});

describe('the home page', () => {
  it('when the admin renames the site, then the home page shows the new name at once', async () => {
    const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
    const renamed = { ...building, site: { ...building.site, name: 'MPP Kota <Baru>' } };
    expect(
      (await hub.api('/api/building', { method: 'PUT', token: admin, body: renamed })).status,
    ).toBe(200);
    const page = await (await fetch(`${hub.url}/`)).text();
    expect(page).toContain('<h1>Antre — MPP Kota &lt;Baru&gt;</h1>');
    expect(page).not.toContain('<style>'); // the CSP allows no inline style
  });
});

describe('anonymous feedback', () => {
  it('when one address sends feedback over and over, then it is told to wait, and another address is not', async () => {
    const send = (address: string) =>
      apiFrom(address, `${hub.url}/api/feedback`, {
        body: { agencyId: 'disdukcapil', kind: 'suggestion', message: 'Tambah kursi tunggu' },
      });
    for (let i = 0; i < FEEDBACK_RATE_LIMIT.max; i += 1)
      expect((await send('127.0.0.2')).status).toBe(201);
    const refused = await send('127.0.0.2');
    expect(refused).toMatchObject({
      status: 429,
      body: { ok: false, error: { code: 'rate_limited' } },
    });
    expect((refused.body.error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(
      60,
    );
    expect((await send('127.0.0.3')).status).toBe(201);
    const spv = await hub.login('spv.disdukcapil');
    const inbox = (await hub.api('/api/feedback', { token: spv })).body as unknown as unknown[];
    expect(inbox).toHaveLength(FEEDBACK_RATE_LIMIT.max + 1);
  });
});

/** How long the hub kept a connection open, or `null` if it was still open at `giveUpMs`. */
function heldFor(send: string | null, giveUpMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(new URL(hub.url).port), '127.0.0.1', () => {
      if (send) socket.write(send);
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, giveUpMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
    socket.on('error', () => undefined);
  });
}

describe('slow connections', () => {
  it('when a connection sends nothing, or never ends its headers, then the hub closes it; a live socket.io client stays', async () => {
    const client = await hub.client(admin);
    const [silent, slowHeaders] = await Promise.all([
      heldFor(null, 45_000),
      heldFor('GET / HTTP/1.1\r\nHost: hub\r\n', 45_000),
    ]);
    // 15 s for the headers; without the hub's own check, neither is ever closed.
    expect(silent).not.toBeNull();
    expect(slowHeaders).not.toBeNull();
    expect(Math.max(silent!, slowHeaders!)).toBeLessThan(30_000);
    expect(client.connection).toBe('online');
  }, 60_000);
});
