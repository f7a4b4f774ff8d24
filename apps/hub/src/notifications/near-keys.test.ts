import { callNext, issueTicket, openCounter } from '@antre/domain';
import { NotifySettingsSchema } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal';
import { saveBuilding } from '../building/building-store';
import { readDemoBuilding } from '../building/first-start';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrations';
import { createSqliteSql } from '../db/sql';
import { MIGRATIONS_DIR } from '../paths';
import { openQueueEngine } from '../queue/queue-engine';
import { createSqliteQueueStorage } from '../queue/queue-storage';
import { MONDAY_MORNING } from '../testing/test-hub';
import { createNotifications } from './notifications';

// "N before you" is planned at every change while a ticket stays near; the notifications
// module skips keys it knows are in the outbox. It must know only committed ones.

const KTP = 'disdukcapil-ktp-el';
const ADMIN: Principal = { kind: 'user', id: 'u1', role: 'admin', agencyId: null, name: 'Admin' };

describe('the near messages already in the outbox', () => {
  it('when the command that planned one rolls back, then the next change plans it again and it is written once', async () => {
    const db = openDatabase(':memory:');
    migrate(db, MIGRATIONS_DIR);
    const building = readDemoBuilding();
    const sql = createSqliteSql(db);
    await saveBuilding(sql, building);
    const engine = await openQueueEngine(
      createSqliteQueueStorage(db, sql),
      building,
      () => MONDAY_MORNING,
    );
    const notifications = await createNotifications({
      sql,
      engine,
      publicUrl: () => 'http://127.0.0.1',
    });
    await notifications.saveSettings(NotifySettingsSchema.parse({ nearAhead: 1 }));
    let commands = 0;
    const run = (
      name: Parameters<typeof engine.execute>[1],
      rule: Parameters<typeof engine.execute>[3],
    ) => engine.execute(ADMIN, name, `c${(commands += 1)}`, rule);
    for (let i = 1; i <= 4; i++)
      void run('ticket:issue', (ctx) =>
        issueTicket(ctx, {
          serviceId: KTP,
          priority: null,
          channel: 'staff',
          needsPrint: false,
          ticketId: `t${i}`,
          code: `code-${i}`,
        }),
      );
    await notifications.optIn('t4', {
      medium: 'phone',
      phone: '081233330000',
      consent: true,
      language: 'id',
    });
    void run('counter:open', (ctx) => openCounter(ctx, 'loket-1'));
    expect((await run('counter:call-next', (ctx) => callNext(ctx, 'loket-1'))).ok).toBe(true); // t1

    // Calling t2 leaves one before t4: "near" is planned; the disk refuses the commit.
    let failNext = true;
    engine.onSave(() => {
      if (!failNext) return;
      failNext = false;
      throw new Error('disk I/O error');
    });
    const refused = await run('counter:call-next', (ctx) => callNext(ctx, 'loket-1'));
    expect(!refused.ok && refused.error.code).toBe('internal');
    const nearRows = () => sql.all("SELECT key FROM notify_outbox WHERE message = 'ticket.near'");
    expect(await nearRows()).toEqual([]);

    expect((await run('counter:call-next', (ctx) => callNext(ctx, 'loket-1'))).ok).toBe(true); // t2
    expect(await nearRows()).toHaveLength(1);
    await notifications.stop();
    db.close();
  });
});
