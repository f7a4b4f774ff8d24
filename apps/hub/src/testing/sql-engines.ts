import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ensureLeaseTable, takeLease } from '../cluster/lease';
import type { Db } from '../db/database';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrations';
import type { PgBuilding } from '../db/pg/pg-database';
import { migratePgBuilding, openPgBuilding } from '../db/pg/pg-database';
import type { Sql } from '../db/sql';
import { createPgSql, createSqliteSql } from '../db/sql';
import { MIGRATIONS_DIR, PG_MIGRATIONS_DIR } from '../paths';
import type { PgCluster } from './pg-cluster';
import { startPgCluster } from './pg-cluster';

/** A fresh, migrated, empty building on one engine. */
export interface OpenedSql {
  sql: Sql;
  /** SQLite only: the connection itself, for what still takes it. */
  db?: Db;
  /** PostgreSQL only: the building's pool. */
  pg?: PgBuilding;
  /** PostgreSQL only: another process takes the building's lease; this one's writes are fenced. */
  takeOver?: () => Promise<void>;
}

export interface SqlEngine {
  name: 'SQLite' | 'PostgreSQL';
  open: () => Promise<OpenedSql>;
}

/**
 * The two engines a store's contract tests run on: a real SQLite file (WAL, synchronous=FULL)
 * and a building schema on a real PostgreSQL server started for the test file, each `open` a new
 * empty building with every migration applied. Call once at the top of a test file, then
 * `describe.each(engines)('$name', (engine) => …)`.
 */
export function useSqlEngines(): SqlEngine[] {
  let cluster: PgCluster | undefined;
  let url = '';
  let opened = 0;
  const cleanups: (() => Promise<void> | void)[] = [];
  beforeAll(async () => {
    cluster = await startPgCluster();
    url = await cluster.createDatabase('stores');
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cluster?.stop();
  });
  return [
    {
      name: 'SQLite',
      open: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'antre-store-'));
        const db = openDatabase(join(dir, 'antre.db'));
        migrate(db, MIGRATIONS_DIR);
        cleanups.push(() => {
          db.close();
          rmSync(dir, { recursive: true, force: true });
        });
        return { sql: createSqliteSql(db), db };
      },
    },
    {
      name: 'PostgreSQL',
      open: async () => {
        opened += 1;
        const key = `store-${opened}`;
        const pg = openPgBuilding(url, key);
        cleanups.push(() => pg.close());
        await ensureLeaseTable(pg.pool);
        await migratePgBuilding(pg, PG_MIGRATIONS_DIR);
        const epoch = await takeLease(pg.pool, key, 'store-test', 600_000);
        if (epoch === null) throw new Error(`No lease for ${key}`);
        return {
          sql: createPgSql(pg, () => epoch),
          pg,
          takeOver: async () => {
            await pg.pool.query(
              "UPDATE antre_cluster.leases SET epoch = epoch + 1, holder = 'another hub' WHERE building = $1",
              [key],
            );
          },
        };
      },
    },
  ];
}
