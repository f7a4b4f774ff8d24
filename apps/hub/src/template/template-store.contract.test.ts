import { DEFAULT_TICKET_TEMPLATE } from '@antre/escpos';
import { describe, expect, it } from 'vitest';
import { FencedError } from '../cluster/lease';
import { useSqlEngines } from '../testing/sql-engines';
import { createTemplateStore } from './template-store';

// The admin's ticket template on both engines.

const engines = useSqlEngines();

describe.each(engines)('template store on $name', (engine) => {
  it('when a template is saved, changed and set back to the default, then each is what is read', async () => {
    const { sql } = await engine.open();
    const templates = createTemplateStore(sql);
    expect(await templates.current()).toBe(DEFAULT_TICKET_TEMPLATE);

    await sql.transaction((tx) => templates.save(tx, '{{label}}'));
    expect(await templates.current()).toBe('{{label}}');
    await sql.transaction((tx) => templates.save(tx, '{{label}}\n{{serviceName}}'));
    expect(await templates.current()).toBe('{{label}}\n{{serviceName}}');
    await sql.transaction((tx) => templates.save(tx, DEFAULT_TICKET_TEMPLATE));

    expect(await templates.current()).toBe(DEFAULT_TICKET_TEMPLATE);
    // The default is not stored, so a later default reaches this hub.
    expect(await sql.all("SELECT * FROM hub_state WHERE key = 'ticket_template'")).toEqual([]);
  });

  it('when the transaction saving it rolls back, then the template is as it was', async () => {
    const { sql } = await engine.open();
    const templates = createTemplateStore(sql);
    await sql.transaction((tx) => templates.save(tx, '{{label}}'));

    await expect(
      sql.transaction(async (tx) => {
        await templates.save(tx, '{{code}}');
        expect(await templates.current(tx)).toBe('{{code}}');
        throw new Error('the audit entry failed');
      }),
    ).rejects.toThrow('the audit entry failed');

    expect(await templates.current()).toBe('{{label}}');
  });

  if (engine.name === 'PostgreSQL')
    it('when another process has taken the building over, then a save is refused', async () => {
      const { sql, takeOver } = await engine.open();
      const templates = createTemplateStore(sql);
      await takeOver!();

      await expect(sql.transaction((tx) => templates.save(tx, '{{label}}'))).rejects.toBeInstanceOf(
        FencedError,
      );
      expect(await templates.current()).toBe(DEFAULT_TICKET_TEMPLATE);
    });
});
