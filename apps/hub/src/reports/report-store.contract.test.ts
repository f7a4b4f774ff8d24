import { indexBuilding } from '@antre/domain';
import { describe, expect, it } from 'vitest';
import { readDemoBuilding } from '../building/first-start';
import { FencedError } from '../cluster/lease';
import type { Sql } from '../db/sql';
import { useSqlEngines } from '../testing/sql-engines';
import { insertService, insertTicket, insertTicketEvent } from '../testing/ticket-rows';
import { createChannelReport } from './channel-report';
import { createReportStore } from './report-store';

// The reports' stored day aggregates and the channel report, on both engines (db/sql.ts): the
// same tickets must give the same figures whichever engine holds them.

const engines = useSqlEngines();

const index = indexBuilding(readDemoBuilding()); // WIB; KTP's target wait is 30 minutes
const KTP = 'disdukcapil-ktp-el';
const KK = 'disdukcapil-kartu-keluarga';
const PASPOR = 'imigrasi-paspor-baru';
const FRIDAY = '2026-11-20';
const MONDAY = '2026-11-23';
const MIN = 60_000;
/** 09:00 WIB on a day. */
const nine = (day: string) => Date.parse(`${day}T02:00:00Z`);

/**
 * Friday at Disdukcapil: one served in 5 minutes' wait and 10 of service, one absent after 40,
 * one that failed to print, one cancelled at 10:30, one sent on from KTP to KK and served
 * there, and an expired passport ticket at Imigrasi.
 */
async function friday(sql: Sql): Promise<void> {
  await insertService(sql, { id: KTP, agencyId: 'disdukcapil', prefix: 'A' });
  await insertService(sql, { id: KK, agencyId: 'disdukcapil', prefix: 'B' });
  await insertService(sql, { id: PASPOR, agencyId: 'imigrasi', prefix: 'H' });
  const at = nine(FRIDAY);
  const day = { serviceDay: FRIDAY, serviceId: KTP };
  const desk = { counterId: 'loket-1', officerId: 'officer-1' };
  await insertTicket(sql, {
    ...day,
    ...desk,
    id: 't1',
    number: 1,
    status: 'done',
    issuedAt: at,
    calledAt: at + 5 * MIN,
    servingAt: at + 6 * MIN,
    finishedAt: at + 16 * MIN,
  });
  await insertTicket(sql, {
    ...day,
    ...desk,
    id: 't2',
    number: 2,
    status: 'no_show',
    issuedAt: at,
    calledAt: at + 40 * MIN,
    noShowAt: at + 45 * MIN,
  });
  await insertTicket(sql, { ...day, id: 't3', number: 3, status: 'void', issuedAt: at });
  await insertTicket(sql, {
    ...day,
    id: 't4',
    number: 4,
    status: 'cancelled',
    issuedAt: at + 90 * MIN,
  });
  await insertTicket(sql, {
    ...day,
    id: 't5',
    number: 5,
    serviceId: KK,
    originServiceId: KTP,
    status: 'done',
    issuedAt: at,
    calledAt: at + 20 * MIN,
    servingAt: at + 20 * MIN,
    finishedAt: at + 21 * MIN,
    counterId: 'loket-2',
    officerId: 'officer-2',
  });
  await insertTicketEvent(sql, {
    type: 'ticket:transferred',
    at: at + 10 * MIN,
    serviceDay: FRIDAY,
    ticketId: 't5',
    counterId: 'loket-1',
    userId: 'officer-1',
    data: { fromServiceId: KTP, toServiceId: KK },
  });
  await insertTicket(sql, {
    serviceDay: FRIDAY,
    serviceId: PASPOR,
    id: 'p1',
    number: 1,
    status: 'expired',
    issuedAt: at,
  });
}

const storedRows = (sql: Sql) =>
  Promise.all([
    sql.all(
      `SELECT service_day, service_id, counter_id, officer_id, issued, served, no_show,
         cancelled, expired, voided, transferred, within_target, wait_count, wait_sum_ms,
         wait_hist, service_count, service_sum_ms, service_hist
       FROM report_stats ORDER BY service_day, service_id, counter_id, officer_id`,
    ),
    sql.all('SELECT * FROM report_arrivals ORDER BY service_day, service_id, hour'),
    sql.all('SELECT service_day FROM report_days ORDER BY service_day'),
  ]);

const storedCounts = async (sql: Sql) =>
  Promise.all(
    ['report_days', 'report_stats', 'report_arrivals'].map(
      async (table) => (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n,
    ),
  );

/** A stored day written as an older hub would have. */
async function storeADay(sql: Sql): Promise<void> {
  await sql.run('INSERT INTO report_days (service_day, aggregated_at) VALUES (?, ?)', [FRIDAY, 0]);
  await sql.run(
    `INSERT INTO report_stats VALUES ('2026-11-20', 's', 'c', 'o', 1, 1, 0, 0, 0, 0, 0, 1, 1,
       60000, '0,1', 1, 60000, '0,1')`,
  );
  await sql.run('INSERT INTO report_arrivals VALUES (?, ?, ?, ?)', [FRIDAY, 's', 9, 1]);
}

/** The engine as a read-only session sees it: every write refused. */
const writesRefused = (sql: Sql): Sql => {
  const refuse = () => Promise.reject(new Error('read-only'));
  return {
    ...sql,
    dialect: sql.dialect,
    run: refuse,
    transaction: refuse,
    all: sql.all,
    get: sql.get,
  };
};

const hist = (...minutes: number[]) => {
  const counts: number[] = [];
  for (const m of minutes) counts[m] = (counts[m] ?? 0) + 1;
  return Array.from(counts, (n) => n ?? 0).join(',');
};

describe.each(engines)('report store on $name', (engine) => {
  it('when the hub starts again on the same version, then stored days are kept', async () => {
    const { sql } = await engine.open();
    await createReportStore(sql);
    await storeADay(sql);
    await createReportStore(sql);
    expect(await storedCounts(sql)).toEqual([1, 1, 1]);
  });

  it('when the days were stored by an older way of counting, then they are dropped to be aggregated again', async () => {
    const { sql } = await engine.open();
    await storeADay(sql); // a database from before the version was kept
    await createReportStore(sql);
    expect(await storedCounts(sql)).toEqual([0, 0, 0]);
    await storeADay(sql);
    await sql.run("UPDATE hub_state SET value = '1' WHERE key = 'report_aggregate_version'");
    await createReportStore(sql);
    expect(await storedCounts(sql)).toEqual([0, 0, 0]);
  });

  it('when a closed day is aggregated, then its rows hold each ticket where it counts', async () => {
    const { sql } = await engine.open();
    await friday(sql);
    const store = await createReportStore(sql);
    // Friday to Sunday are closed (the empty weekend too); Monday is today.
    expect(await store.ensureAggregated('2026-11-01', '2026-11-30', MONDAY, index, 7)).toBe(3);
    const [stats, arrivals, days] = await storedRows(sql);
    const row = (service: string, counter: string, officer: string) => ({
      service_day: FRIDAY,
      service_id: service,
      counter_id: counter,
      officer_id: officer,
      issued: 0,
      served: 0,
      no_show: 0,
      cancelled: 0,
      expired: 0,
      voided: 0,
      transferred: 0,
      within_target: 0,
      wait_count: 0,
      wait_sum_ms: 0,
      wait_hist: '',
      service_count: 0,
      service_sum_ms: 0,
      service_hist: '',
    });
    expect(stats).toEqual([
      {
        ...row(KK, 'loket-2', 'officer-2'),
        served: 1,
        within_target: 1,
        wait_count: 1,
        wait_sum_ms: 20 * MIN,
        wait_hist: hist(20),
        service_count: 1,
        service_sum_ms: MIN,
        service_hist: hist(1),
      },
      // Issued where issued, the transferred one too; the void one was never issued.
      { ...row(KTP, '', ''), issued: 4, voided: 1, cancelled: 1 },
      {
        ...row(KTP, 'loket-1', 'officer-1'),
        served: 1,
        no_show: 1,
        transferred: 1,
        within_target: 1,
        wait_count: 2,
        wait_sum_ms: 45 * MIN,
        wait_hist: hist(5, 40),
        service_count: 1,
        service_sum_ms: 10 * MIN,
        service_hist: hist(10),
      },
      { ...row(PASPOR, '', ''), issued: 1, expired: 1 },
    ]);
    expect(arrivals).toEqual([
      { service_day: FRIDAY, service_id: KTP, hour: 9, arrivals: 3 },
      { service_day: FRIDAY, service_id: KTP, hour: 10, arrivals: 1 },
      { service_day: FRIDAY, service_id: PASPOR, hour: 9, arrivals: 1 },
    ]);
    expect(days).toEqual([
      { service_day: FRIDAY },
      { service_day: '2026-11-21' },
      { service_day: '2026-11-22' },
    ]);
    // What is stored reads back as the day counted live.
    const live = await store.aggregateLive(FRIDAY, index);
    const read = await store.stats(FRIDAY, FRIDAY);
    expect(new Map(read.map((e) => [JSON.stringify(e.key), e.tally]))).toEqual(
      new Map([...live.tallies.values()].map((e) => [JSON.stringify(e.key), e.tally])),
    );
  });

  it('when the days are aggregated again, alone or twice at once, then nothing is counted twice', async () => {
    const { sql } = await engine.open();
    await friday(sql);
    const store = await createReportStore(sql);
    const ensure = () => store.ensureAggregated('2026-11-01', '2026-11-30', MONDAY, index, 7);
    // Two reports asked together: one of them aggregates, the other finds the days done.
    expect((await Promise.all([ensure(), ensure()])).sort()).toEqual([0, 3]);
    const first = await storedRows(sql);
    expect(await ensure()).toBe(0);
    await sql.run('DELETE FROM report_days WHERE service_day = ?', [FRIDAY]);
    expect(await ensure()).toBe(1);
    expect(await storedRows(sql)).toEqual(first);
  });

  it('when a period is read, then closed days are summed from storage and today counted live', async () => {
    const { sql } = await engine.open();
    await friday(sql);
    await insertTicket(sql, {
      serviceDay: MONDAY,
      serviceId: KTP,
      id: 'm1',
      number: 1,
      status: 'done',
      issuedAt: nine(MONDAY),
      calledAt: nine(MONDAY) + MIN,
      counterId: 'loket-1',
      officerId: 'officer-1',
    });
    await sql.run(
      `INSERT INTO users (id, username, display_name, password_hash, role, agency_id, active,
         created_at) VALUES ('officer-1', 'petugas', 'Budi', 'x', 'officer', NULL, 1, 0)`,
    );
    const store = await createReportStore(sql);
    const served = await store.servedByService('2026-11-16', MONDAY, MONDAY, index, 7);
    expect(Object.fromEntries(served)).toEqual({ [KTP]: 2, [KK]: 1, [PASPOR]: 0 });
    expect(await store.servedByService('2026-11-21', '2026-11-22', MONDAY, index, 7)).toEqual(
      new Map(),
    );
    const weekday = (a: { weekday: number; hour: number }) => `${a.weekday}@${a.hour}`;
    const arrivals = await store.arrivals('2026-11-16', '2026-11-22');
    expect(arrivals.map((a) => `${a.service_id} ${weekday(a)} ${a.n}`).sort()).toEqual([
      `${KTP} 5@10 1`,
      `${KTP} 5@9 3`,
      `${PASPOR} 5@9 1`,
    ]);
    expect(await store.arrivals('2026-11-21', '2026-11-30')).toEqual([]);
    const totals = (await store.stats('2026-11-01', '2026-11-30')).reduce(
      (sum, e) => sum + e.tally.issued,
      0,
    );
    expect(totals).toBe(5); // today is not stored
    expect(await store.officerNames()).toEqual(new Map([['officer-1', 'Budi']]));
  });

  it('when channels are reported, then each channel and the bookings are counted', async () => {
    const { sql } = await engine.open();
    await friday(sql);
    const at = nine(FRIDAY);
    const more = [
      ['o1', 'online', 'done', at + 2 * MIN],
      ['o2', 'online', 'waiting', null],
      ['s1', 'staff', 'done', at + 4 * MIN],
      ['x1', 'api', 'cancelled', null],
    ] as const;
    for (const [id, channel, status, calledAt] of more)
      await insertTicket(sql, {
        id,
        channel,
        status,
        calledAt,
        serviceDay: FRIDAY,
        serviceId: id === 'x1' ? PASPOR : KK,
        number: 10 + more.findIndex((m) => m[0] === id),
        issuedAt: at,
      });
    const bookings = [
      ['b1', KK, 'checked_in'],
      ['b2', KK, 'no_show'],
      ['b3', KK, 'no_show'],
      ['b4', KTP, 'booked'],
      ['b5', PASPOR, 'cancelled'],
    ];
    for (const [id, serviceId, status] of bookings)
      await sql.run(
        `INSERT INTO bookings (id, code, service_id, date, session_id, session_start, session_end,
           nik_last4, status, created_at) VALUES (?, ?, ?, ?, 'pagi', 0, 1, '0001', ?, 0)`,
        [id!, `code-${id}`, serviceId!, FRIDAY, status!],
      );
    const report = createChannelReport(sql);
    const period = { from: FRIDAY, to: FRIDAY, agencyId: undefined };
    expect(await report(index, period)).toEqual({
      channels: [
        { channel: 'walk_in', issued: 5, called: 3, served: 2, noShow: 1, waitMean: 21.7 },
        { channel: 'online', issued: 2, called: 1, served: 1, noShow: 0, waitMean: 2 },
        { channel: 'staff', issued: 1, called: 1, served: 1, noShow: 0, waitMean: 4 },
        { channel: 'integration', issued: 1, called: 0, served: 0, noShow: 0, waitMean: null },
      ],
      online: { booked: 1, checkedIn: 1, noShow: 2, cancelled: 1, noShowRate: 0.667 },
    });
    const imigrasi = await report(index, { ...period, agencyId: 'imigrasi' });
    expect(imigrasi.channels.map((c) => [c.channel, c.issued, c.called])).toEqual([
      ['walk_in', 1, 0],
      ['online', 0, 0],
      ['staff', 0, 0],
      ['integration', 1, 0],
    ]);
    expect(imigrasi.online).toEqual({
      booked: 0,
      checkedIn: 0,
      noShow: 0,
      cancelled: 1,
      noShowRate: null,
    });
  });

  it('when the store is read-only, then closed days are counted in memory, the same, and nothing is written', async () => {
    const { sql } = await engine.open();
    await friday(sql);
    await insertTicket(sql, {
      serviceDay: MONDAY,
      serviceId: KTP,
      id: 'm1',
      number: 1,
      status: 'done',
      issuedAt: nine(MONDAY),
      calledAt: nine(MONDAY) + MIN,
      counterId: 'loket-1',
      officerId: 'officer-1',
    });
    await createReportStore(sql); // the building's own hub has started once
    const readOnly = await createReportStore(writesRefused(sql), { readOnly: true });
    expect(await readOnly.ensureAggregated('2026-11-01', '2026-11-30', MONDAY, index, 7)).toBe(3);
    expect(await storedCounts(sql)).toEqual([0, 0, 0]);
    // Asked again, the days held are not counted twice.
    expect(await readOnly.ensureAggregated('2026-11-01', '2026-11-30', MONDAY, index, 7)).toBe(0);

    const saving = await createReportStore(sql);
    await saving.ensureAggregated('2026-11-01', '2026-11-30', MONDAY, index, 7);
    const byKey = (entries: Awaited<ReturnType<typeof saving.stats>>) =>
      new Map(entries.map((e) => [JSON.stringify(e.key), e.tally]));
    expect(byKey(await readOnly.stats('2026-11-01', '2026-11-30'))).toEqual(
      byKey(await saving.stats('2026-11-01', '2026-11-30')),
    );
    const sorted = (rows: { service_id: string; weekday: number; hour: number; n: number }[]) =>
      rows.map((a) => `${a.service_id} ${a.weekday}@${a.hour} ${a.n}`).sort();
    expect(sorted(await readOnly.arrivals('2026-11-16', '2026-11-22'))).toEqual(
      sorted(await saving.arrivals('2026-11-16', '2026-11-22')),
    );
    expect(await readOnly.servedByService('2026-11-16', MONDAY, MONDAY, index, 7)).toEqual(
      await saving.servedByService('2026-11-16', MONDAY, MONDAY, index, 7),
    );
  });

  it('when a read-only store finds days stored by another way of counting, then it neither reads nor drops them', async () => {
    const { sql } = await engine.open();
    await friday(sql);
    await storeADay(sql); // no version kept: another way of counting
    const readOnly = await createReportStore(writesRefused(sql), { readOnly: true });
    expect(await storedCounts(sql)).toEqual([1, 1, 1]);
    await readOnly.ensureAggregated(FRIDAY, FRIDAY, MONDAY, index, 7);
    const issued = (await readOnly.stats(FRIDAY, FRIDAY)).reduce((n, e) => n + e.tally.issued, 0);
    expect(issued).toBe(5); // Friday's tickets, not the stored row's one
  });

  if (engine.name === 'PostgreSQL')
    it('when another hub holds the lease, then no day is stored', async () => {
      const { sql, takeOver } = await engine.open();
      await friday(sql);
      const store = await createReportStore(sql);
      await takeOver!();
      await expect(
        store.ensureAggregated('2026-11-01', '2026-11-30', MONDAY, index, 7),
      ).rejects.toBeInstanceOf(FencedError);
      expect(await storedCounts(sql)).toEqual([0, 0, 0]);
      // The next report asks again: a failed aggregation does not stop the ones after it.
      await expect(
        store.ensureAggregated('2026-11-01', '2026-11-30', MONDAY, index, 7),
      ).rejects.toBeInstanceOf(FencedError);
    });
});
