import type { Building } from '@antre/domain';
import type {
  AuditEntry,
  BuildingChanged,
  BuildingFile,
  Catalogue,
  DisplayBoard,
} from '@antre/protocol';
import { fieldError } from '@antre/protocol';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub, until } from '../testing/test-hub';
import { withoutLogos } from './logo-files';

let hub: TestHub;
let admin: string;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
});
afterAll(async () => hub.close());

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// A real 1×1 PNG, as a browser's canvas would make one.
const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const pngOf = (bytes: number) =>
  `data:image/png;base64,${Buffer.concat([PNG_SIGNATURE, randomBytes(bytes - 8)]).toString('base64')}`;

const current = async (token = admin): Promise<Building> =>
  (await hub.api('/api/building', { token })).body as unknown as Building;
const catalogue = async (): Promise<Catalogue> =>
  (await hub.api('/api/services')).body as unknown as Catalogue;
const put = (body: unknown, token = admin) =>
  hub.api('/api/building', { method: 'PUT', token, body });
const putLogo = (key: string, logo: unknown, token = admin) =>
  hub.api(`/api/logos/${key}`, { method: 'PUT', token, body: { logo } });
const removeLogo = (key: string, token = admin) =>
  hub.api(`/api/logos/${key}`, { method: 'DELETE', token });
const withLogos = (b: Building, site: string | undefined, agency: string): Building => ({
  ...b,
  site: { ...b.site, logo: site },
  agencies: b.agencies.map((a, i) => (i === 0 ? { ...a, logo: agency } : a)),
});

describe('logos', () => {
  it('when the admin saves a site and an agency logo, then the catalogue and the board link them by a versioned URL that serves the bytes', async () => {
    const before = await current();
    const agency = before.agencies[0]!;
    expect((await put(withLogos(before, TINY_PNG, TINY_PNG))).status).toBe(200);

    const shown = await catalogue();
    const url = shown.agencies.find((a) => a.id === agency.id)!.logoUrl!;
    expect(url).toMatch(new RegExp(`^/api/logos/agencies/${agency.id}\\?v=[\\w-]{16}$`));
    expect(shown.site.logoUrl).toMatch(/^\/api\/logos\/site\?v=/);
    expect(shown.agencies.find((a) => a.id !== agency.id)?.logoUrl).toBeUndefined();
    expect(JSON.stringify(shown)).not.toContain('base64');

    const response = await fetch(`${hub.url}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toContain('immutable');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.toString('base64')).toBe(TINY_PNG.split(',')[1]);
    const again = await fetch(`${hub.url}/api/logos/agencies/${agency.id}`, {
      headers: { 'if-none-match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect((await fetch(`${hub.url}/api/logos/agencies/no-such-agency`)).status).toBe(404);

    const display = await hub.device('display', [before.zones[0]!.id]);
    const board = (await hub.api('/api/display/board', { token: display }))
      .body as unknown as DisplayBoard;
    expect(board.agencies.find((a) => a.id === agency.id)?.logoUrl).toBe(url);
    expect(board.site.logoUrl).toBe(shown.site.logoUrl);
    // Devices get the building without the bytes; the admin, who edits them, with them.
    expect(JSON.stringify(await current(await hub.device('kiosk')))).not.toContain('base64');
    expect((await current()).agencies[0]!.logo).toBe(TINY_PNG);
  });

  it('when a logo is changed, then its URL changes so apps fetch it again', async () => {
    const before = await current();
    const old = (await catalogue()).agencies[0]!.logoUrl;
    expect((await put(withLogos(before, TINY_PNG, pngOf(2_000)))).status).toBe(200);
    const now = (await catalogue()).agencies[0]!.logoUrl;
    expect(now).toBeDefined();
    expect(now).not.toBe(old);
  });

  it.each([
    ['a GIF', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', 'image_type'],
    ['JPEG bytes said to be PNG', 'data:image/png;base64,/9j/4AAQSkZJRg==', 'image_type'],
    ['a link, not the bytes', 'https://example.org/logo.png', 'image_type'],
    ['over 200 KB', pngOf(205 * 1024), 'image_too_big'],
  ] as const)(
    'when an agency logo is %s, then it is 400 on agencies.0.logo and nothing changes',
    async (_, logo, rule) => {
      const before = await current();
      const { status, body } = await put(withLogos(before, undefined, logo));
      expect(status).toBe(400);
      const fields = (body.error as unknown as { fields: unknown[] }).fields;
      expect(fields).toContainEqual(fieldError('agencies.0.logo', rule));
      expect(await current()).toEqual(before);
    },
  );

  it('when the building with several large logos is saved, then it is accepted past the usual body limit, but only from a signed-in admin', async () => {
    const before = await current();
    const big = {
      ...before,
      agencies: before.agencies.map((a, i) => (i < 3 ? { ...a, logo: pngOf(150_000) } : a)),
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(512 * 1024);
    expect((await hub.api('/api/building', { method: 'PUT', body: big })).status).toBe(401);
    expect((await put(big, await hub.login('spv.disdukcapil'))).status).toBe(403);
    expect((await put(big)).status).toBe(200);
    expect((await catalogue()).agencies.filter((a) => a.logoUrl).length).toBe(3);
  });

  it('when the building is exported and imported again, then the logos travel inside the file', async () => {
    const file = (await hub.api('/api/building/export', { token: admin }))
      .body as unknown as BuildingFile;
    expect(file.building.agencies[0]!.logo).toMatch(/^data:image\/png;base64,/);
    expect(file.building.site.logo).toBe(TINY_PNG);
    const urls = (await catalogue()).agencies.map((a) => a.logoUrl);

    const agencies = (await current()).agencies.filter((a) => a.logo);
    expect((await removeLogo('site')).status).toBe(200);
    for (const a of agencies) expect((await removeLogo(`agencies/${a.id}`)).status).toBe(200);
    expect((await catalogue()).agencies.every((a) => a.logoUrl === undefined)).toBe(true);
    expect((await fetch(`${hub.url}/api/logos/site`)).status).toBe(404);

    const imported = await hub.api('/api/building/import', { token: admin, body: file });
    expect(imported.status).toBe(200);
    expect((await catalogue()).agencies.map((a) => a.logoUrl)).toEqual(urls);
    expect((await fetch(`${hub.url}/api/logos/site`)).headers.get('content-type')).toBe(
      'image/png',
    );
  });
});

describe('logos on their own endpoints', () => {
  it('when the admin uploads an agency logo, then it is served, linked, audited, and every socket hears building:changed', async () => {
    const kiosk = await hub.client(await hub.device('kiosk'));
    const heard: BuildingChanged[] = [];
    kiosk.socket.on('building:changed', (change) => heard.push(change));
    const logo = pngOf(3_000);

    const { status, body } = await putLogo('agencies/samsat', logo);

    expect(status).toBe(200);
    expect(body.logoUrl).toMatch(/^\/api\/logos\/agencies\/samsat\?v=[\w-]{16}$/);
    expect((await catalogue()).agencies.find((a) => a.id === 'samsat')?.logoUrl).toBe(body.logoUrl);
    const served = await fetch(`${hub.url}${body.logoUrl as string}`);
    expect(Buffer.from(await served.arrayBuffer()).toString('base64')).toBe(logo.split(',')[1]);
    expect((await current()).agencies.find((a) => a.id === 'samsat')?.logo).toBe(logo);
    await until(() => heard.length > 0);
    expect(heard[0]).toMatchObject({ action: 'building.logo' });
    const audit = await hub.api('/api/audit?action=building.logo', { token: admin });
    expect((audit.body.entries as AuditEntry[])[0]).toMatchObject({
      target: 'samsat',
      detail: { logo: expect.stringMatching(/ → 3 KB$/) },
    });
  });

  it('when a building without logos is saved, then the stored logos stay; only their own endpoint removes one', async () => {
    expect((await putLogo('site', TINY_PNG)).status).toBe(200);
    const before = await current();
    const urls = await catalogue();
    const renamed = {
      ...withoutLogos(before),
      zones: before.zones.map((z) => ({ ...z, name: `${z.name} (baru)` })),
    };

    expect((await put(renamed)).status).toBe(200);

    const after = await current();
    expect(after.site.logo).toBe(TINY_PNG);
    expect(after.agencies.map((a) => a.logo)).toEqual(before.agencies.map((a) => a.logo));
    expect((await catalogue()).agencies.map((a) => a.logoUrl)).toEqual(
      urls.agencies.map((a) => a.logoUrl),
    );

    expect((await removeLogo('site')).body).toEqual({ ok: true, logoUrl: null });
    expect((await current()).site.logo).toBeUndefined();
    expect((await fetch(`${hub.url}/api/logos/site`)).status).toBe(404);
    // Removing what is not there changes nothing and says so plainly.
    expect((await removeLogo('site')).body).toEqual({ ok: true, logoUrl: null });
  });

  it.each([
    ['a GIF', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', 'image_type'],
    ['over 200 KB', pngOf(205 * 1024), 'image_too_big'],
  ] as const)(
    'when an uploaded logo is %s, then it is 400 on logo and nothing changes',
    async (_, logo, rule) => {
      const before = await current();
      const { status, body } = await putLogo('site', logo);
      expect(status).toBe(400);
      expect((body.error as unknown as { fields: unknown[] }).fields).toContainEqual(
        fieldError('logo', rule),
      );
      expect(await current()).toEqual(before);
    },
  );

  it('when the agency does not exist, or the caller is not the admin, then the logo is refused', async () => {
    expect((await putLogo('agencies/no-such-agency', TINY_PNG)).status).toBe(404);
    expect((await removeLogo('agencies/no-such-agency')).status).toBe(404);
    const spv = await hub.login('spv.disdukcapil');
    expect((await putLogo('agencies/disdukcapil', TINY_PNG, spv)).status).toBe(403);
    expect((await removeLogo('site', spv)).status).toBe(403);
    expect((await putLogo('site', TINY_PNG, '')).status).toBe(401);
  });
});
