import type { NotifyMessage, NotifySettings } from '@antre/protocol';
import { NotifySettingsSchema } from '@antre/protocol';
import type { Db } from '../db/database';
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

const SETTINGS_KEY = 'notify_settings';

export function createNotifyStore(db: Db) {
  const insertOutbox = db.prepare(
    `INSERT INTO notify_outbox (key, recipient, message, params, language, status, next_at, created_at, agency_id)
     VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
  );
  const agencyOf = agencyOfMessage(db);
  // The worker's writes, prepared once: it runs them for every message.
  const claimRow = db.prepare<[number, string, number]>(
    "UPDATE notify_outbox SET attempts = attempts + 1, next_at = ?, channel_id = ? WHERE seq = ? AND status = 'pending'",
  );
  const markSentRow = db.prepare<[string, string, number, number]>(
    "UPDATE notify_outbox SET status = 'sent', channel_id = ?, answer = ?, sent_at = ?, last_error = NULL WHERE seq = ?",
  );
  const markRetryRow = db.prepare<[string | null, string, number, number]>(
    'UPDATE notify_outbox SET channel_id = ?, last_error = ?, next_at = ? WHERE seq = ?',
  );
  const markEndedRow = db.prepare<[string, string | null, string, number]>(
    'UPDATE notify_outbox SET status = ?, channel_id = ?, last_error = ? WHERE seq = ?',
  );
  const sentToRecipient = db.prepare<[string, number], { n: number }>(
    "SELECT COUNT(*) AS n FROM notify_outbox WHERE recipient = ? AND status = 'sent' AND sent_at >= ?",
  );
  const insertSubscription = db.prepare(
    `INSERT INTO notify_subscriptions (id, ticket_id, booking_id, medium, address, language, created_at)
     VALUES (@id, @ticket_id, @booking_id, @medium, @address, @language, @created_at)`,
  );

  return {
    /** In the caller's transaction: a key already in the outbox is never added again. */
    enqueue(messages: readonly PlannedMessage[], now: number): number {
      let added = 0;
      for (const m of messages) {
        added += insertOutbox.run(
          m.key,
          m.recipient,
          m.message,
          JSON.stringify(m.params),
          m.language,
          now,
          now,
          agencyOf(m),
        ).changes;
      }
      return added;
    },

    addSubscription(row: Omit<SubscriptionRow, 'purged_at'>): void {
      insertSubscription.run(row);
    },

    subscription: (id: string): SubscriptionRow | undefined =>
      db
        .prepare<[string], SubscriptionRow>('SELECT * FROM notify_subscriptions WHERE id = ?')
        .get(id),

    subscriptionsOfTicket: (ticketId: string): SubscriptionRow[] =>
      db
        .prepare<[string], SubscriptionRow>(
          'SELECT * FROM notify_subscriptions WHERE ticket_id = ? AND purged_at IS NULL',
        )
        .all(ticketId),

    /** Subscribers of the given tickets that still have an address: the planner's index. */
    subscribersOfTickets(ticketIds: readonly string[]): Subscriber[] {
      if (ticketIds.length === 0) return [];
      const rows: Subscriber[] = [];
      const query = db.prepare<[string], { id: string; ticket_id: string; language: 'id' | 'en' }>(
        'SELECT id, ticket_id, language FROM notify_subscriptions WHERE ticket_id = ? AND purged_at IS NULL',
      );
      for (const id of ticketIds)
        for (const r of query.all(id))
          rows.push({ id: r.id, ticketId: r.ticket_id, language: r.language });
      return rows;
    },

    removeSubscriptionsOfTicket: (ticketId: string): number =>
      db.prepare('DELETE FROM notify_subscriptions WHERE ticket_id = ?').run(ticketId).changes,

    /** UU 27/2022: numbers and push addresses are emptied after the retention. */
    purgeSubscriptions(before: number, now: number): number {
      const subs = db
        .prepare(
          'UPDATE notify_subscriptions SET address = NULL, purged_at = ? WHERE purged_at IS NULL AND created_at < ?',
        )
        .run(now, before).changes;
      // The outbox may hold a number too: a staff or test recipient, an alarm's key, and a
      // provider's answer or error that echoes it. The row stays, for the counts.
      db.prepare(
        `UPDATE notify_outbox SET
           recipient = CASE WHEN recipient LIKE 'staff:%' OR recipient LIKE 'test:%'
             THEN substr(recipient, 1, instr(recipient, ':')) || 'purged' ELSE recipient END,
           key = CASE WHEN key LIKE 'alarm:%' THEN 'purged:' || seq ELSE key END,
           answer = NULL,
           last_error = NULL
         WHERE created_at < ? AND status <> 'pending'
           AND (answer IS NOT NULL OR last_error IS NOT NULL OR key LIKE 'alarm:%'
             OR ((recipient LIKE 'staff:%' OR recipient LIKE 'test:%') AND recipient NOT LIKE '%:purged'))`,
      ).run(before);
      return subs;
    },

    due: (now: number, limit: number): OutboxRow[] =>
      db
        .prepare<[number, number], OutboxRow>(
          "SELECT * FROM notify_outbox WHERE status = 'pending' AND next_at <= ? ORDER BY next_at, seq LIMIT ?",
        )
        .all(now, limit),

    /**
     * Counted before the attempt: a crash mid-send leaves the row pending, tried again. The
     * channel is kept from here, so a message in flight is counted under the one it goes by.
     */
    claim(seq: number, retryAt: number, channelId: string): boolean {
      return claimRow.run(retryAt, channelId, seq).changes === 1;
    },

    /** A new process has nothing in flight: what was claimed by the last one is due now. */
    releaseClaims(now: number): void {
      db.prepare(
        "UPDATE notify_outbox SET next_at = ? WHERE status = 'pending' AND attempts > 0 AND next_at > ?",
      ).run(now, now);
    },

    markSent(seq: number, channelId: string, answer: string, now: number): void {
      markSentRow.run(channelId, answer.slice(0, 500), now, seq);
    },

    markRetry(seq: number, channelId: string | null, error: string, nextAt: number): void {
      markRetryRow.run(channelId, error.slice(0, 500), nextAt, seq);
    },

    markEnded(
      seq: number,
      status: 'failed' | 'skipped',
      channelId: string | null,
      error: string,
    ): void {
      markEndedRow.run(status, channelId, error.slice(0, 500), seq);
    },

    /** How many were sent to one recipient since a moment: the per-recipient limit. */
    sentTo: (recipient: string, since: number): number => sentToRecipient.get(recipient, since)!.n,

    deliveries(filter: { status?: OutboxRow['status'] | undefined; limit: number }): OutboxRow[] {
      return filter.status
        ? db
            .prepare<[string, number], OutboxRow>(
              'SELECT * FROM notify_outbox WHERE status = ? ORDER BY seq DESC LIMIT ?',
            )
            .all(filter.status, filter.limit)
        : db
            .prepare<[number], OutboxRow>('SELECT * FROM notify_outbox ORDER BY seq DESC LIMIT ?')
            .all(filter.limit);
    },

    /**
     * Messages by kind, channel kind and status written between two moments, for the reports;
     * with an agency, only the messages that concern it. Test sends are no deliveries: left out.
     */
    counts(from: number, to: number, agencyId: string | undefined): DeliveryCount[] {
      return db
        .prepare<[number, number, string | null, string | null], DeliveryCount>(
          `SELECT o.message, c.kind AS channel, o.status, COUNT(*) AS n FROM notify_outbox o
           LEFT JOIN notify_channels c ON c.id = o.channel_id
           WHERE o.created_at >= ? AND o.created_at < ? AND o.message != 'test'
             AND (? IS NULL OR o.agency_id = ?)
           GROUP BY o.message, c.kind, o.status`,
        )
        .all(from, to, agencyId ?? null, agencyId ?? null);
    },

    channels: (): ChannelRow[] =>
      db.prepare<[], ChannelRow>('SELECT * FROM notify_channels ORDER BY id').all(),
    channel: (id: string): ChannelRow | undefined =>
      db.prepare<[string], ChannelRow>('SELECT * FROM notify_channels WHERE id = ?').get(id),
    saveChannel(row: ChannelRow): void {
      db.prepare(
        `INSERT INTO notify_channels (id, kind, config, secrets, updated_at) VALUES (@id, @kind, @config, @secrets, @updated_at)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, config = excluded.config,
           secrets = excluded.secrets, updated_at = excluded.updated_at`,
      ).run(row);
    },
    deleteChannel: (id: string): boolean =>
      db.prepare('DELETE FROM notify_channels WHERE id = ?').run(id).changes === 1,

    texts: (): { message: NotifyMessage; language: 'id' | 'en'; text: string }[] =>
      db
        .prepare<[], { message: NotifyMessage; language: 'id' | 'en'; text: string }>(
          'SELECT message, language, text FROM notify_texts',
        )
        .all(),
    setText(message: NotifyMessage, language: 'id' | 'en', text: string | null): void {
      if (text === null)
        db.prepare('DELETE FROM notify_texts WHERE message = ? AND language = ?').run(
          message,
          language,
        );
      else
        db.prepare(
          `INSERT INTO notify_texts (message, language, text) VALUES (?, ?, ?)
           ON CONFLICT (message, language) DO UPDATE SET text = excluded.text`,
        ).run(message, language, text);
    },

    settings(): NotifySettings {
      const raw = db
        .prepare<[string], { value: string }>('SELECT value FROM hub_state WHERE key = ?')
        .get(SETTINGS_KEY)?.value;
      const parsed = NotifySettingsSchema.safeParse(raw ? JSON.parse(raw) : {});
      return parsed.success ? parsed.data : NotifySettingsSchema.parse({});
    },
    saveSettings(settings: NotifySettings): void {
      db.prepare(
        'INSERT INTO hub_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(SETTINGS_KEY, JSON.stringify(settings));
    },

    secret(name: string): string | undefined {
      return db
        .prepare<[string], { value: Buffer }>('SELECT value FROM site_secrets WHERE name = ?')
        .get(name)
        ?.value.toString('utf8');
    },
    setSecret(name: string, value: string): void {
      db.prepare('INSERT OR REPLACE INTO site_secrets (name, value) VALUES (?, ?)').run(
        name,
        Buffer.from(value, 'utf8'),
      );
    },

    transaction: <T>(run: () => T): T => db.transaction(run)(),

    /**
     * The sender's own records (claims, answers): committed to the WAL without waiting for the
     * disk, so a quick provider adds no fsync per message to the queue's event loop. A killed
     * process loses none of it (the WAL is written); a power cut may lose the last few, and
     * the message then goes again under the same idempotency key. The next queue commit's
     * fsync carries them to disk.
     */
    bookkeeping<T>(run: () => T): T {
      db.pragma('synchronous = NORMAL');
      try {
        return db.transaction(run)();
      } finally {
        db.pragma('synchronous = FULL');
      }
    },
  };
}

export type NotifyStore = ReturnType<typeof createNotifyStore>;
