import { describe, expect, it } from 'vitest';
import { MONDAY_MORNING, until } from '../testing/test-hub';
import { notifyHubForFile } from './testing/notify-hub';

// UU 27/2022: a phone number given for notifications is kept only for the site's retention.
// Numbers reach the outbox by four roads: a visitor's opt-in, a staff alarm, a test send and a
// provider's answer or error that echoes the number. After the retention none is left.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const VISITOR = '081233330000';
const STAFF = '081211110000';
const TESTED = '081244440000';
const digitsOf = (phone: string): string => phone.slice(1);

const file = notifyHubForFile();

async function readNotifyRows(): Promise<{
  outbox: Record<string, unknown>[];
  subscriptions: unknown[];
}> {
  return {
    outbox: await file.hub.sql.all<Record<string, unknown>>(
      'SELECT * FROM notify_outbox ORDER BY seq',
    ),
    subscriptions: await file.hub.sql.all('SELECT * FROM notify_subscriptions'),
  };
}

const numbersIn = (rows: unknown): string[] =>
  [VISITOR, STAFF, TESTED].filter((p) => JSON.stringify(rows).includes(digitsOf(p)));

describe('phone numbers are purged after the retention', () => {
  it('when the retention has passed, then no number is left in subscriptions or the outbox, and the counts stay', async () => {
    const channel = await file.hub.api('/api/admin/notify/channels', {
      token: file.admin,
      body: {
        kind: 'http',
        name: 'Gateway',
        enabled: true,
        url: `${file.fake.url}/send`,
        method: 'POST',
        contentType: 'json',
        headers: [],
        body: '{"to":"{{phone}}","text":"{{text}}","ref":"{{key}}"}',
      },
    });
    expect(channel.status).toBe(201);
    const channelId = (channel.body as unknown as { id: string }).id;
    const settings = (await file.hub.api('/api/admin/notify/settings', { token: file.admin })).body;
    const saved = await file.hub.api('/api/admin/notify/settings', {
      method: 'PUT',
      token: file.admin,
      body: {
        ...settings,
        phoneChannelId: channelId,
        staffChannelId: channelId,
        staffPhones: [{ agencyId: null, phone: STAFF }],
        retentionDays: 30,
      },
    });
    expect(saved.status).toBe(200);

    // First, alone in the outbox: a test send the gateway refuses, echoing the number.
    file.fake.fail(
      400,
      1,
      JSON.stringify({ status: false, reason: `invalid target 62${digitsOf(TESTED)}` }),
    );
    const test = await file.hub.api('/api/admin/notify/test', {
      token: file.admin,
      body: { channelId, phone: TESTED },
    });
    expect(test.status).toBe(202);
    await until(async () =>
      (await readNotifyRows()).outbox.some((r) => r.message === 'test' && r.status === 'failed'),
    );

    // A visitor opts in and is called; the wait of another passes the target (a staff alarm).
    const counter = file.building.counters.find((c) => c.agencyId === 'disdukcapil')!;
    const serviceId = counter.services[0]!.serviceId;
    const service = file.building.services.find((s) => s.id === serviceId)!;
    const staff = await file.hub.login('petugas.disdukcapil');
    const issue = async () =>
      (await file.hub.api('/api/tickets', { token: staff, body: { serviceId, priority: null } }))
        .body as unknown as { code: string };
    const visitor = await issue();
    await issue();
    const optIn = await file.hub.api(`/api/tickets/${visitor.code}/notify`, {
      body: { medium: 'phone', phone: VISITOR, consent: true },
    });
    expect(optIn.status).toBe(201);
    const officer = await file.hub.client(staff);
    expect((await officer.command('counter:open', { counterId: counter.id })).ok).toBe(true);
    expect((await officer.command('counter:call-next', { counterId: counter.id })).ok).toBe(true);
    file.hub.advance((service.targetWaitMinutes + 11) * MINUTE);
    const sentTo = (phone: string) =>
      file.fake.deliveries.some((d) => JSON.stringify(d.parsed).includes(digitsOf(phone)));
    // Another alarm may have reached the staff before the clock moved: the one awaited is
    // written after it.
    const waitAlarmed = async () =>
      (await readNotifyRows()).outbox.some(
        (r) => r.message === 'alarm.raised' && Number(r.created_at) > MONDAY_MORNING,
      );
    await until(async () => sentTo(VISITOR) && (await waitAlarmed()));
    await until(async () => (await readNotifyRows()).outbox.every((r) => r.status !== 'pending'));

    const before = await readNotifyRows();
    expect(numbersIn(before).sort()).toEqual([VISITOR, STAFF, TESTED].sort());

    file.hub.advance(31 * DAY);
    await until(async () => numbersIn(await readNotifyRows()).length === 0);

    const after = await readNotifyRows();
    expect(after.outbox.map((r) => [r.seq, r.status, r.message])).toEqual(
      before.outbox.map((r) => [r.seq, r.status, r.message]),
    );
    expect(after.subscriptions).toHaveLength(before.subscriptions.length);
  });
});
