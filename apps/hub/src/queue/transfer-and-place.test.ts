import type { HubClient } from '@antre/client';
import type { TrackingView } from '@antre/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { MONDAY_MORNING, startTestHub, until } from '../testing/test-hub';

const HOUR = 3_600_000;
const KTP = 'disdukcapil-ktp-el'; // Loket 1, 2, 5 on Lantai 1; the building's hours
const SIM_A = 'satpas-perpanjangan-sim-a'; // Loket 15–17 on Lantai 2; 08:00–14:00

let hub: TestHub;
let officer: HubClient;
let phone: HubClient;

/** A KTP-el ticket called at Loket 1, with a phone following it. */
async function calledAtLoket1(): Promise<{ code: string; views: TrackingView[] }> {
  const issued = await officer.command('ticket:issue', { serviceId: KTP, priority: null });
  if (!issued.ok) throw new Error(issued.error.message);
  const { code, id } = issued.value.tickets[0]!;
  const views: TrackingView[] = [];
  const watched = await phone.watchTicket(code);
  if (watched.ok) views.push(watched.value);
  phone.on('ticket:tracked', (v) => {
    if (v.code === code) views.push(v);
  });
  const called = await officer.command('counter:call', { counterId: 'loket-1', ticketId: id });
  if (!called.ok) throw new Error(called.error.message);
  return { code, views };
}

beforeAll(async () => {
  hub = await startTestHub();
  officer = await hub.client(await hub.login('spv.disdukcapil'));
  phone = await hub.client();
  await officer.command('counter:open', { counterId: 'loket-1' });
}, 60_000);
afterAll(async () => hub.close(), 60_000);

describe('where a visitor goes, on the phone', () => {
  it('when a ticket waits, then its page names the counters and the floor of its service, before the call', async () => {
    const issued = await officer.command('ticket:issue', { serviceId: KTP, priority: null });
    const code = issued.ok ? issued.value.tickets[0]!.code : '';
    const { body } = await hub.api(`/api/tickets/${code}`);
    expect(body).toMatchObject({
      status: 'waiting',
      place: {
        counterNumbers: [1, 2, 5],
        zones: [{ id: 'lantai-1', name: 'Lantai 1 — Aula Utama' }],
      },
      today: { hours: 'open', openCounters: 1, pausedCounters: 0 },
    });
  });

  it('when a ticket is transferred to a service on another floor, then the phone says the new place', async () => {
    const { views } = await calledAtLoket1();
    await until(() => views.some((v) => v.counter?.number === 1));
    expect(views.at(-1)?.place.counterNumbers).toEqual([1]);
    const sent = await officer.command('counter:transfer', {
      counterId: 'loket-1',
      toServiceId: SIM_A,
      note: 'KTP-el sudah jadi, lanjut SIM A',
    });
    expect(sent.ok).toBe(true);
    await until(() => views.at(-1)?.serviceId === SIM_A);
    expect(views.at(-1)).toMatchObject({
      status: 'waiting',
      place: { counterNumbers: [15, 16, 17], zones: [{ id: 'lantai-2' }] },
      // Nobody at Satpas has opened a counter: the phone must not say "you're next".
      today: { hours: 'open', openCounters: 0 },
    });
  });
});

describe('a transfer to a service closed for the rest of the day', () => {
  it('when Satpas has closed at 14:00, then the hub refuses with service_closed and the ticket stays at Loket 1', async () => {
    hub.setNow(MONDAY_MORNING + 5.5 * HOUR); // 14:30 WIB
    const { code } = await calledAtLoket1();
    const refused = await officer.command('counter:transfer', {
      counterId: 'loket-1',
      toServiceId: SIM_A,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'service_closed' } });
    expect(refused.ok ? '' : refused.error.message).toContain('closed_for_day');
    const { body } = await hub.api(`/api/tickets/${code}`);
    expect(body).toMatchObject({ serviceId: KTP, counter: { number: 1 } });
    const stats = (await hub.api('/api/services')).body as unknown as {
      agencies: { services: { id: string; today: unknown }[] }[];
    };
    const simA = stats.agencies.flatMap((a) => a.services).find((s) => s.id === SIM_A);
    expect(simA?.today).toMatchObject({ hours: 'closed_today', closedReason: 'closed_for_day' });
  });

  it('when the target only has its counters on a break, then the transfer is allowed', async () => {
    await officer.command('counter:open', { counterId: 'loket-3' });
    await officer.command('counter:pause', { counterId: 'loket-3', reason: 'Salat' });
    const sent = await officer.command('counter:transfer', {
      counterId: 'loket-1',
      toServiceId: 'disdukcapil-kartu-keluarga',
    });
    expect(sent.ok).toBe(true);
  });
});
