import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { MONDAY_MORNING, startTestHub } from '../testing/test-hub';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
}, 60_000);
afterAll(async () => hub?.close());

// Device names are unique among devices in use; each made here gets its own.
let boards = 0;
async function display(zoneIds: string[], settings: Record<string, unknown> = {}) {
  const { body } = await hub.api('/api/devices', {
    token: admin,
    body: { name: `Papan uji ${++boards}`, role: 'display', zoneIds, settings },
  });
  return body.token as string;
}

const raw = (path: string) => fetch(`${hub.url}${path}`);

describe("a display board's configuration", () => {
  it("when a display asks, then it gets its zones and their counters, its settings with defaults and the hub's clock", async () => {
    const token = await display(['lantai-2'], { recentCalls: 12 });
    // The hub refuses a bad setting when it is written; one stored by an older hub still reads.
    const id = (await hub.api('/api/devices/me', { token })).body.id as string;
    const stored = await hub.sql.run('UPDATE devices SET settings = ? WHERE id = ?', [
      JSON.stringify({ recentCalls: 12, voiceLanguages: 'xx' }),
      id,
    ]);
    expect(stored.changes).toBe(1);
    const { status, body } = await hub.api('/api/display/board', { token });
    expect(status).toBe(200);
    expect(body.now).toBe(MONDAY_MORNING);
    expect(body.zones).toEqual([{ id: 'lantai-2', name: expect.any(String) }]);
    const counters = body.counters as { zoneId: string }[];
    expect(counters.length).toBeGreaterThan(0);
    expect(counters.every((c) => c.zoneId === 'lantai-2')).toBe(true);
    // A bad value falls back to its default; the others are kept.
    expect(body.settings).toMatchObject({ recentCalls: 12, voiceLanguages: ['id'], voice: true });
  });

  it.each([
    ['nobody', undefined, 401],
    ['an officer', 'officer', 403],
    ['a kiosk', 'kiosk', 403],
  ])(
    'when %s asks, then it is refused',
    async (_who, as, status) => {
      const token =
        as === 'officer'
          ? await hub.login('petugas.disdukcapil')
          : as === 'kiosk'
            ? await hub.device('kiosk')
            : undefined;
      const response = await hub.api('/api/display/board', token ? { token } : {});
      expect(response.status).toBe(status);
      expect(response.body.ok).toBe(false);
    },
    30_000,
  );
});

describe('audio clips', () => {
  it('when a generated clip is asked for, then it is served as WAV', async () => {
    const response = await raw('/api/audio/id/seratus');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await response.arrayBuffer()).toString('ascii', 0, 4)).toBe('RIFF');
  });

  it("when the site has its own recording of a clip, then the site's file is served", async () => {
    mkdirSync(join(hub.dataDir, 'audio', 'id'), { recursive: true });
    writeFileSync(join(hub.dataDir, 'audio', 'id', 'loket.mp3'), 'ID3 site recording');
    const response = await raw('/api/audio/id/loket');
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(await response.text()).toBe('ID3 site recording');
  });

  it.each([
    ['/api/audio/id/tidak-ada', 404],
    ['/api/audio/fr/satu', 400],
    ['/api/audio/id/..%2F..%2Fantre.db', 400],
    ['/api/audio/id/SATU', 400],
  ])('when %s is asked for, then the answer is %i', async (path, status) => {
    const response = await raw(path);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { ok: boolean }).ok).toBe(false);
  });
});

describe('board media', () => {
  it('when the admin puts images and videos in the media folder, then boards list and fetch them, and nothing else', async () => {
    const dir = join(hub.dataDir, 'media');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '02 jadwal.png'), 'png');
    writeFileSync(join(dir, '01-info.mp4'), 'mp4');
    writeFileSync(join(dir, 'catatan.txt'), 'not media');
    writeFileSync(join(dir, '.hidden.png'), 'hidden');
    const { status, body } = await hub.api('/api/display/media', { token: admin });
    expect(status).toBe(200);
    expect(body).toEqual([
      { name: '01-info.mp4', kind: 'video', url: '/api/media/01-info.mp4' },
      { name: '02 jadwal.png', kind: 'image', url: '/api/media/02%20jadwal.png' },
    ]);
    const image = await raw('/api/media/02%20jadwal.png');
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await raw('/api/media/catatan.txt')).status).toBe(404);
    expect((await raw('/api/media/..%2Fantre.db')).status).toBe(404);
    expect((await hub.api('/api/display/media')).status).toBe(401);

    const token = await display(['lantai-1'], { showMedia: true });
    const board = await hub.api('/api/display/board', { token });
    expect((board.body.media as unknown[]).length).toBe(2);
  });
});
