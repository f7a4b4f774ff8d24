import type {
  RegionHubStatus,
  RegionLive,
  RegionReportBuilding,
  RegionReports,
  RegionUnavailable,
} from '@antre/protocol';
import type { TimezoneCode } from '@antre/domain';
import type pg from 'pg';
import { CLUSTER_SCHEMA } from '../db/pg/pg-database';
import type { BuildingReading } from './building-reader';
import { buildingPeriod, buildingToday, readBuilding } from './building-reader';
import type { RegionDatabase } from './region-database';

/** A building as its lease lists it: its key, and who serves it. */
export interface ListedBuilding {
  key: string;
  hub: RegionHubStatus;
}

interface LeaseRow {
  building: string;
  epoch: number;
  holder: string;
  active: boolean;
  expires_ms: number;
}

/**
 * The buildings are the rows of `antre_cluster.leases`: every hub on PostgreSQL takes its
 * building's lease before it serves it (cluster/lease.ts), so each building served once is
 * there, with its key as typed (a schema name `b_mpp_kota_bogor` cannot give `mpp-kota-bogor`
 * back). Before any hub ran on the database there is no table yet: no buildings.
 */
export async function listBuildings(leases: pg.Pool): Promise<ListedBuilding[]> {
  let rows: LeaseRow[];
  try {
    rows = (
      await leases.query<LeaseRow>(
        `SELECT building, epoch, holder, expires_at > now() AS active,
           (extract(epoch FROM expires_at) * 1000)::float8 AS expires_ms
         FROM ${CLUSTER_SCHEMA}.leases ORDER BY building`,
      )
    ).rows;
  } catch (error) {
    // undefined_table, invalid_schema_name
    if (['42P01', '3F000'].includes((error as { code?: string }).code ?? '')) return [];
    throw error;
  }
  return rows.map((row) => ({
    key: row.building,
    hub: row.active
      ? { state: 'active', holder: row.holder, epoch: row.epoch }
      : { state: 'none', since: Math.round(row.expires_ms), lastHolder: row.holder },
  }));
}

/** Runs `work` on each item, at most `limit` at a time, answers in the items' order. */
async function eachLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// A building is read on its own two connections; four at a time keep the region's load on
// the database small whatever the number of buildings.
const BUILDINGS_AT_ONCE = 4;

export function createRegionOverview(database: RegionDatabase, clock: () => number) {
  // A broken building is logged when its trouble starts or changes, not at every refresh.
  const lastTrouble = new Map<string, string>();
  const trouble = (key: string, reason: RegionUnavailable, error?: unknown): RegionUnavailable => {
    const text = error instanceof Error ? `${reason}: ${error.message}` : reason;
    if (lastTrouble.get(key) !== text)
      console.warn(`Region: building ${key} is unavailable (${text})`);
    lastTrouble.set(key, text);
    return reason;
  };

  /** Each listed building read with `work`, or shown unavailable alone when it cannot be. */
  async function perBuilding<R extends object>(
    work: (reading: BuildingReading) => Promise<R>,
  ): Promise<
    (
      | (ListedBuilding & { available: true; name: string; timezone: TimezoneCode } & R)
      | (ListedBuilding & { available: false; reason: RegionUnavailable })
    )[]
  > {
    const listed = await listBuildings(database.leases);
    await database.keepOnly(listed.map((b) => b.key));
    const now = clock();
    return eachLimited(listed, BUILDINGS_AT_ONCE, async (entry) => {
      try {
        const reading = await readBuilding(database.building(entry.key), now);
        if (typeof reading === 'string')
          return { ...entry, available: false as const, reason: trouble(entry.key, reading) };
        const figures = await work(reading);
        lastTrouble.delete(entry.key);
        const { site } = reading.building;
        return {
          ...entry,
          available: true as const,
          name: site.name,
          timezone: site.timezone,
          ...figures,
        };
      } catch (error) {
        return {
          ...entry,
          available: false as const,
          reason: trouble(entry.key, 'unreadable', error),
        };
      }
    });
  }

  return {
    async live(): Promise<RegionLive> {
      const at = clock();
      return { at, buildings: await perBuilding(buildingToday) };
    },
    async reports(from: string, to: string): Promise<RegionReports> {
      const buildings: RegionReportBuilding[] = await perBuilding((reading) =>
        buildingPeriod(reading, from, to),
      );
      return { from, to, buildings };
    },
  };
}

export type RegionOverview = ReturnType<typeof createRegionOverview>;
