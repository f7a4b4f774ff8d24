import type { Building } from '@antre/domain';
import { bookingSettings } from '@antre/domain/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

// In a service's online-only hours a kiosk gets no walk-in number; the refusal says until
// when as data (`error.detail.time`), so the kiosk words it without reading the message.
// Real hub on port 0; the clock is Monday 23 November 2026, 09:00 WIB.

const SERVICE = 'disdukcapil-akta-kelahiran';
const SETTINGS = bookingSettings({
  sessions: [{ id: 'pagi', start: '08:00', end: '10:00', places: 10 }],
  cutoff: { kind: 'before_session', minutes: 0 },
  onlineOnly: [{ open: '08:00', close: '09:30' }],
});

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  const admin = await hub.login('admin');
  const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  const saved = await hub.api('/api/building', {
    method: 'PUT',
    token: admin,
    body: {
      ...building,
      services: building.services.map((s) => (s.id === SERVICE ? { ...s, booking: SETTINGS } : s)),
    },
  });
  expect(saved.status).toBe(200);
});
afterAll(async () => hub.close());

describe('a walk-in in online-only hours', () => {
  it('when a kiosk asks for a number, then the refusal carries the time walk-ins resume, also on a retry', async () => {
    const kiosk = await hub.client(await hub.device('kiosk'));
    const command = { commandId: 'online-only-1', serviceId: SERVICE, priority: null };

    const first = await kiosk.request('kiosk:issue', { ...command, printBy: 'self' });
    const retried = await kiosk.request('kiosk:issue', { ...command, printBy: 'self' });

    const refusal = { ok: false, error: { code: 'online_only', detail: { time: '09:30' } } };
    expect(first).toMatchObject(refusal);
    expect(retried).toMatchObject(refusal);
  });
});
