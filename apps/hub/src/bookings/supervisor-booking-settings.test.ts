import type { BookingSettings, Building } from '@antre/domain';
import { ErrorBodySchema } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

// An agency's supervisor runs its own antrean online (sessions, places, closed days) through
// the service endpoint of their agency, as they do its quota and hours. Real hub on port 0.

const KK = 'disdukcapil-kartu-keluarga';
const SETTINGS: BookingSettings = {
  sessions: [
    { id: 'pagi', start: '08:00', end: '10:00', places: 12 },
    { id: 'siang', start: '10:00', end: '12:00', places: 8 },
  ],
  daysAhead: 14,
  cutoff: { kind: 'day_before', at: '16:00' },
  onlineOnly: [],
  checkInEarlyMinutes: 30,
  checkInLateMinutes: 15,
  lateArrival: 'refuse',
  ticketMark: 'B',
  closedDates: [{ date: '2026-12-01', name: 'Rapat kerja' }],
};

let hub: TestHub;
let spv: string;

const serviceOf = async (id: string) => {
  const building = (await hub.api('/api/building', { token: spv })).body as unknown as Building;
  return building.services.find((s) => s.id === id)!;
};
const patch = (agencyId: string, serviceId: string, body: unknown, token = spv) =>
  hub.api(`/api/agencies/${agencyId}/services/${serviceId}`, { token, body });

beforeAll(async () => {
  hub = await startTestHub();
  spv = await hub.login('spv.disdukcapil');
});
afterAll(async () => hub.close());

describe("a supervisor and their agency's online booking", () => {
  it('when the Disdukcapil supervisor sets sessions and a closed day, then the hub keeps them', async () => {
    const saved = await patch('disdukcapil', KK, { booking: SETTINGS });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await serviceOf(KK)).booking).toEqual(SETTINGS);
  });

  it('when a session ends before it starts, then the field is named and nothing is saved', async () => {
    const bad = {
      ...SETTINGS,
      sessions: [{ id: 'pagi', start: '10:00', end: '08:00', places: 12 }],
    };
    const refused = await patch('disdukcapil', KK, { booking: bad });
    expect(refused.status).toBe(400);
    const fields = ErrorBodySchema.parse(refused.body).error.fields ?? [];
    expect(fields.map((f) => f.path)).toContain('booking.sessions.0.end');
    expect((await serviceOf(KK)).booking).toEqual(SETTINGS);
  });

  it('when the supervisor turns it off, then the service takes no bookings', async () => {
    expect((await patch('disdukcapil', KK, { booking: null })).status).toBe(200);
    expect((await serviceOf(KK)).booking ?? null).toBeNull();
  });

  it("when they reach for another agency's booking, or an officer tries, then it is refused", async () => {
    const building = (await hub.api('/api/building', { token: spv })).body as unknown as Building;
    const satpas = building.services.find((s) => s.agencyId === 'satpas')!;
    const other = await patch('satpas', satpas.id, { booking: SETTINGS });
    expect(other.status).toBe(403);
    expect((await serviceOf(satpas.id)).booking ?? null).toEqual(satpas.booking ?? null);
    const officer = await hub.login('petugas.disdukcapil');
    expect((await patch('disdukcapil', KK, { booking: SETTINGS }, officer)).status).toBe(403);
  });
});
