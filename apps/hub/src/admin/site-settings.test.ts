import type { HubClient } from '@antre/client';
import type { Building } from '@antre/domain';
import type { AuditEntry, KioskIssueResult, PublicAddress, Result } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost, lanAddress } from '../printing/public-address';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

let hub: TestHub;
let admin: string;
let kiosk: HubClient;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
  // A kiosk in a plain browser, printing itself: no printer needed to see the ticket's URL.
  kiosk = await hub.client(await hub.device('kiosk'));
});
afterAll(async () => hub.close());

const current = async (): Promise<Building> =>
  (await hub.api('/api/building', { token: admin })).body as unknown as Building;
const saveSite = async (site: Partial<Building['site']>) => {
  const building = await current();
  return hub.api('/api/building', {
    method: 'PUT',
    token: admin,
    body: { ...building, site: { ...building.site, ...site } },
  });
};
let tap = 0;
async function ticketUrl(): Promise<string> {
  const result: Result<KioskIssueResult> = await kiosk.socket
    .timeout(10_000)
    .emitWithAck('kiosk:issue', {
      commandId: `qr-ticket-${(tap += 1)}`,
      serviceId: 'disdukcapil-ktp-el',
      priority: null,
      printBy: 'self',
    });
  if (!result.ok || !result.value.ticket) throw new Error(JSON.stringify(result));
  expect(result.value.ticket.printable.trackingUrl).toBe(result.value.ticket.trackUrl);
  return result.value.ticket.trackUrl;
}

describe("the address in a ticket's QR", () => {
  it('when a kiosk beside the hub connects via 127.0.0.1 and no public address is set, then its ticket points at the LAN address, never loopback', async () => {
    expect(hub.url).toContain('127.0.0.1');
    const lan = lanAddress();
    const url = new URL(await ticketUrl());

    expect(isLoopbackHost(url.hostname)).toBe(false);
    // This machine has a network card; the test says which address it expects.
    expect(lan).not.toBeNull();
    expect(url.hostname).toBe(lan);
    expect(url.port).toBe(new URL(hub.url).port);
    const address = (await hub.api('/api/site/address', { token: admin })).body;
    expect(address).toEqual({ publicUrl: null, lanUrl: url.origin, inUse: url.origin });
  });

  it('when the admin sets the public address, then the next ticket (on the same connection) carries it', async () => {
    expect((await saveSite({ publicUrl: 'https://antre.mpp-kota.go.id/' })).status).toBe(200);

    expect(await ticketUrl()).toMatch(/^https:\/\/antre\.mpp-kota\.go\.id\/t\/[A-Z0-9]{12}$/);
    const address = (await hub.api('/api/site/address', { token: admin }))
      .body as unknown as PublicAddress;
    expect(address.inUse).toBe('https://antre.mpp-kota.go.id');
  });

  it.each([
    'antre.mpp-kota.go.id',
    'ftp://antre.mpp-kota.go.id',
    'https://antre.mpp-kota.go.id/antrian?x=1',
    'http://127.0.0.1:8080',
    'http://localhost:8080',
    'https://user:pw@antre.go.id',
  ])('when the admin sets %s, then the save is refused on the address field', async (bad) => {
    const { status, body } = await saveSite({ publicUrl: bad });

    expect(status).toBe(400);
    expect((body.error as unknown as { fields: unknown[] }).fields).toEqual([
      {
        path: 'site.publicUrl',
        rule: 'public_address',
        message: 'an address like https://antre.example.go.id, not loopback',
      },
    ]);
  });
});

describe('the audit of a site change', () => {
  it('when the admin changes site settings, then the log keeps each setting before and after', async () => {
    const before = (await current()).site;
    await saveSite({
      name: 'MPP Kota Uji',
      autoServeOnCall: !before.autoServeOnCall,
      hours: { ...before.hours, mon: { open: '08:00', close: '15:00' } },
      holidays: [...before.holidays, { date: '2026-12-31', name: 'Cuti bersama' }],
    });

    const { body } = await hub.api('/api/audit?action=building.replace', { token: admin });
    const entry = (body.entries as AuditEntry[])[0]!;
    const monday = before.hours.mon;
    expect(entry.detail.site).toEqual({
      name: { before: before.name, after: 'MPP Kota Uji' },
      autoServeOnCall: { before: before.autoServeOnCall, after: !before.autoServeOnCall },
      'hours.mon': {
        before: monday ? `${monday.open}–${monday.close}` : null,
        after: '08:00–15:00',
      },
      'holidays.2026-12-31': { before: null, after: 'Cuti bersama' },
    });
  });
});
