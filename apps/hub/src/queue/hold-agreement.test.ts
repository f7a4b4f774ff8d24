import type { HubClient } from '@antre/client';
import { emptyChange, issueTicket } from '@antre/domain';
import type { AuditEntry, KioskIssueResult, Result } from '@antre/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { readDemoBuilding } from '../building/first-start';
import { saveBuilding } from '../building/building-store';
import { openDatabase } from '../db/database';
import { createSqliteSql } from '../db/sql';
import { migrate } from '../db/migrations';
import { MIGRATIONS_DIR } from '../paths';
import type { TestHub } from '../testing/test-hub';
import { MONDAY_MORNING, startTestHub, until } from '../testing/test-hub';
import { openQueueEngine } from './queue-engine';
import { createSqliteQueueStorage } from './queue-storage';

const KTP = 'disdukcapil-ktp-el';
const hubs: TestHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});
async function newHub(): Promise<TestHub> {
  const hub = await startTestHub();
  hubs.push(hub);
  return hub;
}

let taps = 0;
async function issueSelfPrinted(kiosk: HubClient): Promise<{ id: string; label: string }> {
  const result: Result<KioskIssueResult> = await kiosk.socket
    .timeout(10_000)
    .emitWithAck('kiosk:issue', {
      commandId: `late-print-tap-${(taps += 1)}`,
      serviceId: KTP,
      priority: null,
      printBy: 'self',
    });
  if (!result.ok || result.value.outcome !== 'print_yourself')
    throw new Error(`kiosk:issue answered ${JSON.stringify(result)}`);
  return result.value.ticket;
}

describe('a print result that arrives after the hub restarted', () => {
  it('when a counter has called the ticket before the kiosk reports its print, then the report changes nothing and every counter keeps working', async () => {
    const hub = await newHub();
    const kiosk = await hub.client(await hub.device('kiosk'));
    const ticket = await issueSelfPrinted(kiosk);

    await hub.restart(); // before the kiosk's print result: the ticket is queued at start
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    for (const counterId of ['loket-1', 'loket-2'])
      expect((await officer.command('counter:open', { counterId })).ok).toBe(true);
    const call = await officer.command('counter:call-next', { counterId: 'loket-1' });
    expect(call.ok && call.value.tickets[0]?.id).toBe(ticket.id);

    for (const printed of [true, false]) {
      const late = await kiosk.command('ticket:print-result', { ticketId: ticket.id, printed });
      expect(late).toEqual({ ok: true, value: { tickets: [], counters: [] } });
    }
    await hub.verifyHolds();

    // The other counter is not stuck on `internal`: it finds the queue empty, then calls.
    const empty = await officer.command('counter:call-next', { counterId: 'loket-2' });
    expect(!empty.ok && empty.error.code).toBe('queue_empty');
    await officer.command('ticket:issue', { serviceId: KTP, priority: null });
    expect((await officer.command('counter:call-next', { counterId: 'loket-2' })).ok).toBe(true);
    // And the holding counter finishes its visitor.
    expect((await officer.command('counter:finish', { counterId: 'loket-1' })).ok).toBe(true);
    await until(() => officer.state.tickets.get(ticket.id)?.status === 'done');
  });
});

describe('a database whose tickets and counters disagree', () => {
  it('when the hub starts on it, then it lets go of stale holds, requeues unheld calls, audits each repair, and counters work again', async () => {
    const first = await newHub();
    const officer = await first.client(await first.login('petugas.disdukcapil'));
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const issued = await officer.command('ticket:issue', { serviceId: KTP, priority: null });
      if (issued.ok) ids.push(issued.value.tickets[0]!.id);
    }
    for (const counterId of ['loket-1', 'loket-2']) {
      await officer.command('counter:open', { counterId });
      await officer.command('counter:call-next', { counterId });
    }
    const [heldButWaiting, servedButUnheld, waiting] = ids as [string, string, string];
    await first.stopKeepingData();

    // By hand, as the late print result used to leave it, and the other way round.
    const edits = [
      await first.sql.run("UPDATE tickets SET status = 'waiting' WHERE id = ?", [heldButWaiting]),
      await first.sql.run(
        "UPDATE counter_states SET ticket_id = NULL WHERE counter_id = 'loket-2'",
      ),
    ];
    expect(edits.map((e) => e.changes)).toEqual([1, 1]);
    await expect(first.verifyHolds()).rejects.toThrow(/disagree/);

    await first.start(); // on the same database
    const hub = first;
    await hub.verifyHolds();
    const admin = await hub.login('admin');
    const { body } = await hub.api('/api/audit?action=queue.repaired', { token: admin });
    expect(
      (body.entries as AuditEntry[]).map((e) => [e.target, e.detail.problem, e.detail.ticketId]),
    ).toEqual(
      expect.arrayContaining([
        ['loket-1', 'held_ticket_elsewhere', heldButWaiting],
        ['loket-2', 'active_ticket_unheld', servedButUnheld],
      ]),
    );

    const again = await hub.client(await hub.login('petugas.disdukcapil'));
    await until(() => again.state.tickets.size === 3);
    expect(again.state.tickets.get(servedButUnheld)?.status).toBe('waiting');
    expect(again.state.counters.get('loket-1')?.ticketId).toBeNull();
    // Nothing lost, in order of arrival: all three are called again.
    const called: string[] = [];
    for (const counterId of ['loket-1', 'loket-2', 'loket-5']) {
      await again.command('counter:open', { counterId });
      const call = await again.command('counter:call-next', { counterId });
      if (call.ok) called.push(call.value.tickets.at(-1)!.id);
    }
    expect(called).toEqual([heldButWaiting, servedButUnheld, waiting]);
  });
});

describe('the engine’s guard', () => {
  it('when a rule’s change would leave a counter holding a waiting ticket, then it is refused with internal and nothing is saved', async () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS_DIR);
    const building = readDemoBuilding();
    await saveBuilding(createSqliteSql(db), building);
    const engine = await openQueueEngine(
      createSqliteQueueStorage(db),
      building,
      () => MONDAY_MORNING,
    );
    const principal = {
      kind: 'user',
      id: 'u1',
      role: 'admin',
      agencyId: null,
      name: 'Admin',
    } as const;
    const issued = await engine.execute(principal, 'ticket:issue', 'i1', (ctx) =>
      issueTicket(ctx, {
        serviceId: KTP,
        priority: null,
        channel: 'staff',
        needsPrint: false,
        ticketId: 'guard-1',
        code: 'guard-code-1',
      }),
    );
    expect(issued.ok).toBe(true);
    const ticket = [...engine.queue.tickets.values()][0]!;

    const broken = await engine.execute(principal, 'counter:call', 'c1', () => ({
      ok: true,
      value: {
        ...emptyChange(),
        counters: [
          {
            counterId: 'loket-1',
            status: 'open',
            pauseReason: null,
            ticketId: ticket.id,
            officerId: 'u1',
            since: MONDAY_MORNING,
          },
        ],
      },
    }));
    expect(!broken.ok && broken.error.code).toBe('internal');
    expect(engine.queue.counters.get('loket-1')?.ticketId ?? null).toBeNull();
    expect(
      db.prepare('SELECT COUNT(*) AS n FROM counter_states WHERE ticket_id IS NOT NULL').get(),
    ).toEqual({ n: 0 });
    db.close();
  });
});
