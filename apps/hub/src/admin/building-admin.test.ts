import { fieldError } from '@antre/protocol';
import type { Building } from '@antre/domain';
import type { BuildingChanged, Catalogue } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub, until } from '../testing/test-hub';

let hub: TestHub;
let admin: string;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
});
afterAll(async () => hub.close());

const current = async (): Promise<Building> =>
  (await hub.api('/api/building', { token: admin })).body as unknown as Building;
const catalogue = async (): Promise<Catalogue> =>
  (await hub.api('/api/services')).body as unknown as Catalogue;
const put = (body: unknown, token = admin) =>
  hub.api('/api/building', { method: 'PUT', token, body });

describe('replacing the configuration', () => {
  it('when the admin renames a service and sets its quota, then the catalogue shows it at once and every socket hears building:changed', async () => {
    const kiosk = await hub.client(await hub.device('kiosk'));
    const heard: BuildingChanged[] = [];
    kiosk.socket.on('building:changed', (change) => heard.push(change));
    const building = await current();
    const service = building.services.find((s) => s.active)!;
    const next = {
      ...building,
      services: building.services.map((s) =>
        s.id === service.id ? { ...s, name: 'Layanan Baru Diubah', dailyQuota: 7 } : s,
      ),
    };

    const saved = await put(next);

    expect(saved).toMatchObject({ status: 200, body: { ok: true } });
    const shown = (await catalogue()).agencies
      .flatMap((a) => a.services)
      .find((s) => s.id === service.id);
    expect(shown).toMatchObject({ name: 'Layanan Baru Diubah', dailyQuota: 7 });
    await until(() => heard.length > 0);
    expect(heard[0]).toMatchObject({ action: 'building.replace' });
  });

  it('when the body has several bad fields, then it is 400 with each path and nothing changes', async () => {
    const before = await current();
    const broken = structuredClone(before);
    broken.services[0]!.prefix = 'abc';
    broken.counters[0]!.services[0]!.serviceId = 'no-such-service';
    broken.zones = [];

    const { status, body } = await put(broken);

    expect(status).toBe(400);
    const paths = (body.error as unknown as { fields: { path: string }[] }).fields.map(
      (f) => f.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['services.0.prefix', 'zones']));
    expect(await current()).toEqual(before);
  });

  it('when a change would remove a service with a ticket waiting today, then it is 409 and nothing changes', async () => {
    const before = await current();
    const counter = before.counters[0]!;
    const serviceId = counter.services[0]!.serviceId;
    const issued = await hub.api('/api/tickets', { token: admin, body: { serviceId } });
    expect(issued.status).toBe(201);
    const next = {
      ...before,
      services: before.services.filter((s) => s.id !== serviceId),
      counters: before.counters
        .map((c) => ({ ...c, services: c.services.filter((l) => l.serviceId !== serviceId) }))
        .filter((c) => c.services.length > 0),
    };

    const { status, body } = await put(next);

    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'conflict' });
    expect((body.error as unknown as { message: string }).message).toMatch(/open today/);
    const service = before.services.find((s) => s.id === serviceId)!;
    expect((body.error as unknown as { reasons: unknown }).reasons).toEqual([
      { code: 'service_open_tickets', name: service.name, label: issued.body.label },
    ]);
    expect(await current()).toEqual(before);
  });

  it('when a change would remove a counter an officer has open, then it is 409 and nothing changes', async () => {
    const before = await current();
    const counter = before.counters.find((c) => c.agencyId === 'samsat')!;
    const officer = await hub.client(await hub.login('petugas.samsat'));
    expect((await officer.command('counter:open', { counterId: counter.id })).ok).toBe(true);

    const { status, body } = await put({
      ...before,
      counters: before.counters.filter((c) => c.id !== counter.id),
    });

    expect(status).toBe(409);
    expect((body.error as unknown as { message: string }).message).toMatch(/is open now/);
    expect((body.error as unknown as { reasons: unknown }).reasons).toEqual([
      { code: 'counter_open', name: counter.name },
    ]);
    expect(await current()).toEqual(before);
  });

  it('when an agency that people belong to is removed, then it is 409 with the reason agency_in_use and nothing changes', async () => {
    const base = await current();
    const added = {
      ...base,
      agencies: [...base.agencies, { id: 'dinsos', name: 'Dinas Sosial', shortName: 'Dinsos' }],
    };
    expect((await put(added)).status).toBe(200);
    const user = await hub.api('/api/users', {
      token: admin,
      body: {
        username: 'petugas.dinsos',
        displayName: 'Petugas Dinsos',
        role: 'officer',
        agencyId: 'dinsos',
      },
    });
    expect(user.status).toBe(201);
    const before = await current();

    const { status, body } = await put({ ...before, agencies: base.agencies });

    expect(status).toBe(409);
    expect(body.error).toMatchObject({
      code: 'conflict',
      message: 'Not saved: Agency Dinas Sosial is still in use (users or history refer to it)',
      reasons: [{ code: 'agency_in_use', name: 'Dinas Sosial' }],
    });
    expect(await current()).toEqual(before);
  });

  it('when a supervisor or a kiosk puts a configuration, then it is refused', async () => {
    const building = await current();
    expect((await put(building, await hub.login('spv.disdukcapil'))).status).toBe(403);
    expect((await put(building, await hub.device('kiosk'))).status).toBe(403);
  });
});

describe('export and import', () => {
  it('when the admin exports, then one JSON file comes back that imports again', async () => {
    const response = await fetch(`${hub.url}/api/building/export`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="antre-building-\d{4}-\d\d-\d\d\.json"/,
    );
    const file = (await response.json()) as { format: string; building: Building };
    expect(file.format).toBe('antre-building');
    expect(file.building).toEqual(await current());
    file.building.zones[0]!.name = 'Lantai Dasar';

    const imported = await hub.api('/api/building/import', { token: admin, body: file });

    expect(imported.status).toBe(200);
    expect((await current()).zones[0]!.name).toBe('Lantai Dasar');
  });

  it('when an imported file has a counter pointing at a missing service, then it is 400 and nothing changes', async () => {
    const before = await current();
    const file = (await hub.api('/api/building/export', { token: admin })).body as unknown as {
      building: Building;
    };
    file.building.counters[2]!.services[0]!.serviceId = 'layanan-hilang';
    file.building.site.name = 'Should Not Be Saved';

    const { status, body } = await hub.api('/api/building/import', { token: admin, body: file });

    expect(status).toBe(400);
    expect((body.error as unknown as { fields: unknown[] }).fields).toEqual([
      fieldError('building.counters.2.services.0.serviceId', 'unknown_service'),
    ]);
    expect(await current()).toEqual(before);
  });
});

describe("a supervisor's own services", () => {
  it('when a supervisor changes the quota, target wait and hours of their service, then it is saved and public', async () => {
    const building = await current();
    const service = building.services.find((s) => s.agencyId === 'disdukcapil')!;
    const spv = await hub.login('spv.disdukcapil');

    const { status } = await hub.api(`/api/agencies/disdukcapil/services/${service.id}`, {
      token: spv,
      body: {
        dailyQuota: 42,
        targetWaitMinutes: 25,
        hours: { mon: { open: '08:00', close: '12:00' } },
      },
    });

    expect(status).toBe(200);
    const after = (await current()).services.find((s) => s.id === service.id)!;
    expect(after).toMatchObject({ dailyQuota: 42, targetWaitMinutes: 25, name: service.name });
    expect(after.hours).toEqual({ mon: { open: '08:00', close: '12:00' } });
  });

  it("when a supervisor changes another agency's service, or a field they may not, then it is refused", async () => {
    const building = await current();
    const other = building.services.find((s) => s.agencyId !== 'disdukcapil')!;
    const own = building.services.find((s) => s.agencyId === 'disdukcapil')!;
    const spv = await hub.login('spv.disdukcapil');
    const post = (path: string, body: unknown) => hub.api(path, { token: spv, body });

    const foreign = await post(`/api/agencies/${other.agencyId}/services/${other.id}`, {
      dailyQuota: 1,
    });
    const smuggled = await post(`/api/agencies/disdukcapil/services/${other.id}`, {
      dailyQuota: 1,
    });
    const renamed = await post(`/api/agencies/disdukcapil/services/${own.id}`, { name: 'X' });

    expect(foreign.status).toBe(403);
    expect(smuggled.status).toBe(404);
    expect(renamed.status).toBe(400);
    expect(await current()).toEqual(building);
  });
});
