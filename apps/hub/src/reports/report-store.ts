import type { BuildingIndex } from '@antre/domain';
import type { Sql } from '../db/sql';
import type { DayAggregate, ReportTicket, ReportTransfer, Tally, TallyKey } from './day-aggregate';
import { aggregateDay, emptyTally } from './day-aggregate';
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

async function dropOutdatedDays(sql: Sql): Promise<void> {
  const stored = await sql.get<{ value: string }>('SELECT value FROM hub_state WHERE key = ?', [
    VERSION_KEY,
  ]);
  if (stored?.value === AGGREGATE_VERSION) return;
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

/** Opens the reports' aggregates, first dropping days stored by an older way of counting. */
export async function createReportStore(sql: Sql) {
  await dropOutdatedDays(sql);

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
    const stored = await sql.all<{ service_day: string }>(
      'SELECT service_day FROM report_days WHERE service_day BETWEEN ? AND ?',
      [start, to],
    );
    const done = new Set(stored.map((r) => r.service_day));
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
      const rows = await sql.all<StatsRow>(
        `SELECT ${STATS_COLUMNS} FROM report_stats WHERE service_day BETWEEN ? AND ?`,
        [from, to],
      );
      for (const row of rows) {
        const id = `${row.service_id}|${row.counter_id}|${row.officer_id}`;
        let entry = sums.get(id);
        if (!entry) {
          const key = {
            serviceId: row.service_id,
            counterId: row.counter_id,
            officerId: row.officer_id,
          };
          entry = { key, tally: emptyTally() };
          sums.set(id, entry);
        }
        addRow(entry.tally, row);
      }
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
      const rows = await sql.all<{ service_id: string; n: number }>(
        `SELECT service_id, SUM(served) AS n FROM report_stats
         WHERE service_day BETWEEN ? AND ? GROUP BY service_id`,
        [from, to],
      );
      const served = new Map(rows.map((r) => [r.service_id, r.n]));
      if (from <= today && today <= to) {
        for (const { key, tally } of (await aggregate(today, index)).tallies.values()) {
          served.set(key.serviceId, (served.get(key.serviceId) ?? 0) + tally.served);
        }
      }
      return served;
    },

    /** Arrivals per service, weekday of the service day (0 = Sunday) and local hour. */
    arrivals(from: string, to: string) {
      const weekday = WEEKDAY_OF_DAY[sql.dialect];
      return sql.all<{ service_id: string; weekday: number; hour: number; n: number }>(
        `SELECT service_id, ${weekday} AS weekday, hour, SUM(arrivals) AS n
         FROM report_arrivals WHERE service_day BETWEEN ? AND ?
         GROUP BY service_id, ${weekday}, hour`,
        [from, to],
      );
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
