import type { Building } from '@antre/domain';
import type { CallView, TrackingView } from '@antre/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from './testing/test-hub';
import { startTestHub, until } from './testing/test-hub';

let hub: TestHub;
let building: Building;
// The demo building serves on call (one key per visitor): a called ticket is already serving.
const CALLED = 'serving';

beforeEach(async () => {
  hub = await startTestHub();
  const token = await hub.login('admin');
  building = (await hub.api('/api/building', { token })).body as unknown as Building;
});
afterEach(async () => hub.close());

/** The first counter of an agency, one of its services, and a zone with no counter of it. */
function place(agencyId: string) {
  const counter = building.counters.find((c) => c.agencyId === agencyId)!;
  const serviceId = counter.services[0]!.serviceId;
  const otherZone = building.zones.find((z) => z.id !== counter.zoneId)!;
  return { counter, serviceId, zoneId: counter.zoneId, otherZoneId: otherZone.id };
}

describe('a ticket from kiosk to counter', () => {
  it('when a kiosk issues and prints and a counter calls, then the zone display and the tracking page hear it and another zone does not', async () => {
    const { counter, serviceId, zoneId, otherZoneId } = place('disdukcapil');
    const kiosk = await hub.client(await hub.device('kiosk'));
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    const display = await hub.client(await hub.device('display', [zoneId]));
    const elsewhere = await hub.client(await hub.device('display', [otherZoneId]));
    const phone = await hub.client();
    const otherCalls: CallView[] = [];
    elsewhere.onDelta((d) => otherCalls.push(...d.calls));

    const issued = await kiosk.command('ticket:issue', { serviceId, priority: null });
    expect(issued.ok).toBe(true);
    const ticket = issued.ok ? issued.value.tickets[0]! : null;
    expect(ticket?.status).toBe('printing');
    expect(ticket?.label).toMatch(/^[A-Z]{1,2}-001$/);

    const watched = await phone.watchTicket(ticket!.code);
    expect(watched.ok && watched.value.status).toBe('printing');
    const tracked: TrackingView[] = [];
    phone.on('ticket:tracked', (v) => tracked.push(v));

    expect(
      (await kiosk.command('ticket:print-result', { ticketId: ticket!.id, printed: true })).ok,
    ).toBe(true);
    expect((await officer.command('counter:open', { counterId: counter.id })).ok).toBe(true);
    const call = await officer.command('counter:call-next', { counterId: counter.id });
    expect(call.ok && call.value.tickets[0]?.id).toBe(ticket!.id);

    await until(() => display.state.calls.some((c) => c.ticketId === ticket!.id));
    const shown = display.state.calls.find((c) => c.ticketId === ticket!.id)!;
    expect(shown).toMatchObject({
      label: ticket!.label,
      counterNumber: counter.number,
      zoneId,
      recall: false,
    });
    await until(() => tracked.some((v) => v.status === CALLED));
    expect(tracked.at(-1)?.counter).toEqual({ name: counter.name, number: counter.number });
    await until(() => officer.state.tickets.get(ticket!.id)?.status === CALLED);
    expect(otherCalls).toEqual([]);
    expect(elsewhere.state.calls).toEqual([]);
  });

  it('when the print fails, then the ticket is void and never reaches a counter', async () => {
    const { counter, serviceId } = place('disdukcapil');
    const kiosk = await hub.client(await hub.device('kiosk'));
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    const issued = await kiosk.command('ticket:issue', { serviceId, priority: null });
    const ticket = issued.ok ? issued.value.tickets[0]! : null;
    const voided = await kiosk.command('ticket:print-result', {
      ticketId: ticket!.id,
      printed: false,
      reason: 'paper_out',
    });
    expect(voided.ok && voided.value.tickets[0]?.status).toBe('void');
    await officer.command('counter:open', { counterId: counter.id });
    const call = await officer.command('counter:call-next', { counterId: counter.id });
    expect(call).toMatchObject({ ok: false, error: { code: 'queue_empty' } });
  });

  it('when a command is retried with the same id, then it runs once and returns the first result', async () => {
    const { counter, serviceId } = place('disdukcapil');
    const staff = await hub.client(await hub.login('petugas.disdukcapil'));
    await staff.command('ticket:issue', { serviceId, priority: null });
    await staff.command('ticket:issue', { serviceId, priority: null });
    await staff.command('counter:open', { counterId: counter.id });
    const first = await staff.command(
      'counter:call-next',
      { counterId: counter.id },
      'retry-call-0001',
    );
    const again = await staff.command(
      'counter:call-next',
      { counterId: counter.id },
      'retry-call-0001',
    );
    expect(again).toEqual(first);
    const called = [...staff.state.tickets.values()].filter((t) => t.status === CALLED);
    expect(called).toHaveLength(1);
  });

  it('when two counters race for one ticket, then only one gets it', async () => {
    const [a, b] = building.counters.filter((c) => c.agencyId === 'disdukcapil');
    const shared = a!.services.find((l) =>
      b!.services.some((m) => m.serviceId === l.serviceId),
    )!.serviceId;
    const one = await hub.client(await hub.login('petugas.disdukcapil'));
    const two = await hub.client(await hub.login('spv.disdukcapil'));
    const issued = await one.command('ticket:issue', { serviceId: shared, priority: null });
    expect(issued.ok).toBe(true);
    await one.command('counter:open', { counterId: a!.id });
    await two.command('counter:open', { counterId: b!.id });
    const results = await Promise.all([
      one.command('counter:call-next', { counterId: a!.id }),
      two.command('counter:call-next', { counterId: b!.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['queue_empty']);
  });
});

describe('a hub restart mid-day', () => {
  it('when the hub restarts, then clients re-sync, nothing is lost and no number is reused', async () => {
    const { counter, serviceId } = place('disdukcapil');
    const token = await hub.login('petugas.disdukcapil');
    const officer = await hub.client(token);
    for (let i = 0; i < 3; i += 1)
      await officer.command('ticket:issue', { serviceId, priority: null });
    await officer.command('counter:open', { counterId: counter.id });
    await officer.command('counter:call-next', { counterId: counter.id });
    await until(() => officer.state.tickets.size === 3);
    const before = officer.state;

    await hub.restart();
    await until(
      () => officer.connection === 'online' && officer.state.hubEpoch !== before.hubEpoch,
    );
    expect([...officer.state.tickets.values()].map((t) => [t.label, t.status]).sort()).toEqual(
      [...before.tickets.values()].map((t) => [t.label, t.status]).sort(),
    );
    expect(officer.state.counters.get(counter.id)?.ticketId).toBe(
      before.counters.get(counter.id)?.ticketId,
    );
    const next = await officer.command('ticket:issue', { serviceId, priority: null });
    expect(next.ok && next.value.tickets[0]?.number).toBe(4);
  });
});

describe('a print left unfinished by a crash', () => {
  it('when the hub restarts with a ticket still printing, then it joins the queue at its arrival and can be called', async () => {
    const { counter, serviceId } = place('disdukcapil');
    const kiosk = await hub.client(await hub.device('kiosk'));
    const issued = await kiosk.command('ticket:issue', { serviceId, priority: null });
    const ticket = issued.ok ? issued.value.tickets[0]! : null;
    expect(ticket?.status).toBe('printing');

    await hub.restart(); // the print's outcome was never reported
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    expect((await officer.command('counter:open', { counterId: counter.id })).ok).toBe(true);
    const call = await officer.command('counter:call-next', { counterId: counter.id });
    expect(call.ok && call.value.tickets[0]).toMatchObject({ id: ticket!.id, status: CALLED });
  });
});
