import type { Building } from '@antre/domain';
import { SKM_ELEMENTS } from '@antre/domain';
import type { IkmReport } from '@antre/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

let hub: TestHub;
let building: Building;
let adminToken: string;

beforeEach(async () => {
  hub = await startTestHub();
  adminToken = await hub.login('admin');
  building = (await hub.api('/api/building', { token: adminToken })).body as unknown as Building;
});
afterEach(async () => hub.close());

const answers = (score: number) => Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score]));

/** Issues a ticket of the agency's first counter's service; serves it to done unless told. */
async function ticketOf(agencyId: string, serve = true) {
  const counter = building.counters.find((c) => c.agencyId === agencyId)!;
  const serviceId = counter.services[0]!.serviceId;
  const issued = await hub.api('/api/tickets', { token: adminToken, body: { serviceId } });
  const code = issued.body.code as string;
  if (serve) {
    const officer = await hub.client(await hub.login(`petugas.${agencyId}`));
    for (const name of [
      'counter:open',
      'counter:call-next',
      'counter:start',
      'counter:finish',
    ] as const) {
      const ack = await officer.command(name, { counterId: counter.id });
      expect(ack.ok, name).toBe(true);
    }
  }
  return { code, serviceId };
}

const survey = (code: string, body: unknown) => hub.api(`/api/tickets/${code}/survey`, { body });

describe('the SKM survey', () => {
  it('when a served visitor answers, then the answer counts once and the report shows it', async () => {
    const { code, serviceId } = await ticketOf('disdukcapil');
    expect((await hub.api(`/api/tickets/${code}/survey`)).body).toMatchObject({
      open: true,
      reason: 'open',
    });
    const first = await survey(code, { answers: answers(4), ageBand: '30-39', channel: 'phone' });
    expect(first.status).toBe(201);
    const again = await survey(code, { answers: answers(1) });
    expect(again.status).toBe(409);
    expect((await hub.api(`/api/tickets/${code}/survey`)).body).toMatchObject({
      open: false,
      reason: 'answered',
    });

    const report = (
      await hub.api('/api/reports/ikm?from=2026-11-23&to=2026-11-23', { token: adminToken })
    ).body as unknown as IkmReport;
    expect(report.building).toMatchObject({ respondents: 1, served: 1, target: 1, ikm: 100 });
    expect(report.building.grade).toBe('A');
    const service = report.services.find((s) => s.serviceId === serviceId)!;
    expect(service).toMatchObject({ respondents: 1, ikm: 100, label: 'Sangat Baik' });
    const agency = report.agencies.find((a) => a.agencyId === 'disdukcapil')!;
    expect(agency.elements.map((e) => e.nrr)).toEqual(SKM_ELEMENTS.map(() => 4));
    expect(report.agencies.find((a) => a.agencyId !== 'disdukcapil')?.ikm).toBeNull();
  });

  it('when the ticket is not served yet, then the survey is closed and nothing is saved', async () => {
    const { code } = await ticketOf('disdukcapil', false);
    expect((await hub.api(`/api/tickets/${code}/survey`)).body).toMatchObject({
      open: false,
      reason: 'not_served',
    });
    expect((await survey(code, { answers: answers(3) })).status).toBe(409);
    const report = await hub.api('/api/reports/ikm?from=2026-11-23&to=2026-11-23', {
      token: adminToken,
    });
    expect((report.body as unknown as IkmReport).building.respondents).toBe(0);
  });

  it.each([
    ['a score of 5', { answers: { ...answers(3), U5: 5 } }],
    ['a missing element', { answers: { ...answers(3), U9: undefined } }],
    ['a text score', { answers: { ...answers(3), U1: 'baik' } }],
    ['an unknown demographic', { answers: answers(3), sex: 'x' }],
    ['an extra field such as a NIK', { answers: answers(3), nik: '3171234567890001' }],
  ])('when the body has %s, then it is refused with 400 and nothing is saved', async (_, body) => {
    const { code } = await ticketOf('disdukcapil');
    const answer = await survey(code, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('bad_request');
    expect((await hub.api(`/api/tickets/${code}/survey`)).body).toMatchObject({ open: true });
  });

  it('when the code is unknown, then 404', async () => {
    expect((await survey('ZZZZZZZZZZZZ', { answers: answers(3) })).status).toBe(404);
  });
});

describe('reports and feedback access', () => {
  it('when a supervisor asks, then only their agency is reported, and another agency is refused', async () => {
    const token = await hub.login('spv.disdukcapil');
    const own = await hub.api('/api/reports/ikm?from=2026-11-01&to=2026-11-30', { token });
    expect(own.status).toBe(200);
    const report = own.body as unknown as IkmReport;
    expect(report.agencies.map((a) => a.agencyId)).toEqual(['disdukcapil']);
    expect(report.services.every((s) => s.agencyId === 'disdukcapil')).toBe(true);
    const other = building.agencies.find((a) => a.id !== 'disdukcapil')!.id;
    const refused = await hub.api(
      `/api/reports/ikm?from=2026-11-01&to=2026-11-30&agencyId=${other}`,
      { token },
    );
    expect(refused.status).toBe(403);
  });

  it.each([
    ['no token', '/api/reports/ikm?from=2026-11-01&to=2026-11-30', undefined, 401],
    ['an officer', '/api/reports/ikm?from=2026-11-01&to=2026-11-30', 'petugas.disdukcapil', 403],
    ['a bad date', '/api/reports/ikm?from=2026-13-01&to=2026-11-30', 'admin', 400],
    ['from after to', '/api/reports/ikm?from=2026-12-01&to=2026-11-30', 'admin', 400],
  ])('when asked with %s (%s as %s), then %i', async (_, path, user, status) => {
    const token = user ? await hub.login(user) : undefined;
    expect((await hub.api(path, token ? { token } : {})).status).toBe(status);
  });

  it('when the public sends feedback, then it reaches that agency’s supervisor and no other', async () => {
    const { code } = await ticketOf('disdukcapil', false);
    const sent = await hub.api('/api/feedback', {
      body: {
        agencyId: 'disdukcapil',
        kind: 'complaint',
        message: 'Antrean lama sekali',
        ticketCode: code,
      },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.laporUrl).toBe('https://www.lapor.go.id');
    const spv = await hub.login('spv.disdukcapil');
    const mine = (await hub.api('/api/feedback', { token: spv })).body as unknown as {
      message: string;
      ticketLabel: string;
    }[];
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ message: 'Antrean lama sekali' });
    expect(mine[0]!.ticketLabel).toMatch(/-001$/);
    const otherAgency = building.agencies.find((a) => a.id !== 'disdukcapil')!.id;
    const other = await hub.login(`spv.${otherAgency}`);
    expect((await hub.api('/api/feedback', { token: other })).body).toEqual([]);
    const bad = await hub.api('/api/feedback', {
      body: { agencyId: 'nope', kind: 'complaint', message: 'Antrean lama sekali' },
    });
    expect(bad.status).toBe(400);
  });
});
