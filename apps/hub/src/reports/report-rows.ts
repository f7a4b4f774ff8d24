import { encodeCounts } from '@antre/domain';
import type { SqlParam, SqlRunner } from '../db/sql';
import type { DayAggregate, Tally } from './day-aggregate';

// How a day's tallies are stored (report_stats, report_arrivals) and read back.

/** A report_stats row: one service day, service, counter and officer. */
export interface StatsRow {
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

export const STATS_COLUMNS = `service_day, service_id, counter_id, officer_id, issued, served, no_show,
  cancelled, expired, voided, transferred, within_target, wait_count, wait_sum_ms, wait_hist,
  service_count, service_sum_ms, service_hist`;
const STATS_WIDTH = 18;
const ARRIVALS_COLUMNS = 'service_day, service_id, hour, arrivals';

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

export function addRow(tally: Tally, row: StatsRow): void {
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

// A day's rows go in a few statements of many rows: one round trip each on PostgreSQL.
const ROWS_PER_INSERT = 100;

async function insertRows(
  tx: SqlRunner,
  table: string,
  columns: string,
  width: number,
  rows: SqlParam[][],
): Promise<void> {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    await tx.run(
      `INSERT INTO ${table} (${columns}) VALUES ${chunk.map(() => row).join(', ')}`,
      chunk.flat(),
    );
  }
}

/** Replaces a day's stored rows with its aggregate, through the caller's transaction. */
export async function replaceDay(
  tx: SqlRunner,
  day: string,
  aggregate: DayAggregate,
): Promise<void> {
  const stats = [...aggregate.tallies.values()].map(({ key, tally }) => [
    day,
    key.serviceId,
    key.counterId,
    key.officerId,
    tally.issued,
    tally.served,
    tally.noShow,
    tally.cancelled,
    tally.expired,
    tally.voided,
    tally.transferred,
    tally.withinTarget,
    tally.wait.count,
    tally.wait.sumMs,
    encodeCounts(tally.wait.counts),
    tally.service.count,
    tally.service.sumMs,
    encodeCounts(tally.service.counts),
  ]);
  const arrivals = [...aggregate.arrivals].map(([key, n]) => {
    const [serviceId, hour] = key.split('|');
    return [day, serviceId!, Number(hour), n];
  });
  await tx.run('DELETE FROM report_stats WHERE service_day = ?', [day]);
  await tx.run('DELETE FROM report_arrivals WHERE service_day = ?', [day]);
  await insertRows(tx, 'report_stats', STATS_COLUMNS, STATS_WIDTH, stats);
  await insertRows(tx, 'report_arrivals', ARRIVALS_COLUMNS, 4, arrivals);
}
