import type pg from 'pg';
import type { PgBuilding } from '../db/pg/pg-database';
import { CLUSTER_SCHEMA, migratePgSchema, openPgBuilding, openPgPool } from '../db/pg/pg-database';
import type { Sql } from '../db/sql';
import { createPgSql } from '../db/sql';
import { REGION_MIGRATIONS_DIR } from '../paths';

/** The region's own tables: accounts, sessions, failed sign-ins. Nothing of a building. */
export const REGION_SCHEMA = 'antre_region';

/**
 * Where the regional overview reads and writes. Two kinds of pools, never mixed up:
 *  - `own`: a small writable pool whose sessions see only `antre_region` (and the cluster's
 *    leases), for the region's accounts and sessions;
 *  - `leases` and one pool per building: every session read-only on the server
 *    (`default_transaction_read_only`), so no bug of the region can write to a building.
 */
export interface RegionDatabase {
  own: Sql;
  ownPool: pg.Pool;
  /** Read-only, on the cluster's schema: the lease rows that list the buildings. */
  leases: pg.Pool;
  /** A building's read-only pool, opened on first use and kept while it is listed. */
  building: (key: string) => PgBuilding;
  /** Closes the pools of buildings no longer listed. */
  keepOnly: (keys: readonly string[]) => Promise<void>;
  migrations: () => Promise<number>;
  close: () => Promise<void>;
}

const READ_ONLY = {
  readOnly: true,
  max: 2,
  // Kept across the overview's refreshes (every 10–15 s) rather than reopened each time.
  idleTimeoutMs: 60_000,
} as const;

export async function openRegionDatabase(url: string): Promise<RegionDatabase> {
  const ownPool = openPgPool(url, REGION_SCHEMA, { max: 4, applicationName: 'antre-region' });
  const leases = openPgPool(url, CLUSTER_SCHEMA, {
    ...READ_ONLY,
    applicationName: 'antre-region leases',
  });
  const buildings = new Map<string, PgBuilding>();
  try {
    await migratePgSchema(ownPool, REGION_SCHEMA, REGION_MIGRATIONS_DIR, 'The region schema');
  } catch (error) {
    await Promise.all([ownPool.end(), leases.end()]);
    throw error;
  }
  const own = createPgSql({
    building: 'region',
    schema: REGION_SCHEMA,
    pool: ownPool,
    close: () => ownPool.end(),
  });
  return {
    own,
    ownPool,
    leases,
    building(key) {
      let opened = buildings.get(key);
      if (!opened) {
        opened = openPgBuilding(url, key, {
          ...READ_ONLY,
          applicationName: `antre-region ${key}`,
        });
        buildings.set(key, opened);
      }
      return opened;
    },
    async keepOnly(keys) {
      const listed = new Set(keys);
      for (const [key, opened] of buildings)
        if (!listed.has(key)) {
          buildings.delete(key);
          await opened.close();
        }
    },
    async migrations() {
      return (await own.get<{ n: number }>('SELECT COUNT(*) AS n FROM schema_migrations'))?.n ?? 0;
    },
    async close() {
      const all = [...buildings.values()];
      buildings.clear();
      await Promise.all([ownPool.end(), leases.end(), ...all.map((b) => b.close())]);
    },
  };
}
