import type { BuildingIndex, QueueChange, QueueState } from '@antre/domain';
import type { NotifySettings, OptInBody, OptInView } from '@antre/protocol';
import { normalisePhone } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import type { Sql, SqlRunner } from '../db/sql';
import type { QueueEngine } from '../queue/queue-engine';
import { createChannelFactory } from './channel-factory';
import { createNotifyStore } from './notify-store';
import type { OutboxRow } from './notify-store';
import type { ResolvedRecipient } from './outbox-worker';
import { createOutboxWorker } from './outbox-worker';
import { createBookingMessages } from './booking-messages';
import type { PlannedMessage, Subscriber } from './visitor-messages';
import { plannedForChange } from './visitor-messages';

/** Numbers past the retention are looked for this often: each look reads the whole outbox. */
const PURGE_EVERY_MS = 60 * 60_000;
const ACTIVE = new Set(['printing', 'waiting', 'called', 'serving', 'parked', 'no_show']);

/**
 * Notifications to visitors who opted in: the messages a queue change causes are written to
 * the outbox in that change's transaction; the worker sends them later, on its own time.
 */
export async function createNotifications(deps: {
  sql: Sql;
  engine: QueueEngine;
  /** The origin phones open (the tracking page's), for a message's link. */
  publicUrl: () => string;
  attemptTimeoutMs?: number | undefined;
  pollMs?: number | undefined;
  backoffBaseMs?: number | undefined;
}) {
  const { sql, engine } = deps;
  const store = createNotifyStore(sql);
  const channels = createChannelFactory(store);
  let settings = await store.settings();

  // The planner looks only at tickets someone subscribed to: kept in memory, loaded once.
  const subscribers = new Map<string, Subscriber[]>();
  async function loadSubscribers(state: QueueState): Promise<void> {
    const ids = [...state.tickets.values()].filter((t) => ACTIVE.has(t.status)).map((t) => t.id);
    for (const sub of await store.subscribersOfTickets(ids)) remember(sub);
  }
  function remember(sub: Subscriber): void {
    const list = subscribers.get(sub.ticketId) ?? [];
    if (!list.some((s) => s.id === sub.id)) subscribers.set(sub.ticketId, [...list, sub]);
  }
  await loadSubscribers(engine.queue);

  const nearAhead = (serviceId: string): number =>
    settings.services[serviceId]?.nearAhead ?? settings.nearAhead;

  function plan(
    index: BuildingIndex,
    before: QueueState,
    after: QueueState,
    change: QueueChange,
  ): PlannedMessage[] {
    return plannedForChange({
      index,
      before,
      after,
      change,
      subscribersOf: (ticketId) => subscribers.get(ticketId) ?? [],
      subscribedWaiting: (serviceId) =>
        [...subscribers.keys()].filter((id) => {
          const t = after.tickets.get(id);
          return t?.status === 'waiting' && t.serviceId === serviceId;
        }),
      nearAhead,
    });
  }

  // "N before you" is planned again at every change while a ticket stays near; the keys
  // already committed to the outbox are skipped here rather than by the database. A key
  // joins them only once its command committed: a rolled-back one leaves nothing behind.
  // Several changes are saved in one batch (group commit) before any is published: each
  // change's keys wait here until it is. A batch that fails is never published; its entries
  // are dropped with the day (the outbox's unique key would ignore a repeat anyway).
  const committedKeys = new Set<string>();
  const savedKeys = new Map<QueueChange, string[]>();
  // In the change's transaction, through `tx`. A change with no online ticket checked in and
  // nobody subscribed (most of them) writes nothing and answers at once, without a promise.
  engine.onSave((change, before, after, tx) => {
    const checkedIn = change.tickets.filter(
      (t) => t.channel === 'online' && !before.tickets.has(t.id),
    );
    if (checkedIn.length === 0 && subscribers.size === 0) return;
    return (async () => {
      for (const ticket of checkedIn) await subscribeBookingTicket(tx, ticket.id);
      if (subscribers.size === 0) return;
      const fresh = plan(engine.index, before, after, change).filter(
        (m) => !committedKeys.has(m.key),
      );
      if (fresh.length > 0) await store.enqueue(tx, fresh, engine.now());
      savedKeys.set(
        change,
        fresh.map((m) => m.key),
      );
    })();
  });
  engine.onChange((change) => {
    for (const key of savedKeys.get(change) ?? []) committedKeys.add(key);
    savedKeys.delete(change);
    if (subscribers.size > 0) worker.wake();
  });
  engine.onNewDay((today) => {
    committedKeys.clear();
    savedKeys.clear();
    subscribers.clear();
    loadSubscribers(today).catch((error: unknown) =>
      console.error("The day's subscribers could not be read", error),
    );
  });

  /** A booking's phone, given with consent, follows its ticket once checked in. */
  async function subscribeBookingTicket(tx: SqlRunner, ticketId: string): Promise<void> {
    const booking = await tx.get<{ id: string; phone: string | null; language: 'id' | 'en' }>(
      'SELECT id, phone, language FROM bookings WHERE ticket_id = ?',
      [ticketId],
    );
    if (!booking?.phone) return;
    const sub = {
      id: randomUUID(),
      ticket_id: ticketId,
      booking_id: booking.id,
      medium: 'phone' as const,
      address: normalisePhone(booking.phone),
      language: booking.language,
      created_at: engine.now(),
    };
    await store.addSubscription(tx, sub);
    remember({ id: sub.id, ticketId, language: sub.language });
  }

  const bookingMessages = createBookingMessages({ sql, store, engine });

  // The hub's address reads the network interfaces: once a minute is enough for links.
  let address = { at: -Infinity, url: '' };
  let purgedAt = -Infinity;
  function publicUrl(): string {
    const now = Date.now();
    if (now - address.at > 60_000) address = { at: now, url: deps.publicUrl() };
    return address.url;
  }

  async function resolve(row: OutboxRow, current: NotifySettings): Promise<ResolvedRecipient> {
    const [kind, id = ''] = splitRecipient(row.recipient);
    const base = publicUrl();
    if (kind === 'sub') {
      const sub = await store.subscription(id);
      if (!sub?.address) return { skip: 'the visitor’s address was removed' };
      const ticket = sub.ticket_id ? engine.queue.tickets.get(sub.ticket_id) : undefined;
      const stale = staleReason(row.message, ticket?.status);
      if (stale) return { skip: stale };
      const url = ticket ? `${base}/t/${ticket.code}` : null;
      if (sub.medium === 'push') {
        const channel = await channels.enabledOfKind('webpush');
        if (!channel) return { skip: 'no Web Push channel is on' };
        return { channel, url, to: { medium: 'push', subscription: JSON.parse(sub.address) } };
      }
      return phoneTarget(current.phoneChannelId, sub.address, url);
    }
    if (kind === 'booking') {
      const phone = await bookingMessages.phoneOf(id);
      if (!phone) return { skip: 'the booking has no phone number (any more)' };
      return phoneTarget(current.phoneChannelId, normalisePhone(phone), `${base}/booking/`);
    }
    if (kind === 'staff') return phoneTarget(current.staffChannelId, id, `${base}/admin/`);
    if (kind === 'test') {
      const [channelId = '', phone = ''] = id.split('/');
      const channel = await store.channel(channelId);
      if (!channel) return { skip: 'the channel was removed' };
      if (channel.kind === 'webpush')
        return { skip: 'Web Push is tested from a phone that opted in' };
      return { channel, url: base ? `${base}/` : null, to: { medium: 'phone', phone } };
    }
    return { skip: 'unknown recipient' };
  }

  /** A message held back (a provider down for an hour) is not sent once the news is old. */
  function staleReason(message: string, status: string | undefined): string | null {
    if (message === 'ticket.near' && status !== 'waiting' && status !== 'printing')
      return 'the turn came before the message could go';
    // A site that serves on call moves a called ticket straight to serving.
    if (message === 'ticket.called' && status !== 'called' && status !== 'serving')
      return 'the call ended before the message could go';
    return null;
  }

  async function phoneTarget(
    channelId: string | null,
    phone: string,
    url: string | null,
  ): Promise<ResolvedRecipient> {
    const channel = channelId ? await store.channel(channelId) : undefined;
    if (!channel || !channels.isEnabled(channel) || channel.kind === 'webpush')
      return { skip: 'no channel for phone numbers is set and on' };
    return { channel, url, to: { medium: 'phone', phone } };
  }

  const worker = createOutboxWorker({
    store,
    now: engine.now,
    settings: () => settings,
    resolve,
    channelFor: channels.build,
    attemptTimeoutMs: deps.attemptTimeoutMs,
    pollMs: deps.pollMs,
    backoffBaseMs: deps.backoffBaseMs,
  });

  return {
    store,
    channels,
    worker,
    start: () => worker.start(),
    stop: () => worker.stop(),
    settings: () => settings,
    async saveSettings(next: NotifySettings): Promise<void> {
      await store.saveSettings(next);
      settings = next;
    },

    /** A visitor opts in for their ticket; told at once if their turn is already near. */
    async optIn(ticketId: string, body: OptInBody): Promise<OptInView> {
      const address =
        body.medium === 'phone' ? normalisePhone(body.phone) : JSON.stringify(body.subscription);
      const sub = {
        id: randomUUID(),
        ticket_id: ticketId,
        booking_id: null,
        medium: body.medium,
        address,
        language: body.language,
        created_at: engine.now(),
      };
      const replaced = await store.transaction(async (tx) => {
        // One opt-in per ticket and medium: a second replaces the first.
        const old = (await store.subscriptionsOfTicket(ticketId, tx)).filter(
          (s) => s.medium === body.medium,
        );
        for (const s of old) await store.removeSubscription(tx, s.id);
        await store.addSubscription(tx, sub);
        return new Set(old.map((s) => s.id));
      });
      const mine: Subscriber = { id: sub.id, ticketId, language: sub.language };
      subscribers.set(ticketId, [
        ...(subscribers.get(ticketId) ?? []).filter((s) => !replaced.has(s.id)),
        mine,
      ]);
      const state = engine.queue;
      const ticket = state.tickets.get(ticketId);
      if (ticket?.status === 'waiting') {
        const near = plannedForChange({
          index: engine.index,
          before: state,
          after: state,
          change: { tickets: [ticket], counters: [], services: [], events: [] },
          subscribersOf: (id) => (id === ticketId ? [mine] : []),
          subscribedWaiting: (serviceId) => (serviceId === ticket.serviceId ? [ticketId] : []),
          nearAhead,
        });
        await store.enqueueAlone(near, engine.now());
        worker.wake();
      }
      return {
        medium: body.medium,
        phoneEnd: body.medium === 'phone' ? address.slice(-4) : null,
      };
    },

    optOut(ticketId: string): Promise<number> {
      subscribers.delete(ticketId);
      return store.removeSubscriptionsOfTicket(ticketId);
    },

    async optInsOf(ticketId: string): Promise<OptInView[]> {
      return (await store.subscriptionsOfTicket(ticketId)).map((s) => ({
        medium: s.medium,
        phoneEnd: s.medium === 'phone' && s.address ? s.address.slice(-4) : null,
      }));
    },

    /** Staff alarms going out, test sends: straight to the outbox. Answers the rows added. */
    async enqueue(messages: PlannedMessage[]): Promise<number[]> {
      const added = await store.enqueueAlone(messages, engine.now());
      worker.wake();
      return added;
    },

    /** Housekeeping: reminders of bookings, and (hourly) the retention of numbers. */
    async tick(): Promise<void> {
      const now = engine.now();
      await bookingMessages.remind(now);
      if (now - purgedAt >= PURGE_EVERY_MS) {
        purgedAt = now;
        await store.purgeSubscriptions(now - settings.retentionDays * 24 * 60 * 60_000, now);
      }
      worker.wake();
    },

    bookingMessages,
  };
}

function splitRecipient(recipient: string): [string, string] {
  const at = recipient.indexOf(':');
  return at < 0 ? [recipient, ''] : [recipient.slice(0, at), recipient.slice(at + 1)];
}

export type Notifications = Awaited<ReturnType<typeof createNotifications>>;
