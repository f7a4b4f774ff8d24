import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { MigrationMismatchError, migrationFiles } from '../migrations';
import { CommitOutcomeUnknownError } from '../storage-errors';

/**
 * A building on PostgreSQL lives in a schema of its own (`b_<key>`), so one cluster holds many
 * buildings with the same tables and queries as SQLite's file, a building's data can be dumped
 * or dropped alone (`pg_dump -n`), and a query can never read another building's rows by a
 * missing filter. What the buildings share (their leases) is in `antre_cluster`.
 */
export const CLUSTER_SCHEMA = 'antre_cluster';

/** Keys are chosen by whoever runs the cluster: `mpp-kota-bogor` is the schema `b_mpp_kota_bogor`. */
const BUILDING_KEY = /^[a-z][a-z0-9-]{0,40}$/;

export const isBuildingKey = (key: string): boolean => BUILDING_KEY.test(key);

export function buildingSchema(building: string): string {
  if (!isBuildingKey(building))
    throw new Error(
      `A building key is lowercase letters, digits and dashes, starting with a letter: "${building}"`,
    );
  return `b_${building.replace(/-/g, '_')}`;
}

// Epoch milliseconds and identities are BIGINT, which pg reads as strings by default; they are
// far below 2^53, so they come back as numbers, as do COUNT (BIGINT) and SUM/AVG (NUMERIC) of
// the reports, which SQLite gives as numbers. Set per pool, not on pg's global types.
const BIGINT = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === BIGINT || oid === NUMERIC
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** No statement of the hub's runs this long; one that does is ended by the server. */
const STATEMENT_TIMEOUT_MS = 15_000;

export interface PgOptions {
  /** Who is connected, as `pg_stat_activity` shows it. */
  applicationName?: string;
  /**
   * A session left inside a transaction this long (a paused or frozen process) is ended by
   * the server, so its row locks cannot hold up a takeover (docs/architecture.md).
   */
  idleInTransactionMs?: number;
  max?: number;
  /**
   * Every session read-only (`default_transaction_read_only`): the server refuses any write,
   * so a reader that is not the building's hub (the regional overview) cannot change it.
   */
  readOnly?: boolean;
  /** How long an unused connection stays open (pg's default is 10 s). */
  idleTimeoutMs?: number;
}

export interface PgBuilding {
  building: string;
  schema: string;
  pool: pg.Pool;
  close: () => Promise<void>;
}

/** A pool whose sessions see the building's schema first, then the cluster's. */
export function openPgBuilding(url: string, building: string, options: PgOptions = {}): PgBuilding {
  const schema = buildingSchema(building);
  const pool = openPgPool(url, schema, {
    ...options,
    applicationName: options.applicationName ?? `antre-hub ${building}`,
  });
  return { building, schema, pool, close: () => pool.end() };
}

/** A pool of the hub's kind (numbers as numbers, timeouts, keep-alive) on `schema`, then the cluster's. */
export function openPgPool(url: string, schema: string, options: PgOptions = {}): pg.Pool {
  const settings = [
    `search_path=${schema},${CLUSTER_SCHEMA}`,
    `idle_in_transaction_session_timeout=${options.idleInTransactionMs ?? 2000}`,
    `statement_timeout=${STATEMENT_TIMEOUT_MS}`,
    ...(options.readOnly ? ['default_transaction_read_only=on'] : []),
  ];
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? `antre ${schema}`,
    options: settings.map((s) => `-c ${s}`).join(' '),
    ...(options.idleTimeoutMs ? { idleTimeoutMillis: options.idleTimeoutMs } : {}),
    types,
    // A server gone silent (a partition, a frozen VM) is noticed by TCP, not after minutes.
    keepAlive: true,
    keepAliveInitialDelayMillis: 5_000,
  });
  // An idle connection the server ends (restart, failover of PostgreSQL itself) must not end
  // the hub: the pool drops it and the next query opens another.
  pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  return pool;
}

/** Runs `work` in one transaction on one connection; rolls back if it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // The server may end the session mid-transaction (idle too long, failover, shutdown); pg
  // says so with an 'error' event, which would end the process unheard. The query under way
  // fails instead, and the broken connection is destroyed, not put back in the pool.
  let broken: Error | undefined;
  const onError = (error: Error): void => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    const result = await work(client);
    try {
      await client.query('COMMIT');
    } catch (error) {
      // The server's refusal of the transaction itself (a deferred constraint, a serialization
      // failure) rolled it back. Anything else (a connection lost on the way, the session
      // ended by the server) leaves the outcome unknown: the caller reads back what is saved.
      const code = (error as { code?: unknown }).code;
      const refused = typeof code === 'string' && /^(22|23|40|42)/.test(code);
      if (broken || !refused) throw new CommitOutcomeUnknownError(error);
      throw error;
    }
    return result;
  } catch (error) {
    if (!broken) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/**
 * Forward only, as on SQLite: the applied migrations must be a prefix of the files. All of a
 * building's pending migrations run in one transaction (PostgreSQL's DDL is transactional), under
 * a lock on the schema's name, so two hub processes starting together migrate it once.
 */
export function migratePgBuilding(
  db: PgBuilding,
  dir: string,
): Promise<{ applied: string[]; total: number }> {
  return migratePgSchema(db.pool, db.schema, dir, `Building ${db.building}`);
}

/** The same forward-only run for any schema of the database (the region's own: region/). */
export async function migratePgSchema(
  pool: pg.Pool,
  schema: string,
  dir: string,
  owner: string,
): Promise<{ applied: string[]; total: number }> {
  const files = migrationFiles(dir);
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`antre migrate ${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const done = (
      await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')
    ).rows.map((row) => row.name);
    done.forEach((name, i) => {
      if (files[i] !== name)
        throw new MigrationMismatchError(
          `${owner} has migration ${name} where this build has ${files[i] ?? 'nothing'}; refusing to start`,
        );
    });
    const applied: string[] = [];
    for (const name of files.slice(done.length)) {
      await client.query(readFileSync(join(dir, name), 'utf8'));
      await client.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [
        name,
        Date.now(),
      ]);
      applied.push(name);
    }
    return { applied, total: files.length };
  });
}
