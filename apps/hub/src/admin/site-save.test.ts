import type { BookingSettings, Building } from '@antre/domain';
import type { AuditEntry, BuildingChanged, Catalogue, SiteSettings } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFrom } from '../testing/from-address';
import type { TestHub } from '../testing/test-hub';
import { startTestHub, until } from '../testing/test-hub';

// The site page saves the site's settings alone (PUT /api/building/site): the same checks,
// audit, live change and booking clean-up as a whole-building save, without the logos.

let hub: TestHub;
let admin: string;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
});
afterAll(async () => hub.close());

const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const THURSDAY = '2026-11-26';
const SERVICE = 'disdukcapil-akta-kelahiran';
const SETTINGS: BookingSettings = {
  sessions: [{ id: 'siang', start: '10:00', end: '12:00', places: 10 }],
  daysAhead: 14,
  cutoff: { kind: 'before_session', minutes: 0 },
  onlineOnly: [],
  checkInEarlyMinutes: 30,
  checkInLateMinutes: 15,
  lateArrival: 'refuse',
  ticketMark: 'B',
  closedDates: [],
};

const current = async (): Promise<Building> =>
  (await hub.api('/api/building', { token: admin })).body as unknown as Building;
const catalogue = async (): Promise<Catalogue> =>
  (await hub.api('/api/services')).body as unknown as Catalogue;
const settingsOf = ({ logo: _logo, ...settings }: Building['site']): SiteSettings => settings;
const saveSite = (body: unknown, token = admin) =>
  hub.api('/api/building/site', { method: 'PUT', token, body });
const fieldsOf = (body: Record<string, unknown>) =>
  (body.error as unknown as { fields: { path: string; message: string }[] }).fields;

describe('saving the site settings alone', () => {
  it('when the admin saves the site, then it is live at once, audited, every socket hears building:changed, and the stored logo stays', async () => {
    const logo = await hub.api('/api/logos/site', {
      method: 'PUT',
      token: admin,
      body: { logo: TINY_PNG },
    });
    expect(logo.status).toBe(200);
    const logoUrl = (await catalogue()).site.logoUrl;
    expect(logoUrl).toMatch(/^\/api\/logos\/site\?v=/);
    const kiosk = await hub.client(await hub.device('kiosk'));
    const heard: BuildingChanged[] = [];
    kiosk.socket.on('building:changed', (change) => heard.push(change));
    const before = await current();

    const saved = await saveSite({
      ...settingsOf(before.site),
      name: 'MPP Kota Harapan',
      autoServeOnCall: !before.site.autoServeOnCall,
    });

    expect(saved).toMatchObject({ status: 200, body: { ok: true } });
    expect((await catalogue()).site).toMatchObject({ name: 'MPP Kota Harapan', logoUrl });
    const after = await current();
    expect(after.site).toEqual({
      ...before.site,
      name: 'MPP Kota Harapan',
      autoServeOnCall: !before.site.autoServeOnCall,
    });
    expect(after.site.logo).toBe(TINY_PNG);
    expect({ ...after, site: before.site }).toEqual(before);
    await until(() => heard.length > 0);
    expect(heard[0]).toMatchObject({ action: 'building.site' });
    const { body } = await hub.api('/api/audit?action=building.site', { token: admin });
    expect((body.entries as AuditEntry[])[0]!.detail.site).toEqual({
      name: { before: before.site.name, after: 'MPP Kota Harapan' },
      autoServeOnCall: { before: before.site.autoServeOnCall, after: !before.site.autoServeOnCall },
    });
  });

  it.each([
    ['carries a logo', { logo: TINY_PNG }, '(root)'],
    ['has a loopback public address', { publicUrl: 'http://127.0.0.1:8080' }, 'publicUrl'],
    ['closes before it opens', { hours: { mon: { open: '15:00', close: '08:00' } } }, 'hours.mon'],
  ])('when the body %s, then it is 400 on that field and nothing changes', async (_, bad, path) => {
    const before = await current();

    const { status, body } = await saveSite({ ...settingsOf(before.site), ...bad });

    expect(status).toBe(400);
    expect(fieldsOf(body).map((f) => f.path)).toContainEqual(expect.stringContaining(path));
    expect(await current()).toEqual(before);
  });

  it('when a supervisor, a kiosk or nobody saves the site, then it is refused', async () => {
    const site = settingsOf((await current()).site);
    expect((await saveSite(site, await hub.login('spv.disdukcapil'))).status).toBe(403);
    expect((await saveSite(site, await hub.device('kiosk'))).status).toBe(403);
    expect((await hub.api('/api/building/site', { method: 'PUT', body: site })).status).toBe(401);
  });

  it('when a site save adds a holiday on a booked day, then that booking is cancelled with the reason', async () => {
    const building = await current();
    const put = await hub.api('/api/building', {
      method: 'PUT',
      token: admin,
      body: {
        ...building,
        services: building.services.map((s) => ({
          ...s,
          booking: s.id === SERVICE ? SETTINGS : null,
        })),
      },
    });
    expect(put.status).toBe(200);
    const nik = '3171010101900042';
    const booked = await apiFrom('127.0.0.41', `${hub.url}/api/bookings`, {
      body: { serviceId: SERVICE, date: THURSDAY, sessionId: 'siang', name: 'Siti Aminah', nik },
    });
    expect(booked.status).toBe(201);
    const site = (await current()).site;

    const saved = await saveSite({
      ...settingsOf(site),
      holidays: [...site.holidays, { date: THURSDAY, name: 'Cuti bersama' }],
    });

    expect(saved.status).toBe(200);
    const shown = await hub.api(`/api/bookings/${booked.body.code as string}`, {
      headers: { 'x-antre-nik': nik },
    });
    expect(shown.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'holiday: Cuti bersama',
    });
  });
});
