import { DEFAULT_TICKET_TEMPLATE } from '@antre/escpos';
import type { Sql, SqlRunner } from '../db/sql';

const KEY = 'ticket_template';

/** The ticket template the hub prints with, kept in `hub_state`; none saved means the default. */
export function createTemplateStore(sql: Sql) {
  return {
    /** `tx` when read inside a transaction. */
    async current(tx: SqlRunner = sql): Promise<string> {
      const row = await tx.get<{ value: string }>('SELECT value FROM hub_state WHERE key = ?', [
        KEY,
      ]);
      return row?.value ?? DEFAULT_TICKET_TEMPLATE;
    },
    /**
     * Through `tx`, the transaction that audits it. Saving the default forgets the custom one,
     * so a later default change reaches this hub.
     */
    async save(tx: SqlRunner, template: string): Promise<void> {
      if (template === DEFAULT_TICKET_TEMPLATE)
        await tx.run('DELETE FROM hub_state WHERE key = ?', [KEY]);
      else
        await tx.run(
          'INSERT INTO hub_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          [KEY, template],
        );
    },
  };
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;
