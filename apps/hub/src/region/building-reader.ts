import type { Building, BuildingIndex } from '@antre/domain';
import { emptyQueue, indexBuilding, serviceDay } from '@antre/domain';
import type { RegionUnavailable } from '@antre/protocol';
import { loadBuilding } from '../building/building-store';
import type { PgBuilding } from '../db/pg/pg-database';
import type { Sql } from '../db/sql';
import { createPgSql } from '../db/sql';
import type { QueueStorage } from '../queue/queue-storage';
import { createPgQueueStorage } from '../queue/queue-storage-pg';
import { liveReport } from '../reports/live-report';
import { createReportStore } from '../reports/report-store';
import { summaryReport } from '../reports/summary-report';
import { ikmReport } from '../survey/ikm-report';
import { createSurveyStore } from '../survey/survey-store';

/**
 * One building as the region reads it: its configuration through its building store and its
 * queue through its queue storage, on the building's read-only pool. The figures are the
 * building's own report code (live-report, summary-report, ikm-report) run on what it saved,
 * so they are what its admin sees on Hari ini, Laporan and SKM.
 */
export interface BuildingReading {
  building: Building;
  index: BuildingIndex;
  sql: Sql;
  storage: QueueStorage;
  /** Today in the building's timezone. */
  today: string;
  now: number;
}

/** Any write would be a bug: refused here, before the read-only session refuses it too. */
const NEVER_WRITES = (): number => {
  throw new Error('The regional overview never writes to a building');
};

export async function readBuilding(
  db: PgBuilding,
  now: number,
): Promise<BuildingReading | RegionUnavailable> {
  const found = await db.pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [db.schema]);
  if (found.rowCount === 0) return 'schema_missing';
  const sql = createPgSql(db);
  const building = await loadBuilding(sql);
  if (!building) return 'no_building';
  return {
    building,
    index: indexBuilding(building),
    sql,
    storage: createPgQueueStorage(db, NEVER_WRITES),
    today: serviceDay(now, building.site.timezone),
    now,
  };
}

/**
 * Today as the building's Hari ini shows it (liveReport on today's saved queue), with issued
 * and absent from today's summary. A day no hub has opened yet is an empty one: its counters
 * are closed, as the hub closes them when it opens the day.
 */
export async function buildingToday(reading: BuildingReading) {
  const { storage, index, today, now } = reading;
  const opened = (await storage.savedServiceDay()) === today;
  const queue = opened ? await storage.loadQueue(today) : emptyQueue(today);
  // The overview shows totals only: officers' names are not read.
  const live = liveReport(queue, index, now, undefined, () => undefined);
  const reports = await createReportStore(reading.sql, { readOnly: true });
  const summary = await summaryReport(reports, index, {
    from: today,
    to: today,
    agencyId: undefined,
    today,
    now,
  });
  return {
    serviceDay: today,
    dayOpen: opened,
    waitingNow: live.waitingNow,
    longestWaitMinutes: live.longestWaitMinutes,
    servedToday: live.servedToday,
    noShowToday: summary.totals.noShow,
    issuedToday: summary.totals.issued,
    countersOpen: live.countersOpen,
    countersPaused: live.countersPaused,
  };
}

/**
 * A period as the building's Laporan and SKM pages show it: summaryReport's totals and
 * ikmReport's building figure, on a read-only report store (closed days it has not
 * aggregated are counted in memory, never saved).
 */
export async function buildingPeriod(reading: BuildingReading, from: string, to: string) {
  const { building, index, today, now } = reading;
  const reports = await createReportStore(reading.sql, { readOnly: true });
  const period = { from, to, agencyId: undefined };
  const { totals } = await summaryReport(reports, index, { ...period, today, now });
  const served = await reports.servedByService(from, to, today, index, now);
  const responses = await createSurveyStore(reading.sql).responses(from, to);
  const ikm = ikmReport(building, responses, served, period).building;
  return {
    issued: totals.issued,
    served: totals.served,
    noShow: totals.noShow,
    waitMean: totals.waitMean,
    waitMedian: totals.waitMedian,
    waitP90: totals.waitP90,
    serviceMean: totals.serviceMean,
    withinTarget: totals.withinTarget,
    ikm: {
      value: ikm.ikm,
      grade: ikm.grade,
      respondents: ikm.respondents,
      served: ikm.served,
      target: ikm.target,
    },
  };
}
