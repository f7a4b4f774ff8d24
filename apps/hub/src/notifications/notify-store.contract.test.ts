import type { Alarm } from '@antre/domain';
import { NotifySettingsSchema } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { FencedError } from '../cluster/lease';
import type { Sql } from '../db/sql';
import { useSqlEngines } from '../testing/sql-engines';
import { createAlarmStore } from './alarm-store';
import type { OutboxUpdate } from './notify-store';
import { createNotifyStore } from './notify-store';
import type { PlannedMessage } from './visitor-messages';

// The outbox, subscriptions, channels and alarms on both engines: what the planner, the
// sender and the reports count on, each case in a fresh empty building.

const engines = useSqlEngines();

const T0 = 1_800_000_000_000;
const MINUTE = 60_000;

/** Two agencies, a service each, a ticket of the second's and a booking of the first's. */
async function seed(sql: Sql): Promise<void> {
  for (const [position, [agency, service]] of [
    ['dukcapil', 'ktp'],
    ['bapenda', 'pbb'],
  ].entries()) {
    await sql.run('INSERT INTO agencies (id, name, short_name, position) VALUES (?, ?, ?, ?)', [
      agency!,
      agency!,
      agency!,
      position,
    ]);
    await sql.run(
      `INSERT INTO services (id, agency_id, name, prefix, target_wait_minutes,
         default_service_minutes, priority_rule, standard, active, position)
       VALUES (?, ?, ?, ?, 30, 10, '{}', '{}', 1, ?)`,
      [service!, agency!, service!, service!.toUpperCase(), position],
    );
  }
  await sql.run(
    `INSERT INTO tickets (id, code, service_day, origin_service_id, service_id, number, label,
       status, channel, issued_at, sort_key, recall_count)
     VALUES ('t1', 'code-1', '2027-01-15', 'pbb', 'pbb', 1, 'P-001', 'waiting', 'kiosk', ?, ?, 0)`,
    [T0, T0],
  );
  await sql.run(
    `INSERT INTO bookings (id, code, service_id, date, session_id, session_start, session_end,
       nik_last4, status, created_at)
     VALUES ('b1', 'BOOK0001', 'ktp', '2027-01-15', 'pagi', ?, ?, '0001', 'booked', ?)`,
    [T0, T0 + 60 * MINUTE, T0],
  );
}

async function open(engine: (typeof engines)[number]) {
  const opened = await engine.open();
  await seed(opened.sql);
  return { ...opened, store: createNotifyStore(opened.sql), alarms: createAlarmStore(opened.sql) };
}

const message = (key: string, fields: Partial<PlannedMessage> = {}): PlannedMessage => ({
  key,
  recipient: `test:c1/0812`,
  message: 'test',
  params: { site: 'MPP' },
  language: 'id',
  ...fields,
});

const subscription = (id: string, ticketId: string | null, bookingId: string | null = null) => ({
  id,
  ticket_id: ticketId,
  booking_id: bookingId,
  medium: 'phone' as const,
  address: '6281234567890',
  language: 'id' as const,
  created_at: T0,
});

const ALARM: Alarm = {
  key: 'wait_over_target:pbb',
  kind: 'wait_over_target',
  agencyId: 'bapenda',
  subjectId: 'pbb',
  detail: { serviceName: 'PBB', minutes: 40, target: 30 },
  since: T0,
};

describe.each(engines)('the notify store on $name', (engine) => {
  it('when a message is queued again under its key, then it is kept once, with the agency it concerns', async () => {
    const { sql, store, alarms } = await open(engine);
    await store.transaction((tx) => store.addSubscription(tx, subscription('s1', 't1')));
    await store.transaction((tx) => store.addSubscription(tx, subscription('s2', null, 'b1')));
    const alarmId = await alarms.transaction((tx) => alarms.raise(tx, ALARM, T0));
    const planned = [
      message('sub:s1:called', { recipient: 'sub:s1', message: 'ticket.called' }),
      message('sub:s2:near', { recipient: 'sub:s2', message: 'ticket.near' }),
      message('booking:b1:confirmed', { recipient: 'booking:b1', message: 'booking.confirmed' }),
      message(`alarm:${alarmId}:0812`, { recipient: 'staff:0812', message: 'alarm.raised' }),
      message('test:c1:1'),
    ];
    const first = await store.enqueueAlone(planned, T0);
    expect(first).toHaveLength(5);
    const again = await store.enqueueAlone([planned[0]!, message('test:c1:2')], T0 + 1);
    expect(again).toHaveLength(1);
    expect(again[0]).toBeGreaterThan(first.at(-1)!);
    expect(
      await sql.all('SELECT key, agency_id, status, params FROM notify_outbox ORDER BY seq'),
    ).toEqual([
      { key: 'sub:s1:called', agency_id: 'bapenda', status: 'pending', params: '{"site":"MPP"}' },
      { key: 'sub:s2:near', agency_id: 'dukcapil', status: 'pending', params: '{"site":"MPP"}' },
      {
        key: 'booking:b1:confirmed',
        agency_id: 'dukcapil',
        status: 'pending',
        params: '{"site":"MPP"}',
      },
      {
        key: `alarm:${alarmId}:0812`,
        agency_id: 'bapenda',
        status: 'pending',
        params: '{"site":"MPP"}',
      },
      { key: 'test:c1:1', agency_id: null, status: 'pending', params: '{"site":"MPP"}' },
      { key: 'test:c1:2', agency_id: null, status: 'pending', params: '{"site":"MPP"}' },
    ]);
  });

  it('when messages come due, then they are given oldest due first, only pending ones, up to the limit', async () => {
    const { store } = await open(engine);
    const [a, b, c, d] = [
      ...(await store.enqueueAlone([message('a'), message('b')], T0 + 2 * MINUTE)),
      ...(await store.enqueueAlone([message('c')], T0)),
      ...(await store.enqueueAlone([message('d')], T0 + 9 * MINUTE)),
    ];
    await store.bookkeeping([
      { kind: 'ended', seq: b!, attempts: 0, status: 'skipped', channelId: null, error: 'x' },
    ]);
    const due = async (now: number, limit: number) =>
      (await store.due(now, limit)).map((r) => r.seq);
    expect(await due(T0 + 5 * MINUTE, 10)).toEqual([c, a]);
    expect(await due(T0 + 10 * MINUTE, 2)).toEqual([c, a]);
    expect(await due(T0 + 10 * MINUTE, 10)).toEqual([c, a, d]);
  });

  it('when two senders claim the same message, then one gets it; once sent it is never due or claimed again', async () => {
    const { store } = await open(engine);
    const [seq] = await store.enqueueAlone([message('m1', { recipient: 'staff:0812' })], T0);
    const [read] = await store.due(T0, 10);
    expect(read).toMatchObject({ seq, attempts: 0, status: 'pending' });
    const claim = (channelId: string): OutboxUpdate => ({
      kind: 'claim',
      seq: seq!,
      attempts: read!.attempts,
      retryAt: T0 + 2 * MINUTE,
      channelId,
    });
    expect(await store.bookkeeping([claim('c1')])).toEqual([true]);
    // The other sender read the row before the claim: its claim and its skip are dropped.
    expect(
      await store.bookkeeping([
        claim('c2'),
        { kind: 'ended', seq: seq!, attempts: 0, status: 'skipped', channelId: null, error: 'x' },
      ]),
    ).toEqual([false, false]);
    expect(await store.due(T0 + MINUTE, 10)).toEqual([]);
    expect(await store.sentTo('staff:0812', T0 - 1)).toBe(0);
    const sent: OutboxUpdate = {
      kind: 'sent',
      seq: seq!,
      attempts: 1,
      channelId: 'c1',
      answer: 'ok',
      at: T0 + 1_000,
    };
    expect(await store.bookkeeping([sent])).toEqual([true]);
    expect(await store.sentTo('staff:0812', T0)).toBe(1);
    expect(await store.sentTo('staff:0812', T0 + 2_000)).toBe(0);
    await store.releaseClaims(T0 + 3 * MINUTE);
    expect(await store.due(T0 + 9 * MINUTE, 10)).toEqual([]);
    expect(await store.bookkeeping([{ ...claim('c1'), attempts: 1 }])).toEqual([false]);
    expect((await store.deliveries({ limit: 5 }))[0]).toMatchObject({
      status: 'sent',
      channel_id: 'c1',
      answer: 'ok',
      sent_at: T0 + 1_000,
      attempts: 1,
    });
  });

  it('when an attempt fails, then the message waits its backoff, a restart makes a claimed one due again, and the last failure ends it', async () => {
    const { store } = await open(engine);
    const [retried, claimed] = await store.enqueueAlone([message('r'), message('c')], T0);
    const claim = (seq: number, attempts: number): OutboxUpdate => ({
      kind: 'claim',
      seq,
      attempts,
      retryAt: T0 + 10 * MINUTE,
      channelId: 'c1',
    });
    await store.bookkeeping([claim(retried!, 0), claim(claimed!, 0)]);
    await store.bookkeeping([
      {
        kind: 'retry',
        seq: retried!,
        attempts: 1,
        channelId: 'c1',
        error: 'x'.repeat(600),
        nextAt: T0 + 5 * MINUTE,
      },
    ]);
    expect(await store.due(T0 + 4 * MINUTE, 10)).toEqual([]);
    expect((await store.due(T0 + 5 * MINUTE, 10)).map((r) => r.seq)).toEqual([retried]);
    // A new process: nothing is in flight, what the last one tried is due at once.
    await store.releaseClaims(T0 + MINUTE);
    expect((await store.due(T0 + MINUTE, 10)).map((r) => [r.seq, r.attempts])).toEqual([
      [retried, 1],
      [claimed, 1],
    ]);
    await store.bookkeeping([
      { kind: 'ended', seq: claimed!, attempts: 1, status: 'failed', channelId: 'c1', error: 'no' },
    ]);
    const rows = await store.deliveries({ status: 'failed', limit: 5 });
    expect(rows.map((r) => [r.seq, r.last_error])).toEqual([[claimed, 'no']]);
    const [retry] = await store.deliveries({ status: 'pending', limit: 5 });
    expect(retry?.last_error).toHaveLength(500);
  });

  it('when visitors subscribe and leave, then the planner finds who is still there, and the retention empties every number', async () => {
    const { sql, store } = await open(engine);
    await store.transaction(async (tx) => {
      await store.addSubscription(tx, subscription('s1', 't1'));
      await store.addSubscription(tx, { ...subscription('s2', 't1'), medium: 'push' });
      await store.addSubscription(tx, { ...subscription('s3', 't2'), created_at: T0 + 5 });
      await store.addSubscription(tx, subscription('s4', 't3'));
    });
    expect((await store.subscriptionsOfTicket('t1')).map((s) => s.id)).toEqual(['s1', 's2']);
    const many = [...Array.from({ length: 1200 }, (_, i) => `x${i}`), 't1', 't2'];
    expect(await store.subscribersOfTickets(many)).toEqual([
      { id: 's1', ticketId: 't1', language: 'id' },
      { id: 's2', ticketId: 't1', language: 'id' },
      { id: 's3', ticketId: 't2', language: 'id' },
    ]);
    expect(await store.removeSubscriptionsOfTicket('t3')).toBe(1);
    await store.transaction((tx) => store.removeSubscription(tx, 's2'));
    expect((await store.subscription('s1'))?.address).toBe('6281234567890');

    const [staff, test, alarm, pending] = await store.enqueueAlone(
      [
        message('k-staff', { recipient: 'staff:0812' }),
        message('k-test', { recipient: 'test:c1/0813' }),
        message('alarm:7:0814', { recipient: 'staff:0814' }),
        message('k-pending', { recipient: 'staff:0815' }),
      ],
      T0,
    );
    await store.bookkeeping([
      { kind: 'sent', seq: staff!, attempts: 0, channelId: 'c1', answer: 'to 0812', at: T0 },
      { kind: 'ended', seq: test!, attempts: 0, status: 'failed', channelId: 'c1', error: '0813' },
      { kind: 'sent', seq: alarm!, attempts: 0, channelId: 'c1', answer: 'ok', at: T0 },
    ]);
    expect(await store.purgeSubscriptions(T0 + 1, T0 + 100)).toBe(1);
    expect(await store.subscription('s1')).toMatchObject({ address: null, purged_at: T0 + 100 });
    expect((await store.subscription('s3'))?.address).toBe('6281234567890');
    expect(
      await sql.all(
        'SELECT seq, key, recipient, answer, last_error FROM notify_outbox ORDER BY seq',
      ),
    ).toEqual([
      { seq: staff, key: 'k-staff', recipient: 'staff:purged', answer: null, last_error: null },
      { seq: test, key: 'k-test', recipient: 'test:purged', answer: null, last_error: null },
      {
        seq: alarm,
        key: `purged:${alarm}`,
        recipient: 'staff:purged',
        answer: null,
        last_error: null,
      },
      { seq: pending, key: 'k-pending', recipient: 'staff:0815', answer: null, last_error: null },
    ]);
  });

  it('when the reports count messages, then they group by message, channel kind and status, test sends left out, per agency when asked', async () => {
    const { store } = await open(engine);
    await store.saveChannel({
      id: 'wa',
      kind: 'whatsapp',
      config: '{}',
      secrets: '{}',
      updated_at: T0,
    });
    const seqs = await store.enqueueAlone(
      [
        message('b1', { recipient: 'booking:b1', message: 'booking.confirmed' }),
        message('b2', { recipient: 'booking:b1', message: 'booking.reminder' }),
        message('b3', { recipient: 'booking:b1', message: 'booking.cancelled' }),
        message('staff', { recipient: 'staff:0812', message: 'alarm.raised' }),
        message('test'),
      ],
      T0,
    );
    await store.bookkeeping(
      seqs.slice(0, 2).map((seq): OutboxUpdate => ({
        kind: 'sent',
        seq,
        attempts: 0,
        channelId: 'wa',
        answer: 'ok',
        at: T0,
      })),
    );
    const sorted = <T extends { message: string }>(rows: T[]) =>
      [...rows].sort((a, b) => a.message.localeCompare(b.message));
    expect(sorted(await store.counts(T0, T0 + 1, undefined))).toEqual([
      { message: 'alarm.raised', channel: null, status: 'pending', n: 1 },
      { message: 'booking.cancelled', channel: null, status: 'pending', n: 1 },
      { message: 'booking.confirmed', channel: 'whatsapp', status: 'sent', n: 1 },
      { message: 'booking.reminder', channel: 'whatsapp', status: 'sent', n: 1 },
    ]);
    expect((await store.counts(T0, T0 + 1, 'dukcapil')).map((r) => r.n)).toEqual([1, 1, 1]);
    expect(await store.counts(T0, T0 + 1, 'bapenda')).toEqual([]);
    expect(await store.counts(T0 + 1, T0 + 2, undefined)).toEqual([]);
  });

  it('when channels, texts, settings and secrets are saved, then they read back, changed in place', async () => {
    const { store } = await open(engine);
    const channel = {
      id: 'gw',
      kind: 'http' as const,
      config: '{"a":1}',
      secrets: '{}',
      updated_at: T0,
    };
    await store.saveChannel(channel);
    await store.saveChannel({ ...channel, config: '{"a":2}', updated_at: T0 + 1 });
    await store.saveChannel({ ...channel, id: 'aa', kind: 'log' });
    expect(await store.channels()).toEqual([
      { ...channel, id: 'aa', kind: 'log' },
      { ...channel, config: '{"a":2}', updated_at: T0 + 1 },
    ]);
    expect(await store.deleteChannel('aa')).toBe(true);
    expect(await store.deleteChannel('aa')).toBe(false);
    expect(await store.channel('aa')).toBeUndefined();

    await store.setText('test', 'id', 'Halo');
    await store.setText('test', 'id', 'Halo {site}');
    await store.setText('test', 'en', 'Hello');
    await store.setText('test', 'en', null);
    expect(await store.texts()).toEqual([{ message: 'test', language: 'id', text: 'Halo {site}' }]);

    expect(await store.settings()).toEqual(NotifySettingsSchema.parse({}));
    const settings = NotifySettingsSchema.parse({ nearAhead: 2, retentionDays: 7 });
    await store.saveSettings(NotifySettingsSchema.parse({ nearAhead: 4 }));
    await store.saveSettings(settings);
    expect(await store.settings()).toEqual(settings);

    await store.addSecrets({ vapid_public: 'first-public', vapid_private: 'first-private' });
    await store.addSecrets({ vapid_public: 'second-public', vapid_private: 'second-private' });
    expect(await store.secret('vapid_public')).toBe('first-public');
    expect(await store.secret('vapid_private')).toBe('first-private');
    expect(await store.secret('nothing')).toBeUndefined();
  });

  it('when an alarm is raised, then it is open once per key until cleared, and may be raised again after', async () => {
    const { alarms } = await open(engine);
    const first = await alarms.transaction((tx) => alarms.raise(tx, ALARM, T0 + 1));
    await alarms.transaction((tx) =>
      alarms.raise(tx, { ...ALARM, key: 'no_open_counter:ktp', agencyId: null }, T0 + 2),
    );
    expect((await alarms.open()).map((a) => [a.key, a.agency_id, a.raised_at])).toEqual([
      [ALARM.key, 'bapenda', T0 + 1],
      ['no_open_counter:ktp', null, T0 + 2],
    ]);
    expect(JSON.parse((await alarms.open())[0]!.detail)).toEqual(ALARM.detail);
    await expect(alarms.transaction((tx) => alarms.raise(tx, ALARM, T0 + 3))).rejects.toThrow();
    await alarms.transaction((tx) => alarms.clear(tx, first, T0 + 4));
    const again = await alarms.transaction((tx) => alarms.raise(tx, ALARM, T0 + 5));
    expect(again).toBeGreaterThan(first);
    expect((await alarms.open()).map((a) => a.id)).toEqual([first + 1, again]);
  });

  if (engine.name === 'PostgreSQL')
    it('when another process has taken the building over, then nothing is queued, claimed, subscribed or raised', async () => {
      const { sql, store, alarms, takeOver } = await open(engine);
      const [seq] = await store.enqueueAlone([message('m1')], T0);
      await takeOver!();
      await expect(store.enqueueAlone([message('m2')], T0)).rejects.toBeInstanceOf(FencedError);
      await expect(
        store.bookkeeping([
          { kind: 'claim', seq: seq!, attempts: 0, retryAt: T0 + MINUTE, channelId: 'c1' },
        ]),
      ).rejects.toBeInstanceOf(FencedError);
      await expect(
        store.transaction((tx) => store.addSubscription(tx, subscription('s1', 't1'))),
      ).rejects.toBeInstanceOf(FencedError);
      await expect(alarms.transaction((tx) => alarms.raise(tx, ALARM, T0))).rejects.toBeInstanceOf(
        FencedError,
      );
      expect(await sql.all('SELECT key, attempts FROM notify_outbox')).toEqual([
        { key: 'm1', attempts: 0 },
      ]);
      expect(await alarms.open()).toEqual([]);
    });
});
