import type { BuildingIndex } from '@antre/domain';
import { encodeCounts } from '@antre/domain';
import type { Db } from '../db/database';
import type { DayAggregate, ReportTicket, ReportTransfer, Tally, TallyKey } from './day-aggregate';
import { aggregateDay, emptyTally } from './day-aggregate';

interface StatsRow {
  service_id: string;
  counter_id: string;
  officer_id: string;
  issued: number;
  served: number;
  no_show: number;
  cancelled: number;
  expired: number;
  voided: number;
  transferred: number;
  within_target: number;
  wait_count: number;
  wait_sum_ms: number;
  wait_hist: string;
  service_count: number;
  service_sum_ms: number;
  service_hist: string;
}

const TICKET_COLUMNS = `origin_service_id, service_id, counter_id, officer_id, status, issued_at,
  called_at, serving_at, finished_at, no_show_at`;

/**
 * What a stored day means. Bump it when aggregateDay counts differently: stored days of an
 * older version are dropped at start and aggregated again on first use.
 * 2: issued under the origin service, transferred under the service the ticket left.
 */
const AGGREGATE_VERSION = '2';
const VERSION_KEY = 'report_aggregate_version';

/** Adds a stored histogram ("0,3,5,…") into counts without splitting it into an array. */
function addEncoded(counts: number[], text: string): void {
  let bucket = 0;
  let value = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 44;
    if (code === 44) {
      if (value !== 0 && bucket < counts.length) counts[bucket] = (counts[bucket] ?? 0) + value;
      bucket += 1;
      value = 0;
    } else {
      value = value * 10 + (code - 48);
    }
  }
}

function addRow(tally: Tally, row: StatsRow): void {
  tally.issued += row.issued;
  tally.served += row.served;
  tally.noShow += row.no_show;
  tally.cancelled += row.cancelled;
  tally.expired += row.expired;
  tally.voided += row.voided;
  tally.transferred += row.transferred;
  tally.withinTarget += row.within_target;
  tally.wait.count += row.wait_count;
  tally.wait.sumMs += row.wait_sum_ms;
  if (row.wait_hist) addEncoded(tally.wait.counts, row.wait_hist);
  tally.service.count += row.service_count;
  tally.service.sumMs += row.service_sum_ms;
  if (row.service_hist) addEncoded(tally.service.counts, row.service_hist);
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function dropOutdatedDays(db: Db): void {
  const stored = db
    .prepare<[string], { value: string }>('SELECT value FROM hub_state WHERE key = ?')
    .get(VERSION_KEY)?.value;
  if (stored === AGGREGATE_VERSION) return;
  db.transaction(() => {
    for (const table of ['report_days', 'report_stats', 'report_arrivals'])
      db.prepare(`DELETE FROM ${table}`).run();
    db.prepare(
      `INSERT INTO hub_state (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ).run(VERSION_KEY, AGGREGATE_VERSION);
  })();
}

export function createReportStore(db: Db) {
  dropOutdatedDays(db);
  const ticketsOfDay = db.prepare<[string], ReportTicket>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE service_day = ?`,
  );
  const transfersOfDay = db.prepare<[string], ReportTransfer>(
    `SELECT json_extract(data, '$.fromServiceId') AS from_service_id, counter_id,
       actor_user_id AS officer_id
     FROM ticket_events WHERE service_day = ? AND type = 'ticket:transferred'`,
  );
  const aggregate = (day: string, index: BuildingIndex): DayAggregate =>
    aggregateDay(ticketsOfDay.all(day), transfersOfDay.all(day), index, index.site.timezone);
  const insertStats = db.prepare(
    `INSERT INTO report_stats VALUES (@day, @serviceId, @counterId, @officerId, @issued, @served,
       @noShow, @cancelled, @expired, @voided, @transferred, @withinTarget, @waitCount,
       @waitSum, @waitHist, @serviceCount, @serviceSum, @serviceHist)`,
  );
  const insertArrivals = db.prepare('INSERT INTO report_arrivals VALUES (?, ?, ?, ?)');

  function save(day: string, aggregate: DayAggregate, at: number): void {
    db.transaction(() => {
      db.prepare('DELETE FROM report_stats WHERE service_day = ?').run(day);
      db.prepare('DELETE FROM report_arrivals WHERE service_day = ?').run(day);
      for (const { key, tally } of aggregate.tallies.values()) {
        insertStats.run({
          day,
          ...key,
          issued: tally.issued,
          served: tally.served,
          noShow: tally.noShow,
          cancelled: tally.cancelled,
          expired: tally.expired,
          voided: tally.voided,
          transferred: tally.transferred,
          withinTarget: tally.withinTarget,
          waitCount: tally.wait.count,
          waitSum: tally.wait.sumMs,
          waitHist: encodeCounts(tally.wait.counts),
          serviceCount: tally.service.count,
          serviceSum: tally.service.sumMs,
          serviceHist: encodeCounts(tally.service.counts),
        });
      }
      for (const [key, arrivals] of aggregate.arrivals) {
        const [serviceId, hour] = key.split('|');
        insertArrivals.run(day, serviceId, Number(hour), arrivals);
      }
      db.prepare('INSERT OR REPLACE INTO report_days VALUES (?, ?)').run(day, at);
    })();
  }

  return {
    /** Today is still moving: it is aggregated on each read, never stored. */
    aggregateLive(day: string, index: BuildingIndex): DayAggregate {
      return aggregate(day, index);
    },

    /**
     * Aggregates the closed days of the period that are not yet (empty days too, so they are
     * not looked at again); returns how many it did. Walks the calendar, not the tickets.
     */
    ensureAggregated(from: string, to: string, today: string, index: BuildingIndex, at: number) {
      const first = db
        .prepare<[], { day: string | null }>('SELECT MIN(service_day) AS day FROM tickets')
        .get()?.day;
      if (!first) return 0;
      const start = from > first ? from : first;
      const done = new Set(
        db
          .prepare<[string, string], { service_day: string }>(
            'SELECT service_day FROM report_days WHERE service_day BETWEEN ? AND ?',
          )
          .all(start, to)
          .map((r) => r.service_day),
      );
      let count = 0;
      for (let day = start; day <= to && day < today; day = nextDay(day)) {
        if (done.has(day)) continue;
        save(day, aggregate(day, index), at);
        count += 1;
      }
      return count;
    },

    /**
     * The period's tallies summed per service, counter and officer. A year is ~70,000 rows:
     * each histogram is added into its key's sums as it is parsed, without an array per row.
     */
    stats(from: string, to: string): { key: TallyKey; tally: Tally }[] {
      const sums = new Map<string, { key: TallyKey; tally: Tally }>();
      const rows = db
        .prepare<[string, string], StatsRow>(
          'SELECT * FROM report_stats WHERE service_day BETWEEN ? AND ?',
        )
        .iterate(from, to);
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
    servedByService(from: string, to: string, today: string, index: BuildingIndex, at: number) {
      this.ensureAggregated(from, to, today, index, at);
      const served = new Map(
        db
          .prepare<[string, string], { service_id: string; n: number }>(
            `SELECT service_id, SUM(served) AS n FROM report_stats
             WHERE service_day BETWEEN ? AND ? GROUP BY service_id`,
          )
          .all(from, to)
          .map((r) => [r.service_id, r.n]),
      );
      if (from <= today && today <= to) {
        for (const { key, tally } of aggregate(today, index).tallies.values()) {
          served.set(key.serviceId, (served.get(key.serviceId) ?? 0) + tally.served);
        }
      }
      return served;
    },

    /** Arrivals per service, weekday of the service day (0 = Sunday) and local hour. */
    arrivals(from: string, to: string) {
      return db
        .prepare<
          [string, string],
          { service_id: string; weekday: number; hour: number; n: number }
        >(
          `SELECT service_id, CAST(strftime('%w', service_day) AS INTEGER) AS weekday, hour,
             SUM(arrivals) AS n
           FROM report_arrivals WHERE service_day BETWEEN ? AND ?
           GROUP BY service_id, weekday, hour`,
        )
        .all(from, to);
    },

    officerNames(): Map<string, string> {
      const rows = db
        .prepare<[], { id: string; display_name: string }>('SELECT id, display_name FROM users')
        .all();
      return new Map(rows.map((r) => [r.id, r.display_name]));
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
