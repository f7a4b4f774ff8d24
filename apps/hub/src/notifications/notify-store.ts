import type { NotifyMessage, NotifySettings } from '@antre/protocol';
import { NotifySettingsSchema } from '@antre/protocol';
import type { Sql, SqliteSql, SqlParam, SqlRunner } from '../db/sql';
import { agencyOfMessage } from './message-agency';
import type { PlannedMessage, Subscriber } from './visitor-messages';

export interface ChannelRow {
  id: string;
  kind: 'whatsapp' | 'http' | 'webpush' | 'log';
  config: string;
  secrets: string;
  updated_at: number;
}

export interface SubscriptionRow {
  id: string;
  ticket_id: string | null;
  booking_id: string | null;
  medium: 'phone' | 'push';
  address: string | null;
  language: 'id' | 'en';
  created_at: number;
  purged_at: number | null;
}

export interface OutboxRow {
  seq: number;
  key: string;
  recipient: string;
  message: NotifyMessage;
  params: string;
  language: 'id' | 'en';
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  channel_id: string | null;
  attempts: number;
  next_at: number;
  created_at: number;
  sent_at: number | null;
  last_error: string | null;
  answer: string | null;
  agency_id: string | null;
}

/** One group of the outbox; `channel` is null before an attempt ended, or none was set or kept. */
export interface DeliveryCount {
  message: NotifyMessage;
  channel: ChannelRow['kind'] | null;
  status: OutboxRow['status'];
  n: number;
}

/**
 * What the sender writes of a message. Each applies only to a row still pending with the
 * `attempts` it was read (or claimed) with: of two senders that read the same row, one claims
 * it, and the other's decisions about it are dropped.
 */
export type OutboxUpdate = { seq: number; attempts: number } & (
  | {
      /**
       * Counted before the attempt: a crash mid-send leaves the row pending, tried again. The
       * channel is kept from here, so a message in flight is counted under the one it goes by.
       */
      kind: 'claim';
      retryAt: number;
      channelId: string;
    }
  | { kind: 'sent'; channelId: string; answer: string; at: number }
  | { kind: 'retry'; channelId: string | null; error: string; nextAt: number }
  | { kind: 'ended'; status: 'failed' | 'skipped'; channelId: string | null; error: string }
);

const SETTINGS_KEY = 'notify_settings';
const STILL_AS_READ = "WHERE seq = ? AND status = 'pending' AND attempts = ?";

function statementOf(u: OutboxUpdate): { text: string; params: SqlParam[] } {
  const where = [u.seq, u.attempts];
  switch (u.kind) {
    case 'claim':
      return {
        text: `UPDATE notify_outbox SET attempts = attempts + 1, next_at = ?, channel_id = ? ${STILL_AS_READ}`,
        params: [u.retryAt, u.channelId, ...where],
      };
    case 'sent':
      return {
        text: `UPDATE notify_outbox SET status = 'sent', channel_id = ?, answer = ?, sent_at = ?, last_error = NULL ${STILL_AS_READ}`,
        params: [u.channelId, u.answer.slice(0, 500), u.at, ...where],
      };
    case 'retry':
      return {
        text: `UPDATE notify_outbox SET channel_id = ?, last_error = ?, next_at = ? ${STILL_AS_READ}`,
        params: [u.channelId, u.error.slice(0, 500), u.nextAt, ...where],
      };
    case 'ended':
      return {
        text: `UPDATE notify_outbox SET status = ?, channel_id = ?, last_error = ? ${STILL_AS_READ}`,
        params: [u.status, u.channelId, u.error.slice(0, 500), ...where],
      };
  }
}

const isSqlite = (sql: Sql): sql is SqliteSql => 'exclusive' in sql;

export function createNotifyStore(sql: Sql) {
  /** In the caller's transaction: a key already in the outbox is never added again. */
  async function enqueue(
    tx: SqlRunner,
    messages: readonly PlannedMessage[],
    now: number,
  ): Promise<number[]> {
    const added: number[] = [];
    for (const m of messages) {
      const row = await tx.get<{ seq: number }>(
        `INSERT INTO notify_outbox (key, recipient, message, params, language, status, next_at, created_at, agency_id)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING seq`,
        [
          m.key,
          m.recipient,
          m.message,
          JSON.stringify(m.params),
          m.language,
          now,
          now,
          await agencyOfMessage(tx, m),
        ],
      );
      if (row) added.push(row.seq);
    }
    return added;
  }

  /**
   * The sender's own records (claims, outcomes) in one transaction, committed without waiting
   * for the disk, so a quick provider adds no flush per message to the queue's commits. A killed
   * process loses none of it; a power cut may lose the last few, and the message then goes again
   * under the same idempotency key. The next queue commit carries them to disk. Says of each
   * update whether it applied.
   */
  function bookkeeping(updates: readonly OutboxUpdate[]): Promise<boolean[]> {
    const statements = updates.map(statementOf);
    if (isSqlite(sql))
      // SQLite takes its durability setting only outside a transaction.
      return sql.exclusive((db) => {
        db.pragma('synchronous = NORMAL');
        try {
          return db.transaction(() =>
            statements.map((s) => db.prepare<SqlParam[]>(s.text).run(...s.params).changes === 1),
          )();
        } finally {
          db.pragma('synchronous = FULL');
        }
      });
    return sql.transaction(async (tx) => {
      await tx.run('SET LOCAL synchronous_commit = off');
      const applied: boolean[] = [];
      for (const s of statements) applied.push((await tx.run(s.text, s.params)).changes === 1);
      return applied;
    });
  }

  return {
    enqueue,
    /** Messages with nothing else to save (a test send, reminders, an opt-in's first news). */
    enqueueAlone: (messages: readonly PlannedMessage[], now: number): Promise<number[]> =>
      messages.length === 0
        ? Promise.resolve([])
        : sql.transaction((tx) => enqueue(tx, messages, now)),

    async addSubscription(tx: SqlRunner, row: Omit<SubscriptionRow, 'purged_at'>): Promise<void> {
      await tx.run(
        `INSERT INTO notify_subscriptions (id, ticket_id, booking_id, medium, address, language, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          row.id,
          row.ticket_id,
          row.booking_id,
          row.medium,
          row.address,
          row.language,
          row.created_at,
        ],
      );
    },

    async removeSubscription(tx: SqlRunner, id: string): Promise<void> {
      await tx.run('DELETE FROM notify_subscriptions WHERE id = ?', [id]);
    },

    subscription: (id: string): Promise<SubscriptionRow | undefined> =>
      sql.get<SubscriptionRow>('SELECT * FROM notify_subscriptions WHERE id = ?', [id]),

    subscriptionsOfTicket: (ticketId: string, on: SqlRunner = sql): Promise<SubscriptionRow[]> =>
      on.all<SubscriptionRow>(
        'SELECT * FROM notify_subscriptions WHERE ticket_id = ? AND purged_at IS NULL ORDER BY created_at, id',
        [ticketId],
      ),

    /** Subscribers of the given tickets that still have an address: the planner's index. */
    async subscribersOfTickets(ticketIds: readonly string[]): Promise<Subscriber[]> {
      const subscribers: Subscriber[] = [];
      for (let i = 0; i < ticketIds.length; i += 500) {
        const ids = ticketIds.slice(i, i + 500);
        const rows = await sql.all<{ id: string; ticket_id: string; language: 'id' | 'en' }>(
          `SELECT id, ticket_id, language FROM notify_subscriptions
           WHERE ticket_id IN (${ids.map(() => '?').join(', ')}) AND purged_at IS NULL
           ORDER BY created_at, id`,
          ids,
        );
        for (const r of rows)
          subscribers.push({ id: r.id, ticketId: r.ticket_id, language: r.language });
      }
      return subscribers;
    },

    removeSubscriptionsOfTicket: async (ticketId: string): Promise<number> =>
      (await sql.run('DELETE FROM notify_subscriptions WHERE ticket_id = ?', [ticketId])).changes,

    /** UU 27/2022: numbers and push addresses are emptied after the retention. */
    purgeSubscriptions: (before: number, now: number): Promise<number> =>
      sql.transaction(async (tx) => {
        const subs = await tx.run(
          'UPDATE notify_subscriptions SET address = NULL, purged_at = ? WHERE purged_at IS NULL AND created_at < ?',
          [now, before],
        );
        // The outbox may hold a number too: a staff or test recipient, an alarm's key, and a
        // provider's answer or error that echoes it. The row stays, for the counts.
        await tx.run(
          `UPDATE notify_outbox SET
             recipient = CASE WHEN recipient LIKE 'staff:%' THEN 'staff:purged'
               WHEN recipient LIKE 'test:%' THEN 'test:purged' ELSE recipient END,
             key = CASE WHEN key LIKE 'alarm:%' THEN 'purged:' || seq ELSE key END,
             answer = NULL,
             last_error = NULL
           WHERE created_at < ? AND status <> 'pending'
             AND (answer IS NOT NULL OR last_error IS NOT NULL OR key LIKE 'alarm:%'
               OR ((recipient LIKE 'staff:%' OR recipient LIKE 'test:%') AND recipient NOT LIKE '%:purged'))`,
          [before],
        );
        return subs.changes;
      }),

    due: (now: number, limit: number): Promise<OutboxRow[]> =>
      sql.all<OutboxRow>(
        "SELECT * FROM notify_outbox WHERE status = 'pending' AND next_at <= ? ORDER BY next_at, seq LIMIT ?",
        [now, limit],
      ),

    bookkeeping,

    /** A new process has nothing in flight: what was claimed by the last one is due now. */
    async releaseClaims(now: number): Promise<void> {
      await sql.run(
        "UPDATE notify_outbox SET next_at = ? WHERE status = 'pending' AND attempts > 0 AND next_at > ?",
        [now, now],
      );
    },

    /** How many were sent to one recipient since a moment: the per-recipient limit. */
    async sentTo(recipient: string, since: number): Promise<number> {
      const row = await sql.get<{ n: number }>(
        "SELECT COUNT(*) AS n FROM notify_outbox WHERE recipient = ? AND status = 'sent' AND sent_at >= ?",
        [recipient, since],
      );
      return row?.n ?? 0;
    },

    deliveries(filter: { status?: OutboxRow['status'] | undefined; limit: number }) {
      return filter.status
        ? sql.all<OutboxRow>(
            'SELECT * FROM notify_outbox WHERE status = ? ORDER BY seq DESC LIMIT ?',
            [filter.status, filter.limit],
          )
        : sql.all<OutboxRow>('SELECT * FROM notify_outbox ORDER BY seq DESC LIMIT ?', [
            filter.limit,
          ]);
    },

    /**
     * Messages by kind, channel kind and status written between two moments, for the reports;
     * with an agency, only the messages that concern it. Test sends are no deliveries: left out.
     */
    counts(from: number, to: number, agencyId: string | undefined): Promise<DeliveryCount[]> {
      return sql.all<DeliveryCount>(
        `SELECT o.message, c.kind AS channel, o.status, COUNT(*) AS n FROM notify_outbox o
         LEFT JOIN notify_channels c ON c.id = o.channel_id
         WHERE o.created_at >= ? AND o.created_at < ? AND o.message != 'test'
           ${agencyId === undefined ? '' : 'AND o.agency_id = ?'}
         GROUP BY o.message, c.kind, o.status`,
        agencyId === undefined ? [from, to] : [from, to, agencyId],
      );
    },

    channels: (): Promise<ChannelRow[]> =>
      sql.all<ChannelRow>('SELECT * FROM notify_channels ORDER BY id'),
    channel: (id: string): Promise<ChannelRow | undefined> =>
      sql.get<ChannelRow>('SELECT * FROM notify_channels WHERE id = ?', [id]),
    async saveChannel(row: ChannelRow): Promise<void> {
      await sql.run(
        `INSERT INTO notify_channels (id, kind, config, secrets, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, config = excluded.config,
           secrets = excluded.secrets, updated_at = excluded.updated_at`,
        [row.id, row.kind, row.config, row.secrets, row.updated_at],
      );
    },
    deleteChannel: async (id: string): Promise<boolean> =>
      (await sql.run('DELETE FROM notify_channels WHERE id = ?', [id])).changes === 1,

    texts: () =>
      sql.all<{ message: NotifyMessage; language: 'id' | 'en'; text: string }>(
        'SELECT message, language, text FROM notify_texts',
      ),
    async setText(
      message: NotifyMessage,
      language: 'id' | 'en',
      text: string | null,
    ): Promise<void> {
      if (text === null)
        await sql.run('DELETE FROM notify_texts WHERE message = ? AND language = ?', [
          message,
          language,
        ]);
      else
        await sql.run(
          `INSERT INTO notify_texts (message, language, text) VALUES (?, ?, ?)
           ON CONFLICT (message, language) DO UPDATE SET text = excluded.text`,
          [message, language, text],
        );
    },

    async settings(): Promise<NotifySettings> {
      const raw = (
        await sql.get<{ value: string }>('SELECT value FROM hub_state WHERE key = ?', [
          SETTINGS_KEY,
        ])
      )?.value;
      const parsed = NotifySettingsSchema.safeParse(raw ? JSON.parse(raw) : {});
      return parsed.success ? parsed.data : NotifySettingsSchema.parse({});
    },
    async saveSettings(settings: NotifySettings): Promise<void> {
      await sql.run(
        'INSERT INTO hub_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [SETTINGS_KEY, JSON.stringify(settings)],
      );
    },

    async secret(name: string): Promise<string | undefined> {
      const row = await sql.get<{ value: Buffer }>(
        'SELECT value FROM site_secrets WHERE name = ?',
        [name],
      );
      return row?.value.toString('utf8');
    },
    /** Secrets made together (a key pair): all kept, unless another process kept its own first. */
    addSecrets: (secrets: Record<string, string>): Promise<void> =>
      sql.transaction(async (tx) => {
        for (const [name, value] of Object.entries(secrets))
          await tx.run(
            'INSERT INTO site_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
            [name, Buffer.from(value, 'utf8')],
          );
      }),

    transaction: <T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> => sql.transaction(work),
  };
}

export type NotifyStore = ReturnType<typeof createNotifyStore>;
