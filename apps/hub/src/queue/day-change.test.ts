import type { HubClient } from '@antre/client';
import type { Snapshot } from '@antre/protocol';
import { PROTOCOL_VERSION } from '@antre/protocol';
import type { Socket } from 'socket.io-client';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sql } from '../db/sql';
import type { TestHub } from '../testing/test-hub';
import { MONDAY_MORNING, startTestHub, until } from '../testing/test-hub';

const KTP = 'disdukcapil-ktp-el';
const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';
const HOUR = 3_600_000;
// Nothing periodic runs unless a case asks for it, so any write comes from what the case does.
const QUIET = { alarmEveryMs: 24 * HOUR, pollMs: 24 * HOUR };

const opened: { close: () => unknown }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

/** A hub with two tickets waiting on Monday, the admin's screen watching, its database open to read. */
async function mondayWithTwoWaiting(tickMs: number) {
  const hub = await startTestHub(undefined, { tickMs, notify: QUIET });
  opened.push(hub);
  const officer = await hub.client(await hub.login('petugas.disdukcapil'));
  for (let i = 0; i < 2; i += 1) await issue(officer);
  const screen = await watchingScreen(hub);
  return { hub, officer, screen, db: facts(hub.sql) };
}

async function issue(officer: HubClient): Promise<string> {
  const issued = await officer.command('ticket:issue', { serviceId: KTP, priority: null });
  if (!issued.ok) throw new Error(issued.error.message);
  return issued.value.tickets[0]!.label;
}

/** The admin's raw socket (the whole site), noting the day of each snapshot it is sent. */
async function watchingScreen(hub: TestHub) {
  const socket: Socket = io(hub.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, token: await hub.login('admin') },
    transports: ['websocket'],
    reconnection: false,
  });
  opened.push(socket);
  const snapshotDays: string[] = [];
  socket.on('sync:snapshot', (s: Snapshot) => snapshotDays.push(s.serviceDay));
  await until(() => snapshotDays.length === 1);
  const ask = async (): Promise<Snapshot> => {
    const answer = (await socket.timeout(2_000).emitWithAck('sync:request', {})) as {
      value: Snapshot;
    };
    return answer.value;
  };
  return { snapshotDays, ask };
}

/** What the database says about the day: read on the test's own connection. */
function facts(sql: Sql) {
  return {
    /** Changes whenever another connection commits a write. */
    async version(): Promise<unknown> {
      if (sql.dialect === 'sqlite') return sql.get('PRAGMA data_version');
      // Each row written carries its transaction's id (xmin); a delete changes the count.
      const tables = await sql.all<{ name: string }>(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()',
      );
      return Promise.all(
        tables.map((t) =>
          sql.get(
            `SELECT '${t.name}' AS t, count(*) AS n, max(xmin::text::bigint) AS x FROM ${t.name}`,
          ),
        ),
      );
    },
    openDay: async () =>
      (await sql.get<{ value: string }>("SELECT value FROM hub_state WHERE key = 'service_day'"))
        ?.value,
    expiredOn: async (day: string) =>
      (await sql.get<{ n: number }>(
        "SELECT count(*) AS n FROM ticket_events WHERE type = 'ticket:expired' AND service_day = ?",
        [day],
      ))!.n,
  };
}

describe('the service day changes only when the hub is told to change it', () => {
  it('when the clock passes midnight and the queue is only read, then nothing is written and Monday stays open', async () => {
    const { hub, screen, db } = await mondayWithTwoWaiting(24 * HOUR);
    const before = await db.version();

    hub.setNow(MONDAY_MORNING + 24 * HOUR);
    const catalogue = await hub.api('/api/services');
    const snapshot = await screen.ask();

    expect((catalogue.body.site as { serviceDay: string }).serviceDay).toBe(MONDAY);
    expect(snapshot.serviceDay).toBe(MONDAY);
    expect(snapshot.tickets.map((t) => t.status)).toEqual(['waiting', 'waiting']);
    expect(await db.version()).toEqual(before);
    expect([await db.openDay(), await db.expiredOn(MONDAY)]).toEqual([MONDAY, 0]);
  });

  it('when the next command comes after midnight, then it closes Monday once and runs on Tuesday', async () => {
    const { hub, officer, screen, db } = await mondayWithTwoWaiting(24 * HOUR);
    hub.setNow(MONDAY_MORNING + 24 * HOUR);

    expect(await issue(officer)).toBe('A-001'); // numbering starts again on the new day
    expect([await db.openDay(), await db.expiredOn(MONDAY)]).toEqual([TUESDAY, 2]);
    await until(() => screen.snapshotDays.length === 2);

    await issue(officer);
    await hub.runHousekeeping();
    await hub.runHousekeeping();
    const snapshot = await screen.ask();
    expect(snapshot.tickets.map((t) => t.label)).toEqual(['A-001', 'A-002']);
    expect([await db.openDay(), await db.expiredOn(MONDAY)]).toEqual([TUESDAY, 2]);
    expect(screen.snapshotDays).toEqual([MONDAY, TUESDAY]);
  });

  it('when the housekeeping tick runs after midnight, then it closes Monday once however often it runs', async () => {
    const { hub, screen, db } = await mondayWithTwoWaiting(20);
    hub.setNow(MONDAY_MORNING + 24 * HOUR);

    await until(async () => (await db.openDay()) === TUESDAY);
    const ticks = 10;
    await new Promise((resolve) => setTimeout(resolve, 20 * ticks));
    expect(await db.expiredOn(MONDAY)).toBe(2);
    expect(screen.snapshotDays).toEqual([MONDAY, TUESDAY]);
    expect((await screen.ask()).tickets).toEqual([]);
  });
});

describe('the alarm check is housekeeping too', () => {
  it('when the alarms are checked after midnight, then Monday is closed first and its waiting raises no alarm at night', async () => {
    const hub = await startTestHub(undefined, {
      tickMs: 24 * HOUR,
      notify: { alarmEveryMs: 20, pollMs: 24 * HOUR },
    });
    opened.push(hub);
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    const admin = await hub.login('admin');
    const building = (await hub.api('/api/building', { token: admin })).body as unknown as {
      counters: { id: string; services: { serviceId: string }[] }[];
    };
    const counter = building.counters.find((c) => c.services.some((s) => s.serviceId === KTP))!;
    expect((await officer.command('counter:open', { counterId: counter.id })).ok).toBe(true);
    await issue(officer);
    const alarms = async () =>
      (await hub.api('/api/alarms', { token: admin })).body as unknown as unknown[];
    expect(await alarms()).toEqual([]);

    // Tuesday 00:30: Monday's ticket has "waited" 15 hours, but Monday is over.
    hub.setNow(MONDAY_MORNING + 15.5 * HOUR);
    const db = facts(hub.sql);
    await until(async () => (await db.openDay()) === TUESDAY);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await alarms()).toEqual([]);
    expect(await db.expiredOn(MONDAY)).toBe(1);
  });
});
