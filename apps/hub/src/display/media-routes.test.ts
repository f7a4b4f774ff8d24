import type { BuildingChanged, MediaItem } from '@antre/protocol';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub, until } from '../testing/test-hub';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
}, 60_000);
afterAll(async () => hub?.close());

// A real 1x1 PNG: the hub checks what the bytes are, not only what the sender says.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFQ5EAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function put(name: string, body: Buffer, type: string, token: string | null = admin) {
  const response = await fetch(`${hub.url}/api/display/media/${name}`, {
    method: 'PUT',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const list = async () =>
  (await hub.api('/api/display/media', { token: admin })).body as unknown as MediaItem[];

describe('board media uploads', () => {
  it('when the admin uploads an image, then it is listed, served, boards refetch, and deleting removes it', async () => {
    const board = await hub.client(await hub.device('display', ['lantai-1']));
    const heard: BuildingChanged[] = [];
    board.socket.on('building:changed', (c) => heard.push(c));

    const uploaded = await put('Jadwal%20Loket.png', PNG, 'image/png');
    expect(uploaded).toMatchObject({
      status: 201,
      body: { name: 'Jadwal Loket.png', kind: 'image', url: '/api/media/Jadwal%20Loket.png' },
    });
    expect(await list()).toEqual([uploaded.body]);
    const served = await fetch(`${hub.url}/api/media/Jadwal%20Loket.png`);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
    await until(() => heard.some((c) => c.action === 'media.upload'));
    // No half-written upload is left behind under its hidden name.
    expect(readdirSync(join(hub.dataDir, 'media'))).toEqual(['Jadwal Loket.png']);

    const deleted = await hub.api('/api/display/media/Jadwal%20Loket.png', {
      token: admin,
      method: 'DELETE',
    });
    expect(deleted).toMatchObject({ status: 200, body: [] });
    await until(() => heard.some((c) => c.action === 'media.delete'));
    expect(
      (await hub.api('/api/display/media/Jadwal%20Loket.png', { token: admin, method: 'DELETE' }))
        .status,
    ).toBe(404);
    const audit = await hub.api('/api/audit?action=media.', { token: admin });
    expect((audit.body.entries as { action: string }[]).map((e) => e.action)).toEqual([
      'media.delete',
      'media.upload',
    ]);
  });

  it.each([
    ['a script', 'pasang.js', 'image/png', 400],
    ['a name that leaves the folder', '..%2Fantre.db.png', 'image/png', 400],
    ['a hidden name', '.x.png', 'image/png', 400],
    ['a type that does not match', 'foto.png', 'video/mp4', 415],
    ['a JSON body', 'foto.png', 'application/json', 400],
  ])(
    'when the admin sends %s, then it is refused and nothing is stored',
    async (_c, name, type, status) => {
      const refused = await put(name, PNG, type);
      expect(refused.status).toBe(status);
      expect(refused.body.ok).toBe(false);
      expect(await list()).toEqual([]);
    },
  );

  it.each([
    [
      'a web page named as a PNG',
      'foto.png',
      Buffer.from('<html><script>alert(1)</script>'),
      'image/png',
    ],
    ['a PNG named and sent as a JPEG', 'foto.jpg', PNG, 'image/jpeg'],
    ['a PNG sent as a video', 'iklan.mp4', PNG, 'video/mp4'],
  ])(
    'when the admin sends %s, then its content is refused and nothing is stored',
    async (_c, name, body, type) => {
      const refused = await put(name, body, type);
      expect(refused).toMatchObject({
        status: 415,
        body: { ok: false, error: { fields: [{ path: 'file' }] } },
      });
      expect(await list()).toEqual([]);
      expect(readdirSync(join(hub.dataDir, 'media'))).toEqual([]);
    },
  );

  it('when an image is larger than 20 MB, then it is refused and nothing is left', async () => {
    const refused = await put('besar.jpg', Buffer.alloc(20 * 1024 * 1024 + 1), 'image/jpeg');
    expect(refused.status).toBe(413);
    expect(await list()).toEqual([]);
    expect(
      existsSync(join(hub.dataDir, 'media')) ? readdirSync(join(hub.dataDir, 'media')) : [],
    ).toEqual([]);
  });

  it('when someone other than the admin uploads or deletes, then it is refused', async () => {
    const officer = await hub.login('petugas.disdukcapil');
    expect((await put('foto.png', PNG, 'image/png', officer)).status).toBe(403);
    expect((await put('foto.png', PNG, 'image/png', await hub.device('display'))).status).toBe(403);
    expect((await put('foto.png', PNG, 'image/png', null)).status).toBe(401);
    const del = await hub.api('/api/display/media/foto.png', { token: officer, method: 'DELETE' });
    expect(del.status).toBe(403);
  });
});
