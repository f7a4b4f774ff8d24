import type { Building } from '@antre/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

// A building save changes counters in place: one kept is never deleted and inserted again,
// so its row, its open session and the ticket its officer holds outlive a save of another.

let hub: TestHub;
let admin: string;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.login('admin');
});
afterAll(async () => hub.close());

const current = async (): Promise<Building> =>
  (await hub.api('/api/building', { token: admin })).body as unknown as Building;

/**
 * A row of the test's own per counter, deleted with it (cascade): a counter deleted and
 * inserted again loses its probe, on either engine.
 */
async function probeCounters(): Promise<void> {
  await hub.sql.run(
    `CREATE TABLE counter_probes (
       counter_id TEXT PRIMARY KEY REFERENCES counters(id) ON DELETE CASCADE
     )`,
  );
  await hub.sql.run('INSERT INTO counter_probes (counter_id) SELECT id FROM counters');
}
const probed = async (): Promise<string[]> =>
  (await hub.sql.all<{ counter_id: string }>('SELECT counter_id FROM counter_probes'))
    .map((r) => r.counter_id)
    .sort();

const counterState = (counterId: string) =>
  hub.sql.get('SELECT status, ticket_id, officer_id FROM counter_states WHERE counter_id = ?', [
    counterId,
  ]);

describe('counters saved in place', () => {
  it('when the admin saves a building that renames, renumbers, adds and removes other counters, then an open counter keeps its row, its session and its called ticket', async () => {
    const before = await current();
    const open = before.counters.find((c) => c.id === 'loket-6')!;
    const issued = await hub.api('/api/tickets', {
      token: admin,
      body: { serviceId: open.services[0]!.serviceId },
    });
    expect(issued.status).toBe(201);
    const officer = await hub.client(await hub.login('petugas.samsat'));
    expect((await officer.command('counter:open', { counterId: open.id })).ok).toBe(true);
    const called = await officer.command('counter:call-next', { counterId: open.id });
    expect(called.ok).toBe(true);
    const session = await counterState(open.id);
    expect(session).toMatchObject({ status: 'open', ticket_id: expect.any(String) });
    await probeCounters();
    const kept = before.counters.map((c) => c.id).filter((id) => id !== 'loket-35');

    const renumbered = (c: Building['counters'][number]) =>
      c.id === 'loket-8' ? { ...c, number: 9 } : c.id === 'loket-9' ? { ...c, number: 8 } : c;
    const edited = before.counters
      .filter((c) => c.id !== 'loket-35')
      .map(renumbered)
      .map((c) => (c.id === 'loket-7' ? { ...c, name: 'Loket 7 — Samsat Keliling' } : c))
      .map((c) => (c.id === 'loket-10' ? { ...c, services: [...c.services].reverse() } : c));
    const added = { ...before.counters.at(-1)!, id: 'loket-36', number: 36, name: 'Loket 36' };
    // Sent in reverse: re-inserting every counter would give each a new row.
    const next = { ...before, counters: [...edited, added].reverse() };

    const saved = await hub.api('/api/building', { method: 'PUT', token: admin, body: next });

    expect(saved.status).toBe(200);
    // Every kept counter keeps its probe; the removed one's went with it.
    expect(await probed()).toEqual([...kept].sort());
    expect(await counterState(open.id)).toEqual(session);
    const stored = new Map((await current()).counters.map((c) => [c.id, c]));
    expect(stored.has('loket-35')).toBe(false);
    expect(stored.has('loket-36')).toBe(true);
    expect(stored.get('loket-8')?.number).toBe(9);
    expect(stored.get('loket-9')?.number).toBe(8);
    expect(stored.get('loket-7')?.name).toBe('Loket 7 — Samsat Keliling');
    const relinked = before.counters.find((c) => c.id === 'loket-10')!;
    expect(stored.get('loket-10')?.services).toEqual([...relinked.services].reverse());
    expect(stored.get('loket-6')).toEqual(open);
    // The officer carries on at the same counter with the same ticket.
    const recalled = await officer.command('counter:recall', { counterId: open.id });
    expect(recalled.ok).toBe(true);
  });
});
