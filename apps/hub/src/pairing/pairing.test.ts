import type { DeviceSummary, FieldError, PairingStatus, PairingTicket } from '@antre/protocol';
import { fieldError } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { apiFrom } from '../testing/from-address';
import { startTestHub, until } from '../testing/test-hub';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
});
afterAll(async () => hub.close());

async function ask(role: 'kiosk' | 'display'): Promise<PairingTicket> {
  const { status, body } = await hub.api('/api/pairing', { body: { role } });
  expect(status).toBe(201);
  return body as unknown as PairingTicket;
}

async function poll(ticket: PairingTicket, secret = ticket.secret) {
  const { status, body } = await hub.api(
    `/api/pairing/${ticket.pairingId}?secret=${encodeURIComponent(secret)}`,
  );
  return { status, body: body as unknown as PairingStatus & { error?: { code: string } } };
}

const approve = (code: string, role: 'kiosk' | 'display', extra: object = {}) =>
  hub.api('/api/pairing/approve', {
    token: admin,
    body: { code, role, name: `${role} lobby`, zoneIds: ['lantai-1'], ...extra },
  });

let paired = 0;
async function pair(
  role: 'kiosk' | 'display',
  name = `${role} ${++paired}`,
): Promise<{ token: string; deviceId: string }> {
  const ticket = await ask(role);
  expect((await approve(ticket.code, role, { name })).status).toBe(200);
  const { body } = await poll(ticket);
  return { token: body.token!, deviceId: body.deviceId! };
}

const fieldsOf = (body: Record<string, unknown>) =>
  (body.error as { fields?: FieldError[] }).fields ?? [];

const devices = async (): Promise<DeviceSummary[]> =>
  (await hub.api('/api/devices', { token: admin })).body.devices as DeviceSummary[];

describe('device pairing', () => {
  it('when a kiosk asks and the admin approves its code, then it receives its token once and the token works', async () => {
    const ticket = await ask('kiosk');
    expect(ticket.code).toMatch(/^[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}$/);
    expect((await poll(ticket)).body).toMatchObject({ status: 'pending' });
    const pending = (await hub.api('/api/pairing', { token: admin })).body.pending as object[];
    expect(pending).toContainEqual(expect.objectContaining({ code: ticket.code.replace('-', '') }));

    // Typed as an officer might: lower case, no dash.
    const approved = await approve(ticket.code.replace('-', '').toLowerCase(), 'kiosk');
    expect(approved.status).toBe(200);

    const first = await poll(ticket);
    expect(first.body).toMatchObject({ status: 'approved', deviceId: approved.body.deviceId });
    const token = first.body.token!;
    expect((await poll(ticket)).body.token).toBeUndefined();

    const me = await hub.api('/api/devices/me', { token });
    expect(me).toMatchObject({ status: 200, body: { role: 'kiosk', name: 'kiosk lobby' } });
    const client = await hub.client(token);
    expect(client.connection).toBe('online');
    await until(() => client.connection === 'online');
    const listed = (await devices()).find((d) => d.id === approved.body.deviceId);
    expect(listed).toMatchObject({ online: true, connections: 1, revokedAt: null });
    expect(listed?.lastSeenAt).toEqual(expect.any(Number));
  });

  it('when a display is paired the same way, then its board loads with the token', async () => {
    const { token } = await pair('display');
    const board = await hub.api('/api/display/board', { token });
    expect(board.status).toBe(200);
  });

  it('when the code is wrong, expired, rejected or for another role, then approval is refused and no device is made', async () => {
    const before = (await devices()).length;
    const wrong = await approve('AAA-AAA', 'kiosk');
    expect(wrong).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(JSON.stringify(wrong.body)).toContain('AAA-AAA');
    // The admin app words each refusal by its field, never by the English message.
    expect(fieldsOf(wrong.body)).toEqual([fieldError('code', 'pairing_code_unknown')]);
    const malformed = await approve('K0O-1IX', 'kiosk');
    expect(malformed.status).toBe(400);

    const display = await ask('display');
    const asKiosk = await approve(display.code, 'kiosk');
    expect(asKiosk.status).toBe(409);
    expect(fieldsOf(asKiosk.body)).toEqual([
      fieldError('role', 'device_app', { variant: 'display' }),
    ]);

    const rejected = await ask('kiosk');
    expect(
      (await hub.api('/api/pairing/reject', { token: admin, body: { code: rejected.code } }))
        .status,
    ).toBe(200);
    expect((await poll(rejected)).body.status).toBe('rejected');
    expect((await approve(rejected.code, 'kiosk')).status).toBe(404);

    const late = await ask('kiosk');
    hub.advance(10 * 60_000 + 1);
    const expired = await approve(late.code, 'kiosk');
    expect(expired).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(JSON.stringify(expired.body)).toContain('expired');
    expect(fieldsOf(expired.body)).toEqual([fieldError('code', 'pairing_code_expired')]);
    expect((await poll(late)).body.status).toBe('expired');
    expect((await devices()).length).toBe(before);
  });

  it('when the approval gives bad settings or an unknown zone, then it is refused by field and the device still waits', async () => {
    const ticket = await ask('display');
    const refused = await approve(ticket.code, 'display', {
      zoneIds: ['lantai-9'],
      settings: { recentCalls: -1, colour: 'merah' },
    });
    expect(refused.status).toBe(400);
    const paths = (refused.body.error as unknown as { fields: { path: string }[] }).fields.map(
      (f) => f.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['settings.recentCalls', 'zoneIds.0']));
    expect((await poll(ticket)).body.status).toBe('pending');
    const ok = await approve(ticket.code, 'display', { settings: { runningText: 'Halo' } });
    expect(ok.status).toBe(200);
    const audit = await hub.api('/api/audit?action=device.approve', { token: admin });
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ target: ok.body.deviceId, action: 'device.approve' }),
    );
  });

  it('when the secret is wrong or pairing is asked by a non-admin, then nothing is revealed', async () => {
    const ticket = await ask('kiosk');
    expect((await poll(ticket, 'guess')).status).toBe(404);
    const officer = await hub.login('petugas.disdukcapil');
    expect((await hub.api('/api/pairing', { token: officer })).status).toBe(403);
    const byOfficer = await hub.api('/api/pairing/approve', {
      token: officer,
      body: { code: ticket.code, role: 'kiosk', name: 'x' },
    });
    expect(byOfficer.status).toBe(403);
    expect((await hub.api('/api/devices', { token: officer })).status).toBe(403);
  });

  it('when a device is revoked, then its socket is cut at once and its token gets 401', async () => {
    const { token, deviceId } = await pair('kiosk');
    const client = await hub.client(token);
    expect(client.connection).toBe('online');
    const notices: string[] = [];
    client.socket.on('hub:notice', (notice) => notices.push(notice.code));

    const revoked = await hub.api(`/api/devices/${deviceId}/revoke`, { token: admin, body: {} });
    expect(revoked).toMatchObject({ status: 200, body: { revokedAt: expect.any(Number) } });
    await until(() => client.connection !== 'online');
    expect(client.socket.connected).toBe(false);
    expect(notices).toEqual(['device_revoked']);

    expect((await hub.api('/api/devices/me', { token })).status).toBe(401);
    client.socket.connect();
    await until(() => client.connection === 'refused');
    expect((await devices()).find((d) => d.id === deviceId)).toMatchObject({ online: false });
  });

  it('when a device is renamed and reassigned, then the list and its profile show it', async () => {
    const { token, deviceId } = await pair('display');
    const changed = await hub.api(`/api/devices/${deviceId}`, {
      token: admin,
      body: { name: 'Papan lantai 2', zoneIds: ['lantai-2'] },
    });
    expect(changed).toMatchObject({
      status: 200,
      body: { name: 'Papan lantai 2', zoneIds: ['lantai-2'] },
    });
    expect((await hub.api('/api/devices/me', { token })).body).toMatchObject({
      name: 'Papan lantai 2',
    });
    expect((await hub.api(`/api/devices/nope`, { token: admin, body: { name: 'x' } })).status).toBe(
      404,
    );
    expect(
      (await hub.api(`/api/devices/${deviceId}`, { token: admin, body: { name: '' } })).status,
    ).toBe(400);
  });

  it('when a name is already used by another device in use, then approving or renaming to it is refused on the name field', async () => {
    const first = await pair('kiosk', 'Kios Lantai 2');
    const before = (await devices()).length;
    const again = await ask('kiosk');
    const twin = await approve(again.code, 'kiosk', { name: ' kios lantai 2 ' });
    expect(twin.status).toBe(400);
    expect(fieldsOf(twin.body)).toEqual([fieldError('name', 'device_name_used')]);
    expect((await devices()).length).toBe(before);
    expect((await poll(again)).body.status).toBe('pending');

    const other = await pair('kiosk', 'Kios Lantai 3');
    const rename = (id: string, name: string) =>
      hub.api(`/api/devices/${id}`, { token: admin, body: { name } });
    const clash = await rename(other.deviceId, 'Kios Lantai 2');
    expect(clash.status).toBe(400);
    expect(fieldsOf(clash.body).map((f) => f.path)).toEqual(['name']);
    // Saving a device under its own name is no clash.
    expect((await rename(first.deviceId, 'Kios Lantai 2')).status).toBe(200);

    // A revoked device gives its name back.
    await hub.api(`/api/devices/${first.deviceId}/revoke`, { token: admin, body: {} });
    expect((await rename(other.deviceId, 'Kios Lantai 2')).status).toBe(200);
  });

  it('when one address asks for pairing too often, then it is told to wait, and others are not', async () => {
    const askFrom = (address: string) =>
      apiFrom(address, `${hub.url}/api/pairing`, { body: { role: 'kiosk' } });
    for (let i = 0; i < 20; i++) expect((await askFrom('127.0.0.3')).status).toBe(201);
    const refused = await askFrom('127.0.0.3');
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    expect((refused.body.error as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(
      0,
    );
    expect((await askFrom('127.0.0.4')).status).toBe(201);
  });
});
