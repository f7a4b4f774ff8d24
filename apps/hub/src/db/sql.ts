import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { fence } from '../cluster/lease';
import type { Db } from './database';
import type { PgBuilding } from './pg/pg-database';
import { inTransaction } from './pg/pg-database';

/**
 * The hub's stores (building, accounts, devices, survey, reports, audit, bookings, outbox) on
 * either engine through one small promise interface: the embedded SQLite file (better-sqlite3)
 * or a building's schema on PostgreSQL (`pg`). A store is written once against it, in SQL both
 * engines take (`?` placeholders, `ON CONFLICT`, `excluded.`, lowercase column aliases, integers
 * for booleans and epoch milliseconds); where they differ it asks `sql.dialect`. The queue's own
 * hot path has an implementation per engine (queue/queue-storage*.ts), for its batch statements.
 *
 * Written by hand: the query builders and ORMs that cover both engines (Kysely, Knex, Drizzle)
 * would put a second layer over statements that are already plain SQL, and none of them knows
 * the two things this one must: SQLite's single connection is shared, so a transaction that
 * awaits must keep every other statement out until it ends; and on PostgreSQL every write is
 * fenced by the building's lease epoch (cluster/lease.ts).
 */
export type SqlParam = string | number | bigint | null | Buffer;

export interface SqlRunner {
  all<R>(sql: string, params?: readonly SqlParam[]): Promise<R[]>;
  get<R>(sql: string, params?: readonly SqlParam[]): Promise<R | undefined>;
  /** A write; `changes` is the rows it touched. */
  run(sql: string, params?: readonly SqlParam[]): Promise<{ changes: number }>;
}

export interface Sql extends SqlRunner {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `work` in one transaction and gives it the runner to use inside: all of it is saved or
   * none. On SQLite nothing else touches the connection until it ends; on PostgreSQL it holds
   * one pooled connection and, on a cluster, first checks the lease (a fenced process writes
   * nothing). Calling the outer `Sql` from inside `work` is a bug and throws.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

/** A store's statement used inside the transaction: a clear error instead of a deadlock. */
export class SqlOutsideTransactionError extends Error {
  constructor() {
    super('A statement inside a transaction used the outer connection instead of the runner');
  }
}

/** The embedded engine: better-sqlite3 on the hub's file. */
export interface SqliteSql extends Sql {
  readonly dialect: 'sqlite';
  /**
   * Synchronous work on the connection itself (the queue's prepared statements, a backup), kept
   * out of any transaction under way: it runs once that has ended.
   */
  exclusive<T>(work: (db: Db) => T | Promise<T>): Promise<T>;
}

const inside = new AsyncLocalStorage<object>();

export function createSqliteSql(db: Db): SqliteSql {
  // The transaction (or exclusive work) under way; while it is, everything else waits its turn.
  let holder: object | null = null;
  let queue: Promise<void> = Promise.resolve();
  type Statement = Database.Statement<SqlParam[]>;
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<SqlParam[]>(sql);
      if (statements.size > 500) statements.clear();
      statements.set(sql, statement);
    }
    return statement;
  };
  const direct: SqlRunner = {
    all: <R>(sql: string, params: readonly SqlParam[] = []) =>
      settle(() => prepare(sql).all(...(params as SqlParam[])) as R[]),
    get: <R>(sql: string, params: readonly SqlParam[] = []) =>
      settle(() => prepare(sql).get(...(params as SqlParam[])) as R | undefined),
    run: (sql, params = []) =>
      settle(() => ({ changes: prepare(sql).run(...(params as SqlParam[])).changes })),
  };

  /** Runs `work` alone on the connection: at once when nothing holds it, else after. */
  function alone<T>(work: (token: object) => T | Promise<T>): Promise<T> {
    if (inside.getStore() && inside.getStore() === holder)
      return Promise.reject(new SqlOutsideTransactionError());
    const token = {};
    const turn = queue.then(async () => {
      holder = token;
      try {
        return await inside.run(token, () => work(token));
      } finally {
        holder = null;
      }
    });
    queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }
  /** A single statement: straight away unless a transaction holds the connection. */
  const outside =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      if (holder === null) return run(...args);
      return alone(() => run(...args));
    };

  return {
    dialect: 'sqlite',
    all: outside(direct.all) as SqlRunner['all'],
    get: outside(direct.get) as SqlRunner['get'],
    run: outside(direct.run),
    exclusive: (work) => (holder === null ? settle(() => work(db)) : alone(() => work(db))),
    transaction: (work) =>
      alone(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
  };
}

/**
 * A building's schema on PostgreSQL. With `epoch` (a hub serving the building on a cluster)
 * every write is fenced: a lone `run` is its own fenced transaction, and `transaction` checks the
 * lease first. Without it (a tool, a test that holds no lease) writes are plain.
 */
export function createPgSql(db: PgBuilding, epoch?: () => number): Sql {
  const { pool, building } = db;
  const check = (): void => {
    if (inside.getStore()) throw new SqlOutsideTransactionError();
  };
  const transaction = <T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> => {
    check();
    return inTransaction(pool, async (client) => {
      if (epoch) await fence(client, building, epoch());
      return inside.run({}, () => work(pgRunner(client)));
    });
  };
  const plain = pgRunner(pool);
  return {
    dialect: 'postgres',
    all: (sql, params) => (check(), plain.all(sql, params)),
    get: (sql, params) => (check(), plain.get(sql, params)),
    run: (sql, params) =>
      epoch ? transaction((tx) => tx.run(sql, params)) : (check(), plain.run(sql, params)),
    transaction,
  };
}

/** Statements on a PostgreSQL connection (a transaction's client) or a pool. */
export function pgRunner(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    all: async <R>(sql: string, params: readonly SqlParam[] = []) =>
      (await client.query(toPg(sql), params as unknown[])).rows as R[],
    get: async <R>(sql: string, params: readonly SqlParam[] = []) =>
      (await client.query(toPg(sql), params as unknown[])).rows[0] as R | undefined,
    run: async (sql, params = []) => ({
      changes: (await client.query(toPg(sql), params as unknown[])).rowCount ?? 0,
    }),
  };
}

// `?` becomes `$1`, `$2`… outside quoted strings and identifiers; each text converted once.
const converted = new Map<string, string>();
export function toPg(sql: string): string {
  let out = converted.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  let quote: string | null = null;
  out = '';
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '?') {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  if (converted.size > 2000) converted.clear();
  converted.set(sql, out);
  return out;
}

function settle<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error as Error);
  }
}
