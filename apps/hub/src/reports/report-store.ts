import type { BuildingIndex } from '@antre/domain';
import type { Sql } from '../db/sql';
import type { DayAggregate, ReportTicket, ReportTransfer, Tally, TallyKey } from './day-aggregate';
import { aggregateDay, emptyTally, mergeTally } from './day-aggregate';
import type { StatsRow } from './report-rows';
import { addRow, replaceDay, STATS_COLUMNS } from './report-rows';

const TICKET_COLUMNS = `origin_service_id, service_id, counter_id, officer_id, status, issued_at,
  called_at, serving_at, finished_at, no_show_at`;

/**
 * What a stored day means. Bump it when aggregateDay counts differently: stored days of an
 * older version are dropped at start and aggregated again on first use.
 * 2: issued under the origin service, transferred under the service the ticket left.
 */
const AGGREGATE_VERSION = '2';
const VERSION_KEY = 'report_aggregate_version';

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The weekday of a service day (0 = Sunday): each engine has its own date functions. */
const WEEKDAY_OF_DAY = {
  sqlite: "CAST(strftime('%w', service_day) AS INTEGER)",
  postgres: 'CAST(EXTRACT(DOW FROM CAST(service_day AS DATE)) AS INTEGER)',
} as const;

/** Whether the stored days were counted the way this build counts. */
async function storedDaysCurrent(sql: Sql): Promise<boolean> {
  const stored = await sql.get<{ value: string }>('SELECT value FROM hub_state WHERE key = ?', [
    VERSION_KEY,
  ]);
  return stored?.value === AGGREGATE_VERSION;
}

async function dropOutdatedDays(sql: Sql): Promise<void> {
  if (await storedDaysCurrent(sql)) return;
  await sql.transaction(async (tx) => {
    for (const table of ['report_days', 'report_stats', 'report_arrivals'])
      await tx.run(`DELETE FROM ${table}`);
    await tx.run(
      `INSERT INTO hub_state (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [VERSION_KEY, AGGREGATE_VERSION],
    );
  });
}

export interface ReportStoreOptions {
  /**
   * A reader that may not write (the regional overview, on a read-only session): closed days
   * not yet stored are aggregated all the same but held in memory for this store's life,
   * never saved, and days stored by another way of counting are ignored rather than dropped.
   */
  readOnly?: boolean;
}

/** Opens the reports' aggregates, first dropping days stored by an older way of counting. */
export async function createReportStore(sql: Sql, options: ReportStoreOptions = {}) {
  const { readOnly = false } = options;
  // Read-only, days stored by another way of counting are left where they are, and not read.
  const useStored = readOnly ? await storedDaysCurrent(sql) : true;
  if (!readOnly) await dropOutdatedDays(sql);
  /** Closed days aggregated but not saved (read-only): the same figures, kept in memory. */
  const held = new Map<string, DayAggregate>();
  const heldIn = (from: string, to: string) =>
    [...held].filter(([day]) => from <= day && day <= to);
  // A day held here and stored since by the building's hub is counted once, from memory.
  const storedOnly = (from: string, to: string) => {
    const days = heldIn(from, to).map(([day]) => day);
    const clause = days.length ? ` AND service_day NOT IN (${days.map(() => '?').join(', ')})` : '';
    return { clause, params: [from, to, ...days] };
  };

  async function aggregate(day: string, index: BuildingIndex): Promise<DayAggregate> {
    const tickets = await sql.all<ReportTicket>(
      `SELECT ${TICKET_COLUMNS} FROM tickets WHERE service_day = ?`,
      [day],
    );
    // The service a ticket left is in the event's JSON, read here rather than with each
    // engine's own JSON functions: a day has few transfers.
    const events = await sql.all<{
      data: string;
      counter_id: string | null;
      officer_id: string | null;
    }>(
      `SELECT data, counter_id, actor_user_id AS officer_id
       FROM ticket_events WHERE service_day = ? AND type = 'ticket:transferred'`,
      [day],
    );
    const transfers = events.map(({ data, counter_id, officer_id }): ReportTransfer => ({
      from_service_id: (JSON.parse(data) as { fromServiceId: string }).fromServiceId,
      counter_id,
      officer_id,
    }));
    return aggregateDay(tickets, transfers, index, index.site.timezone);
  }

  function save(day: string, aggregate: DayAggregate, at: number): Promise<void> {
    if (readOnly) {
      held.set(day, aggregate);
      return Promise.resolve();
    }
    return sql.transaction(async (tx) => {
      await replaceDay(tx, day, aggregate);
      await tx.run(
        `INSERT INTO report_days (service_day, aggregated_at) VALUES (?, ?)
         ON CONFLICT (service_day) DO UPDATE SET aggregated_at = excluded.aggregated_at`,
        [day, at],
      );
    });
  }

  async function aggregateMissing(
    from: string,
    to: string,
    today: string,
    index: BuildingIndex,
    at: number,
  ): Promise<number> {
    const first = (
      await sql.get<{ day: string | null }>('SELECT MIN(service_day) AS day FROM tickets')
    )?.day;
    if (!first) return 0;
    const start = from > first ? from : first;
    const stored = useStored
      ? await sql.all<{ service_day: string }>(
          'SELECT service_day FROM report_days WHERE service_day BETWEEN ? AND ?',
          [start, to],
        )
      : [];
    const done = new Set([...stored.map((r) => r.service_day), ...held.keys()]);
    let count = 0;
    for (let day = start; day <= to && day < today; day = nextDay(day)) {
      if (done.has(day)) continue;
      await save(day, await aggregate(day, index), at);
      count += 1;
    }
    return count;
  }

  // One aggregation at a time: two reports asked together would otherwise both find a day
  // missing and store it twice.
  let aggregating: Promise<unknown> = Promise.resolve();
  /**
   * Aggregates the closed days of the period that are not yet (empty days too, so they are
   * not looked at again); resolves to how many it did. Walks the calendar, not the tickets.
   */
  function ensureAggregated(
    from: string,
    to: string,
    today: string,
    index: BuildingIndex,
    at: number,
  ): Promise<number> {
    const run = aggregating.then(() => aggregateMissing(from, to, today, index, at));
    aggregating = run.catch(() => undefined);
    return run;
  }

  return {
    /** Today is still moving: it is aggregated on each read, never stored. */
    aggregateLive: aggregate,

    ensureAggregated,

    /**
     * The period's tallies summed per service, counter and officer. A year is ~70,000 rows:
     * each histogram is added into its key's sums as it is parsed, without an array per row.
     */
    async stats(from: string, to: string): Promise<{ key: TallyKey; tally: Tally }[]> {
      const sums = new Map<string, { key: TallyKey; tally: Tally }>();
      const entryOf = (key: TallyKey) => {
        const id = `${key.serviceId}|${key.counterId}|${key.officerId}`;
        let entry = sums.get(id);
        if (!entry) {
          entry = { key, tally: emptyTally() };
          sums.set(id, entry);
        }
        return entry;
      };
      const stored = storedOnly(from, to);
      const rows = useStored
        ? await sql.all<StatsRow>(
            `SELECT ${STATS_COLUMNS} FROM report_stats
             WHERE service_day BETWEEN ? AND ?${stored.clause}`,
            stored.params,
          )
        : [];
      for (const row of rows) {
        const key = {
          serviceId: row.service_id,
          counterId: row.counter_id,
          officerId: row.officer_id,
        };
        addRow(entryOf(key).tally, row);
      }
      for (const [, day] of heldIn(from, to))
        for (const { key, tally } of day.tallies.values()) mergeTally(entryOf(key).tally, tally);
      return [...sums.values()];
    },

    /** Visitors served per service over the period: closed days stored, today live. */
    async servedByService(
      from: string,
      to: string,
      today: string,
      index: BuildingIndex,
      at: number,
    ): Promise<Map<string, number>> {
      await ensureAggregated(from, to, today, index, at);
      const stored = storedOnly(from, to);
      const rows = useStored
        ? await sql.all<{ service_id: string; n: number }>(
            `SELECT service_id, SUM(served) AS n FROM report_stats
             WHERE service_day BETWEEN ? AND ?${stored.clause} GROUP BY service_id`,
            stored.params,
          )
        : [];
      const served = new Map(rows.map((r) => [r.service_id, r.n]));
      const add = (day: DayAggregate) => {
        for (const { key, tally } of day.tallies.values())
          served.set(key.serviceId, (served.get(key.serviceId) ?? 0) + tally.served);
      };
      for (const [, day] of heldIn(from, to)) add(day);
      if (from <= today && today <= to) add(await aggregate(today, index));
      return served;
    },

    /** Arrivals per service, weekday of the service day (0 = Sunday) and local hour. */
    async arrivals(from: string, to: string) {
      const weekday = WEEKDAY_OF_DAY[sql.dialect];
      type Arrivals = { service_id: string; weekday: number; hour: number; n: number };
      const stored = storedOnly(from, to);
      const rows = useStored
        ? await sql.all<Arrivals>(
            `SELECT service_id, ${weekday} AS weekday, hour, SUM(arrivals) AS n
             FROM report_arrivals WHERE service_day BETWEEN ? AND ?${stored.clause}
             GROUP BY service_id, ${weekday}, hour`,
            stored.params,
          )
        : [];
      // Held days as rows of their own: the report adds them up by weekday and hour anyway.
      for (const [day, aggregate] of heldIn(from, to)) {
        const dayOfWeek = new Date(`${day}T00:00:00Z`).getUTCDay();
        for (const [key, n] of aggregate.arrivals) {
          const [serviceId, hour] = key.split('|');
          rows.push({ service_id: serviceId!, weekday: dayOfWeek, hour: Number(hour), n });
        }
      }
      return rows;
    },

    async officerNames(): Promise<Map<string, string>> {
      const rows = await sql.all<{ id: string; display_name: string }>(
        'SELECT id, display_name FROM users',
      );
      return new Map(rows.map((r) => [r.id, r.display_name]));
    },
  };
}

export type ReportStore = Awaited<ReturnType<typeof createReportStore>>;
