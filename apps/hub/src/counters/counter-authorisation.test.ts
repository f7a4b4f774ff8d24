import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub, until } from '../testing/test-hub';

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => hub.close());

const KTP = 'disdukcapil-ktp-el';

describe('who may work a counter', () => {
  it('when an officer of another agency commands a Disdukcapil counter over a socket, then it is refused and nothing changes', async () => {
    const own = await hub.client(await hub.login('petugas.disdukcapil'));
    const stranger = await hub.client(await hub.login('petugas.samsat'));
    await own.command('ticket:issue', { serviceId: KTP, priority: null });
    await own.command('counter:open', { counterId: 'loket-1' });
    for (const name of ['counter:call-next', 'counter:close', 'counter:open'] as const) {
      const refused = await stranger.command(name, { counterId: 'loket-1' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const transfer = await stranger.command('counter:transfer', {
      counterId: 'loket-1',
      toServiceId: 'samsat-pajak-tahunan',
    });
    expect(transfer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await until(() => own.state.counters.get('loket-1')?.status === 'open');
    expect(own.state.counters.get('loket-1')?.ticketId).toBeNull();
    expect([...own.state.tickets.values()].map((t) => t.status)).toEqual(['waiting']);
  });

  it('when staff of one agency issue a ticket for another agency, then socket and REST refuse it and no ticket exists; their own agency and the admin may', async () => {
    const satpasToken = await hub.login('spv.satpas');
    const satpas = await hub.client(satpasToken);
    const officer = await hub.client(await hub.login('petugas.satpas'));
    for (const client of [satpas, officer]) {
      const refused = await client.command('ticket:issue', { serviceId: KTP, priority: null });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const rest = await hub.api('/api/tickets', {
      token: satpasToken,
      body: { serviceId: KTP, priority: null },
    });
    expect(rest.status).toBe(403);
    const admin = await hub.client(await hub.login('admin'));
    expect(admin.state.tickets.size).toBe(0);

    const own = await officer.command('ticket:issue', {
      serviceId: 'satpas-perpanjangan-sim-a',
      priority: null,
    });
    expect(own.ok).toBe(true);
    expect((await admin.command('ticket:issue', { serviceId: KTP, priority: null })).ok).toBe(true);
    await until(() => admin.state.tickets.size === 2);
  });

  it('when an officer reaches for a counter another person holds, then the hub refuses; once the supervisor hands it over, it works', async () => {
    const spvToken = await hub.login('spv.disdukcapil');
    const spv = await hub.client(spvToken);
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    await spv.command('ticket:issue', { serviceId: KTP, priority: null });
    expect((await spv.command('counter:open', { counterId: 'loket-1' })).ok).toBe(true);

    for (const name of ['counter:open', 'counter:call-next', 'counter:close'] as const) {
      const refused = await officer.command(name, { counterId: 'loket-1' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }

    const { body: list } = await hub.api('/api/counters/staff', { token: spvToken });
    const staff = list.staff as { id: string; username: string }[];
    expect(staff.map((s) => s.username).sort()).toEqual(['petugas.disdukcapil', 'spv.disdukcapil']);
    const officerId = staff.find((s) => s.username === 'petugas.disdukcapil')!.id;

    const assigned = await hub.api('/api/counters/loket-1/assign', {
      token: spvToken,
      body: { commandId: 'assign-loket-1-a', officerId },
    });
    expect(assigned).toMatchObject({
      status: 200,
      body: { counterId: 'loket-1', officerId, status: 'open' },
    });
    await until(() => officer.state.counters.get('loket-1')?.officerId === officerId);
    const call = await officer.command('counter:call-next', { counterId: 'loket-1' });
    expect(call.ok).toBe(true);
    // The supervisor still may act on every counter of the agency.
    expect((await spv.command('counter:recall', { counterId: 'loket-1' })).ok).toBe(true);
  });

  it('when someone other than the agency supervisor assigns a counter, then it is refused', async () => {
    const spvToken = await hub.login('spv.disdukcapil');
    const { body } = await hub.api('/api/counters/staff', { token: spvToken });
    const officerId = (body.staff as { id: string; role: string }[]).find(
      (s) => s.role === 'officer',
    )!.id;
    const assign = (token: string, counterId = 'loket-2', who = officerId) =>
      hub.api(`/api/counters/${counterId}/assign`, {
        token,
        body: { commandId: `assign-${Math.random().toString(36).slice(2, 12)}`, officerId: who },
      });

    const byOfficer = await assign(await hub.login('petugas.disdukcapil'));
    expect(byOfficer).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const byOtherSupervisor = await assign(await hub.login('spv.samsat'));
    expect(byOtherSupervisor).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    const samsatOfficer = (
      await hub.api('/api/counters/staff', { token: await hub.login('spv.samsat') })
    ).body.staff as { id: string; role: string }[];
    const wrongAgency = await assign(
      spvToken,
      'loket-2',
      samsatOfficer.find((s) => s.role === 'officer')!.id,
    );
    expect(wrongAgency).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    const badBody = await hub.api('/api/counters/loket-2/assign', {
      token: spvToken,
      body: { officerId },
    });
    expect(badBody.status).toBe(400);
    const watcher = await hub.client(spvToken);
    await until(() => watcher.state.hubEpoch !== null);
    expect(watcher.state.counters.get('loket-2')).toBeUndefined();
  });

  it('when a supervisor closes an officer’s idle counter, then it closes and routing stops', async () => {
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    const spv = await hub.client(await hub.login('spv.disdukcapil'));
    await officer.command('counter:open', { counterId: 'loket-1' });
    expect((await spv.command('counter:close', { counterId: 'loket-1' })).ok).toBe(true);
    await officer.command('ticket:issue', { serviceId: KTP, priority: null });
    const call = await officer.command('counter:call-next', { counterId: 'loket-1' });
    expect(call).toMatchObject({ ok: false, error: { code: 'counter_closed' } });
  });
});

describe('the no-show rule', () => {
  it('when an officer marks a called visitor absent before any recall, then the hub refuses until one recall', async () => {
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    await officer.command('ticket:issue', { serviceId: KTP, priority: null });
    await officer.command('counter:open', { counterId: 'loket-1' });
    await officer.command('counter:call-next', { counterId: 'loket-1' });
    const early = await officer.command('counter:no-show', { counterId: 'loket-1' });
    expect(early).toMatchObject({ ok: false, error: { code: 'recall_required' } });
    await officer.command('counter:recall', { counterId: 'loket-1' });
    const absent = await officer.command('counter:no-show', { counterId: 'loket-1' });
    expect(absent.ok && absent.value.tickets[0]?.status).toBe('no_show');
  });
});
