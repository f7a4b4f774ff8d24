import type { Building } from '@antre/domain';
import type { AuditEntry } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { DEMO_PASSWORD, MONDAY_MORNING, startTestHub } from '../testing/test-hub';

let hub: TestHub;
let admin: string;
let spvId: string;
let ticketLabel: string;
let counterId: string;

const audit = async (query = ''): Promise<AuditEntry[]> => {
  const { status, body } = await hub.api(`/api/audit${query}`, { token: admin });
  expect(status).toBe(200);
  return body.entries as AuditEntry[];
};

// A morning of work: the admin renames a zone, a supervisor changes a quota and adds an
// officer, and an officer calls a ticket. Each later test filters this one history.
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
  const login = await hub.api('/api/auth/login', {
    body: { username: 'spv.disdukcapil', password: DEMO_PASSWORD },
  });
  const spv = login.body.token as string;
  spvId = (login.body.user as { id: string }).id;

  const building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
  building.zones[0]!.name = 'Lantai Satu';
  await hub.api('/api/building', { method: 'PUT', token: admin, body: building });

  hub.advance(60_000);
  const counter = building.counters.find((c) => c.agencyId === 'disdukcapil')!;
  counterId = counter.id;
  const serviceId = counter.services[0]!.serviceId;
  await hub.api(`/api/agencies/disdukcapil/services/${serviceId}`, {
    token: spv,
    body: { dailyQuota: 80 },
  });
  await hub.api('/api/users', {
    token: spv,
    body: {
      username: 'petugas.baru',
      displayName: 'Baru',
      role: 'officer',
      agencyId: 'disdukcapil',
      password: 'rahasia-789',
    },
  });

  hub.advance(60_000);
  const issued = await hub.api('/api/tickets', { token: admin, body: { serviceId } });
  ticketLabel = issued.body.label as string;
  const officer = await hub.client(await hub.login('petugas.disdukcapil'));
  await officer.command('counter:open', { counterId });
  await officer.command('counter:call-next', { counterId });
  await officer.command('counter:start', { counterId });
  await officer.command('counter:finish', { counterId });
  const template = (await hub.api('/api/ticket-template', { token: admin })).body;
  await hub.api('/api/ticket-template', {
    method: 'PUT',
    token: admin,
    body: { template: `${template.template as string}\n` },
  });
});
afterAll(async () => hub.close());

describe('the audit log', () => {
  it('when nothing is filtered, then configuration changes and queue actions come together, newest first', async () => {
    const entries = await audit();

    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'building.replace',
        'service.update',
        'user.create',
        'ticket:issued',
        'ticket:called',
      ]),
    );
    const times = entries.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const replace = entries.find((e) => e.action === 'building.replace')!;
    expect(replace).toMatchObject({
      source: 'config',
      actorName: 'Administrator',
      detail: { changed: ['zones/lantai-1'], ip: '127.0.0.1' },
    });
  });

  it('when filtered by action, then only those come back, queue actions with their ticket and counter', async () => {
    const users = await audit('?action=user.');
    const calls = await audit('?action=ticket:called');

    expect(users.map((e) => e.action)).toEqual(['user.create']);
    expect(users[0]).toMatchObject({ actorUserId: spvId, detail: { username: 'petugas.baru' } });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ source: 'queue', target: ticketLabel, counterId });
  });

  it('when filtered by actor and by time, then only that person and that window come back', async () => {
    const bySupervisor = await audit(`?actor=${spvId}`);
    const firstMinute = await audit(`?from=${MONDAY_MORNING}&to=${MONDAY_MORNING + 60_000}`);
    const later = await audit(`?from=${new Date(MONDAY_MORNING + 60_000).toISOString()}&limit=2`);

    expect(bySupervisor.map((e) => e.action).sort()).toEqual(['service.update', 'user.create']);
    expect(firstMinute.map((e) => e.action)).toEqual(['building.replace']);
    expect(later).toHaveLength(2);
    expect(later.every((e) => e.at >= MONDAY_MORNING + 60_000)).toBe(true);
  });

  it('when an officer works a counter, then each queue action says from which address and counter', async () => {
    const queue = await audit('?action=ticket');

    const worked = queue.filter((e) =>
      ['ticket:called', 'ticket:serving', 'ticket:done'].includes(e.action),
    );
    expect(worked).toHaveLength(3);
    for (const entry of worked)
      expect(entry).toMatchObject({
        actorName: expect.any(String),
        target: ticketLabel,
        counterName: expect.any(String),
        serviceName: expect.any(String),
        detail: { ip: '127.0.0.1' },
      });
    const issued = queue.find((e) => e.action === 'ticket:issued')!;
    expect(issued.detail).toMatchObject({ ip: '127.0.0.1', client: expect.any(String) });
  });

  it('when filtered by a family, then "ticket" is every ticket action but not the ticket template', async () => {
    const tickets = await audit('?action=ticket');
    const templates = await audit('?action=ticket-template');
    const users = await audit('?action=user');

    expect(tickets.length).toBeGreaterThanOrEqual(4);
    expect(tickets.every((e) => e.action.startsWith('ticket:'))).toBe(true);
    expect(templates.map((e) => e.action)).toEqual(['ticket-template.update']);
    expect(users.map((e) => e.action)).toEqual(['user.create']);
  });

  it('when a change names a person or a service, then the entry carries the name beside the id', async () => {
    const entries = await audit('?action=service.update');
    const users = await audit('?action=user.');

    expect(entries[0]!.targetName).toEqual(expect.any(String));
    expect(entries[0]!.targetName).not.toBe(entries[0]!.target);
    expect(users[0]!.targetName).toBe('Baru (petugas.baru)');
  });

  it('when a supervisor asks or the query is bad, then it is refused', async () => {
    const spv = await hub.login('spv.disdukcapil');
    expect((await hub.api('/api/audit', { token: spv })).status).toBe(403);
    expect((await hub.api('/api/audit?limit=0', { token: admin })).status).toBe(400);
    expect((await hub.api('/api/audit?from=yesterday', { token: admin })).status).toBe(400);
  });
});
