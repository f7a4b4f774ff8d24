import { join } from 'node:path';
import { lockDataFolder } from '../backup/data-folder-lock';
import { MIGRATIONS_DIR, PG_MIGRATIONS_DIR } from '../paths';
import type { QueueStorage } from '../queue/queue-storage';
import { createSqliteQueueStorage } from '../queue/queue-storage';
import { createPgQueueStorage } from '../queue/queue-storage-pg';
import { startCheckpointer } from './checkpointer';
import type { Db } from './database';
import { openDatabase } from './database';
import { migrate } from './migrations';
import { migratePgBuilding, openPgBuilding } from './pg/pg-database';
import type { Sql } from './sql';
import { createPgSql, createSqliteSql } from './sql';

/** Where a hub keeps its building: every store through `sql`, the queue through `storage`. */
export interface HubDatabase {
  sql: Sql;
  storage: QueueStorage;
  /** For the admin's health view: the SQLite file, or the PostgreSQL server, database and schema. */
  describe: string;
  /** The SQLite connection itself, for what only SQLite does (online backups); null on PostgreSQL. */
  db: Db | null;
  close: () => Promise<void>;
}

export interface HubDatabaseOptions {
  dataDir: string;
  postgres?: { url: string; building: string; epoch: () => number; holder: string } | undefined;
}

/**
 * Opens and migrates the building's database: by default the SQLite file in the data folder
 * (locked against a second hub, its WAL checkpointed off the event loop); on a cluster the
 * building's schema on PostgreSQL, every write fenced by the lease's epoch.
 */
export async function openHubDatabase(options: HubDatabaseOptions): Promise<HubDatabase> {
  const { postgres } = options;
  if (postgres) {
    const pg = openPgBuilding(postgres.url, postgres.building, {
      applicationName: `antre-hub ${postgres.building} ${postgres.holder}`,
    });
    try {
      await migratePgBuilding(pg, PG_MIGRATIONS_DIR);
    } catch (error) {
      await pg.close();
      throw error;
    }
    const server = new URL(postgres.url);
    return {
      sql: createPgSql(pg, postgres.epoch),
      storage: createPgQueueStorage(pg, postgres.epoch),
      describe: `postgres://${server.host}${server.pathname} (schema ${pg.schema})`,
      db: null,
      close: () => pg.close(),
    };
  }
  const path = join(options.dataDir, 'antre.db');
  // Held until close: a second hub or a restore on this folder refuses instead of corrupting it.
  const releaseLock = await lockDataFolder(options.dataDir);
  let db: Db;
  try {
    db = openDatabase(path);
  } catch (error) {
    await releaseLock();
    throw error;
  }
  try {
    migrate(db, MIGRATIONS_DIR);
  } catch (error) {
    db.close();
    await releaseLock();
    throw error;
  }
  // The WAL is copied into the database off the event loop (db/checkpointer.ts).
  const checkpointer = startCheckpointer(db);
  // Every store's statements go through this one gate on the connection (db/sql.ts).
  const sql = createSqliteSql(db);
  return {
    sql,
    storage: createSqliteQueueStorage(db, sql),
    describe: path,
    db,
    close: async () => {
      await checkpointer.stop();
      if (db.open) db.close();
      await releaseLock();
    },
  };
}
