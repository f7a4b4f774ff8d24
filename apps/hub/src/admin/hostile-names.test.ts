import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
});
afterAll(() => hub.close());

describe('hostile names', () => {
  it('when an agency is renamed with a bidi override and printer control bytes, then 400 names the field and the catalogue is unchanged', async () => {
    const catalogue = (await hub.api('/api/services')).body;
    const building = (await hub.api('/api/building', { token: admin })).body as {
      agencies: { name: string }[];
    };
    const agency = building.agencies[0]!;
    agency.name = `Dinas \u202eLIVIS\u202c \u001b@\u001dV\u0000`;

    const answer = await hub.api('/api/building', { method: 'PUT', token: admin, body: building });

    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'bad_request',
      fields: [{ path: 'agencies.0.name', rule: 'unsafe_text' }],
    });
    expect((await hub.api('/api/services')).body).toEqual(catalogue);
  });

  it('when a person is made with a NUL in their name, then 400 and nobody is made', async () => {
    const before = (await hub.api('/api/users', { token: admin })).body;
    const answer = await hub.api('/api/users', {
      token: admin,
      body: { username: 'budi.hostile', displayName: 'Budi\u0000', role: 'admin', agencyId: null },
    });
    expect(answer.status).toBe(400);
    expect((await hub.api('/api/users', { token: admin })).body).toEqual(before);
  });
});
