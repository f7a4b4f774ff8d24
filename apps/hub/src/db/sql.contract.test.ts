import { describe, expect, it } from 'vitest';
import { FencedError } from '../cluster/lease';
import { useSqlEngines } from '../testing/sql-engines';
import { createSqliteSql, SqlOutsideTransactionError, toPg } from './sql';
import { openDatabase } from './database';

// The stores' one interface on both engines (db/sql.ts): what a store may count on.

const engines = useSqlEngines();

const TABLE = `CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL, n INTEGER NOT NULL)`;

describe.each(engines)('Sql on $name', (engine) => {
  it('reads and writes with ? placeholders, and counts what a write touched', async () => {
    const { sql } = await engine.open();
    await sql.run(TABLE);
    await sql.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', ['a', "it's ? here", 1]);
    await sql.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', ['b', 'two', 2]);
    expect(await sql.get<{ body: string }>('SELECT body FROM notes WHERE id = ?', ['a'])).toEqual({
      body: "it's ? here",
    });
    expect(await sql.get('SELECT body FROM notes WHERE id = ?', ['zz'])).toBeUndefined();
    const updated = await sql.run("UPDATE notes SET body = 'x' WHERE n >= ?", [1]);
    expect(updated.changes).toBe(2);
    const ignored = await sql.run(
      'INSERT INTO notes (id, body, n) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
      ['a', 'again', 9],
    );
    expect(ignored.changes).toBe(0);
    // COUNT, SUM and AVG come back as numbers on both engines.
    expect(
      await sql.get(
        'SELECT COUNT(*) AS count, SUM(n) AS total, AVG(n) AS mean, MAX(n) AS top FROM notes',
      ),
    ).toEqual({ count: 2, total: 3, mean: 1.5, top: 2 });
    expect(await sql.all('SELECT id FROM notes ORDER BY id')).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('keeps all of a transaction or none of it', async () => {
    const { sql } = await engine.open();
    await sql.run(TABLE);
    await expect(
      sql.transaction(async (tx) => {
        await tx.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', ['a', 'one', 1]);
        await tx.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', ['a', 'dup', 2]);
      }),
    ).rejects.toThrow();
    expect(await sql.all('SELECT * FROM notes')).toEqual([]);
    const result = await sql.transaction(async (tx) => {
      await tx.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', ['a', 'one', 1]);
      return (await tx.get<{ n: number }>('SELECT n FROM notes WHERE id = ?', ['a']))?.n;
    });
    expect(result).toBe(1);
    expect(await sql.all('SELECT id FROM notes')).toEqual([{ id: 'a' }]);
  });

  it('refuses the outer connection inside a transaction instead of deadlocking', async () => {
    const { sql } = await engine.open();
    await sql.run(TABLE);
    await expect(
      sql.transaction(async () => {
        await sql.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', ['a', 'one', 1]);
      }),
    ).rejects.toBeInstanceOf(SqlOutsideTransactionError);
    await expect(sql.transaction(() => sql.transaction(async () => 1))).rejects.toBeInstanceOf(
      SqlOutsideTransactionError,
    );
    expect(await sql.all('SELECT * FROM notes')).toEqual([]);
  });

  it('does not let a statement from elsewhere into a transaction that waits', async () => {
    const { sql } = await engine.open();
    await sql.run(TABLE);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const failing = sql.transaction(async (tx) => {
      await tx.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', ['in-tx', 'one', 1]);
      await gate;
      throw new Error('rolled back');
    });
    // Another request writes while the transaction is open: it must not be rolled back with it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outside = sql.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', ['other', 'x', 2]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(failing).rejects.toThrow('rolled back');
    await outside;
    expect(await sql.all('SELECT id FROM notes')).toEqual([{ id: 'other' }]);
  });

  if (engine.name === 'PostgreSQL')
    it('writes nothing once another process holds the lease', async () => {
      const { sql, takeOver } = await engine.open();
      await sql.run(TABLE);
      await takeOver!();
      await expect(
        sql.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', ['a', 'one', 1]),
      ).rejects.toBeInstanceOf(FencedError);
      await expect(
        sql.transaction((tx) =>
          tx.run('INSERT INTO notes (id, body, n) VALUES (?, ?, ?)', ['b', 'x', 1]),
        ),
      ).rejects.toBeInstanceOf(FencedError);
      // Reads still answer (a standby may read).
      expect(await sql.all('SELECT * FROM notes')).toEqual([]);
    });

  if (engine.name === 'PostgreSQL')
    it("marks what it writes with the writer's lease epoch", async () => {
      const { sql, pg } = await engine.open();
      const { epoch } = (
        await pg!.pool.query<{ epoch: number }>(
          'SELECT epoch FROM antre_cluster.leases WHERE building = $1',
          [pg!.building],
        )
      ).rows[0]!;
      await sql.run(
        "CREATE TABLE marked (id TEXT PRIMARY KEY, epoch BIGINT DEFAULT (NULLIF(current_setting('antre.epoch', true), ''))::bigint)",
      );
      await sql.run('INSERT INTO marked (id) VALUES (?)', ['a']);
      await sql.transaction((tx) => tx.run('INSERT INTO marked (id) VALUES (?)', ['b']));
      expect(await sql.all('SELECT id, epoch FROM marked ORDER BY id')).toEqual([
        { id: 'a', epoch },
        { id: 'b', epoch },
      ]);
      // The queue's events and commands carry the same default.
      const defaults = await sql.all<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns
         WHERE column_name = 'epoch' AND table_schema = ? AND column_default LIKE '%antre.epoch%'
           AND table_name <> 'marked'
         ORDER BY table_name`,
        [pg!.schema],
      );
      expect(defaults.map((d) => d.table_name)).toEqual(['commands', 'ticket_events']);
    });
});

describe('SQLite gate', () => {
  it('keeps exclusive work out of an open transaction, and runs it at once otherwise', async () => {
    const db = openDatabase(':memory:');
    const sql = createSqliteSql(db);
    await sql.run(TABLE);
    const order: string[] = [];
    expect(await sql.exclusive(() => (order.push('free'), 1))).toBe(1);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tx = sql.transaction(async (t) => {
      await t.run("INSERT INTO notes VALUES ('a', 'x', 1)");
      order.push('tx');
      await gate;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const waited = sql.exclusive((conn) => {
      order.push(`exclusive sees inTransaction=${String(conn.inTransaction)}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['free', 'tx']);
    release();
    await tx;
    await waited;
    expect(order).toEqual(['free', 'tx', 'exclusive sees inTransaction=false']);
    db.close();
  });

  it('turns ? into $n outside quotes for PostgreSQL', () => {
    expect(toPg(`SELECT '?' AS "a?", x FROM t WHERE a = ? AND b = ?`)).toBe(
      `SELECT '?' AS "a?", x FROM t WHERE a = $1 AND b = $2`,
    );
  });
});
