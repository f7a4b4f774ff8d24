import type { DeviceSummary } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
}, 60_000);
afterAll(async () => hub?.close());

const register = (body: object) => hub.api('/api/devices', { token: admin, body });
const deviceCount = async () =>
  ((await hub.api('/api/devices', { token: admin })).body.devices as DeviceSummary[]).length;

describe('registering a device directly (POST /api/devices)', () => {
  it.each([
    ['display', { zoneIds: ['lantai-1'], settings: { recentCalls: 100 } }, 'settings.recentCalls'],
    ['display', { zoneIds: ['lantai-1'], settings: { paperWidth: 80 } }, 'settings'],
    [
      'display',
      { zoneIds: ['lantai-1'], settings: { agencyColumns: ['tidak-ada'] } },
      'settings.agencyColumns.0',
    ],
    ['display', { zoneIds: ['lantai-9'] }, 'zoneIds.0'],
    ['kiosk', { settings: { paperWidth: 57 } }, 'settings.paperWidth'],
    ['kiosk', { settings: { printer: { kind: 'tcp', host: '' } } }, 'settings.printer.host'],
    ['kiosk', { agencyIds: ['disdukcapil', 'tidak-ada'] }, 'agencyIds.1'],
    ['integration', { settings: { voice: true } }, 'settings'],
  ] as const)(
    'when a %s is registered with %j, then it is 400 naming %s and no device is made',
    async (role, place, path) => {
      const before = await deviceCount();
      const refused = await register({ name: `${role} uji`, role, ...place });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'bad_request' });
      const fields = (refused.body.error as unknown as { fields: { path: string }[] }).fields;
      expect(fields.map((f) => f.path)).toContain(path);
      expect(await deviceCount()).toBe(before);
    },
  );

  it('when the settings are right for the role, then the device is made with them', async () => {
    const settings = { printer: { kind: 'virtual' }, paperWidth: 58 };
    const made = await register({
      name: 'Kios uji',
      role: 'kiosk',
      agencyIds: ['samsat'],
      settings,
    });
    expect(made.status).toBe(201);
    const me = await hub.api('/api/devices/me', { token: made.body.token as string });
    expect(me.body).toMatchObject({ role: 'kiosk', agencyIds: ['samsat'], settings });
  });

  it('when a second device is given the name of one in use, then it is 400 on name and none is made; once the first is revoked the name is free', async () => {
    const first = await register({ name: 'Kios Lantai 2', role: 'kiosk' });
    expect(first.status).toBe(201);
    const before = await deviceCount();
    const twin = await register({ name: ' kios lantai 2 ', role: 'kiosk' });
    expect(twin.status).toBe(400);
    const fields = (twin.body.error as unknown as { fields: { path: string }[] }).fields;
    expect(fields.map((f) => f.path)).toEqual(['name']);
    expect(await deviceCount()).toBe(before);

    const id = (await hub.api('/api/devices/me', { token: first.body.token as string })).body
      .id as string;
    expect((await hub.api(`/api/devices/${id}/revoke`, { token: admin, body: {} })).status).toBe(
      200,
    );
    expect((await register({ name: 'Kios Lantai 2', role: 'kiosk' })).status).toBe(201);
  });
});
