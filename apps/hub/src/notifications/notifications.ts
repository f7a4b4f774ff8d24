import type { BuildingIndex, QueueChange, QueueState } from '@antre/domain';
import type { NotifySettings, OptInBody, OptInView } from '@antre/protocol';
import { normalisePhone } from '@antre/protocol';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database';
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
export function createNotifications(deps: {
  db: Db;
  engine: QueueEngine;
  /** The origin phones open (the tracking page's), for a message's link. */
  publicUrl: () => string;
  attemptTimeoutMs?: number | undefined;
  pollMs?: number | undefined;
  backoffBaseMs?: number | undefined;
}) {
  const { db, engine } = deps;
  const store = createNotifyStore(db);
  const channels = createChannelFactory(store);
  let settings = store.settings();

  // The planner looks only at tickets someone subscribed to: kept in memory, loaded once.
  const subscribers = new Map<string, Subscriber[]>();
  function loadSubscribers(state: QueueState): void {
    subscribers.clear();
    const ids = [...state.tickets.values()].filter((t) => ACTIVE.has(t.status)).map((t) => t.id);
    for (const sub of store.subscribersOfTickets(ids)) remember(sub);
  }
  function remember(sub: Subscriber): void {
    const list = subscribers.get(sub.ticketId) ?? [];
    if (!list.some((s) => s.id === sub.id)) subscribers.set(sub.ticketId, [...list, sub]);
  }
  loadSubscribers(engine.queue);

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
  engine.onSave((change, before, after) => {
    for (const ticket of change.tickets)
      if (ticket.channel === 'online' && !before.tickets.has(ticket.id))
        subscribeBookingTicket(ticket.id);
    if (subscribers.size === 0) return;
    const fresh = plan(engine.index, before, after, change).filter(
      (m) => !committedKeys.has(m.key),
    );
    store.enqueue(fresh, engine.now());
    savedKeys.set(
      change,
      fresh.map((m) => m.key),
    );
  });
  engine.onChange((change) => {
    for (const key of savedKeys.get(change) ?? []) committedKeys.add(key);
    savedKeys.delete(change);
    if (subscribers.size > 0) worker.wake();
  });
  engine.onNewDay((today) => {
    committedKeys.clear();
    savedKeys.clear();
    loadSubscribers(today);
  });

  /** A booking's phone, given with consent, follows its ticket once checked in. */
  function subscribeBookingTicket(ticketId: string): void {
    const booking = db
      .prepare<[string], { id: string; phone: string | null; language: 'id' | 'en' }>(
        'SELECT id, phone, language FROM bookings WHERE ticket_id = ?',
      )
      .get(ticketId);
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
    store.addSubscription(sub);
    remember({ id: sub.id, ticketId, language: sub.language });
  }

  const bookingMessages = createBookingMessages({ db, store, engine });

  // The hub's address reads the network interfaces: once a minute is enough for links.
  let address = { at: -Infinity, url: '' };
  let purgedAt = -Infinity;
  function publicUrl(): string {
    const now = Date.now();
    if (now - address.at > 60_000) address = { at: now, url: deps.publicUrl() };
    return address.url;
  }

  function resolve(row: OutboxRow, current: NotifySettings): ResolvedRecipient {
    const [kind, id = ''] = splitRecipient(row.recipient);
    const base = publicUrl();
    if (kind === 'sub') {
      const sub = store.subscription(id);
      if (!sub?.address) return { skip: 'the visitor’s address was removed' };
      const ticket = sub.ticket_id ? engine.queue.tickets.get(sub.ticket_id) : undefined;
      const stale = staleReason(row.message, ticket?.status);
      if (stale) return { skip: stale };
      const url = ticket ? `${base}/t/${ticket.code}` : null;
      if (sub.medium === 'push') {
        const channel = channels.enabledOfKind('webpush');
        if (!channel) return { skip: 'no Web Push channel is on' };
        return { channel, url, to: { medium: 'push', subscription: JSON.parse(sub.address) } };
      }
      return phoneTarget(current.phoneChannelId, sub.address, url);
    }
    if (kind === 'booking') {
      const phone = bookingMessages.phoneOf(id);
      if (!phone) return { skip: 'the booking has no phone number (any more)' };
      return phoneTarget(current.phoneChannelId, normalisePhone(phone), `${base}/booking/`);
    }
    if (kind === 'staff') return phoneTarget(current.staffChannelId, id, `${base}/admin/`);
    if (kind === 'test') {
      const [channelId = '', phone = ''] = id.split('/');
      const channel = store.channel(channelId);
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

  function phoneTarget(
    channelId: string | null,
    phone: string,
    url: string | null,
  ): ResolvedRecipient {
    const channel = channelId ? store.channel(channelId) : undefined;
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
    saveSettings(next: NotifySettings): void {
      store.saveSettings(next);
      settings = next;
    },

    /** A visitor opts in for their ticket; told at once if their turn is already near. */
    optIn(ticketId: string, body: OptInBody): OptInView {
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
      store.transaction(() => {
        // One opt-in per ticket and medium: a second replaces the first.
        for (const old of store.subscriptionsOfTicket(ticketId))
          if (old.medium === body.medium)
            db.prepare('DELETE FROM notify_subscriptions WHERE id = ?').run(old.id);
        store.addSubscription(sub);
      });
      const mine: Subscriber = { id: sub.id, ticketId, language: sub.language };
      subscribers.set(ticketId, [
        ...(subscribers.get(ticketId) ?? []).filter((s) => store.subscription(s.id)),
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
        store.enqueue(near, engine.now());
        worker.wake();
      }
      return {
        medium: body.medium,
        phoneEnd: body.medium === 'phone' ? address.slice(-4) : null,
      };
    },

    optOut(ticketId: string): number {
      subscribers.delete(ticketId);
      return store.removeSubscriptionsOfTicket(ticketId);
    },

    optInsOf(ticketId: string): OptInView[] {
      return store.subscriptionsOfTicket(ticketId).map((s) => ({
        medium: s.medium,
        phoneEnd: s.medium === 'phone' && s.address ? s.address.slice(-4) : null,
      }));
    },

    /** Staff alarms going out, test sends: straight to the outbox. */
    enqueue(messages: PlannedMessage[]): void {
      store.enqueue(messages, engine.now());
      worker.wake();
    },

    /** Housekeeping: reminders of bookings, and (hourly) the retention of numbers. */
    tick(): void {
      const now = engine.now();
      bookingMessages.remind(now);
      if (now - purgedAt >= PURGE_EVERY_MS) {
        purgedAt = now;
        store.purgeSubscriptions(now - settings.retentionDays * 24 * 60 * 60_000, now);
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

export type Notifications = ReturnType<typeof createNotifications>;
