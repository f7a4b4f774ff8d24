import { DEFAULT_TICKET_TEMPLATE } from '@antre/escpos';
import type { Db } from '../db/database';

const KEY = 'ticket_template';

/** The ticket template the hub prints with, kept in `hub_state`; none saved means the default. */
export function createTemplateStore(db: Db) {
  const select = db.prepare<[string], { value: string }>(
    'SELECT value FROM hub_state WHERE key = ?',
  );
  const upsert = db.prepare(
    'INSERT INTO hub_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const remove = db.prepare('DELETE FROM hub_state WHERE key = ?');

  return {
    current(): string {
      return select.get(KEY)?.value ?? DEFAULT_TICKET_TEMPLATE;
    },
    /** Saving the default forgets the custom one, so a later default change reaches this hub. */
    save(template: string): void {
      if (template === DEFAULT_TICKET_TEMPLATE) remove.run(KEY);
      else upsert.run(KEY, template);
    },
  };
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;
