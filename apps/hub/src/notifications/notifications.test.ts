import type { AlarmView, DeliveryView } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { until } from '../testing/test-hub';
import { notifyHubForFile } from './testing/notify-hub';

// Notifications through the real hub: REST on port 0, SQLite, sockets for counters and the
// supervisor. The log channel stands for a provider here (adapters.test.ts covers providers).

const MINUTE = 60_000;
const file = notifyHubForFile();

const deliveries = async (): Promise<DeliveryView[]> =>
  (await file.hub.api('/api/admin/notify/deliveries?limit=500', { token: file.admin }))
    .body as unknown as DeliveryView[];

function counterOf(agencyId: string) {
  const counter = file.building.counters.find((c) => c.agencyId === agencyId)!;
  return { counter, serviceId: counter.services[0]!.serviceId };
}

async function issue(serviceId: string, token: string) {
  const r = await file.hub.api('/api/tickets', { token, body: { serviceId, priority: null } });
  expect(r.status).toBe(201);
  return r.body as unknown as { id: string; code: string; label: string };
}

describe('a visitor who opted in is told when the turn nears and when called', () => {
  it('sends "N before you" once and "called" once, through the phone channel', async () => {
    const made = await file.hub.api('/api/admin/notify/channels', {
      token: file.admin,
      body: { kind: 'log', name: 'Catatan', enabled: true },
    });
    expect(made.status).toBe(201);
    const channelId = (made.body as unknown as { id: string }).id;
    const settings = (await file.hub.api('/api/admin/notify/settings', { token: file.admin })).body;
    const saved = await file.hub.api('/api/admin/notify/settings', {
      method: 'PUT',
      token: file.admin,
      body: { ...settings, phoneChannelId: channelId, nearAhead: 2 },
    });
    expect(saved.status).toBe(200);

    const { counter, serviceId } = counterOf('bpjs-kesehatan');
    const staff = await file.hub.login('petugas.bpjs-kesehatan');
    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push(await issue(serviceId, staff));
    const mine = tickets[3]!;

    // Refused, and nothing kept: no consent; a code that is no ticket.
    const noConsent = await file.hub.api(`/api/tickets/${mine.code}/notify`, {
      body: { medium: 'phone', phone: '081234567890' },
    });
    expect(noConsent.status).toBe(400);
    const unknown = await file.hub.api('/api/tickets/ZZZZZZZZ/notify', {
      body: { medium: 'phone', phone: '081234567890', consent: true },
    });
    expect(unknown.status).toBe(404);
    expect((await file.hub.api(`/api/tickets/${mine.code}/notify`)).body).toEqual([]);

    const optIn = await file.hub.api(`/api/tickets/${mine.code}/notify`, {
      body: { medium: 'phone', phone: '0812-3456-7890', consent: true },
    });
    expect(optIn.status).toBe(201);
    expect(optIn.body).toEqual({ medium: 'phone', phoneEnd: '7890' });

    const officer = await file.hub.client(staff);
    expect((await officer.command('counter:open', { counterId: counter.id })).ok).toBe(true);
    // Three ahead: nothing yet. Each call moves the queue by one.
    const call = () => officer.command('counter:call-next', { counterId: counter.id });
    expect((await call()).ok).toBe(true); // 2 ahead: near
    expect((await call()).ok).toBe(true); // 1 ahead: no second near
    expect((await call()).ok).toBe(true); // 0 ahead
    expect((await call()).ok).toBe(true); // called
    let log: DeliveryView[] = [];
    await poll(async () => {
      log = (await deliveries()).filter((d) => d.recipient === 'visitor');
      return log.some((d) => d.message === 'ticket.called' && d.status === 'sent');
    });
    expect(log.map((d) => [d.message, d.status, d.channel]).sort()).toEqual([
      ['ticket.called', 'sent', 'Catatan'],
      ['ticket.near', 'sent', 'Catatan'],
    ]);
    const texts = await outboxTexts();
    expect(texts.find((t) => t.message === 'ticket.near')?.params).toMatchObject({
      label: mine.label,
      ahead: '2',
    });
    expect(texts.find((t) => t.message === 'ticket.called')?.params.counter).toBe(counter.name);
    // The number itself is in the subscription only, never in the log's view.
    expect(JSON.stringify(log)).not.toContain('7890');
  });
});

describe('a provider that fails, hangs or is cut off by a restart', () => {
  it('never holds up a command, tries again, and delivers each message exactly once', async () => {
    const made = await file.hub.api('/api/admin/notify/channels', {
      token: file.admin,
      body: {
        kind: 'http',
        name: 'Gateway uji',
        enabled: true,
        url: `${file.fake.url}/send`,
        method: 'POST',
        contentType: 'json',
        headers: [{ name: 'Authorization', value: 'token-rahasia', secret: true }],
        body: '{"target":"{{phone}}","message":"{{text}}"}',
      },
    });
    expect(made.status).toBe(201);
    const channel = made.body as unknown as { id: string; secrets: Record<string, string> };
    expect(channel.secrets).toEqual({ Authorization: '••••asia' });
    expect(JSON.stringify(made.body)).not.toContain('token-rahasia');
    const settings = (await file.hub.api('/api/admin/notify/settings', { token: file.admin })).body;
    await file.hub.api('/api/admin/notify/settings', {
      method: 'PUT',
      token: file.admin,
      body: { ...settings, phoneChannelId: channel.id, nearAhead: 1 },
    });

    const { counter, serviceId } = counterOf('bpjs-ketenagakerjaan');
    const staff = await file.hub.login('petugas.bpjs-ketenagakerjaan');
    const first = await issue(serviceId, staff);
    const second = await issue(serviceId, staff);
    for (const t of [first, second]) {
      const r = await file.hub.api(`/api/tickets/${t.code}/notify`, {
        body: { medium: 'phone', phone: '081298765432', consent: true, language: 'en' },
      });
      expect(r.status).toBe(201);
    }
    // The provider fails once, then hangs: the counter's keys answer all the same.
    file.fake.fail(503, 1);
    const officer = await file.hub.client(staff);
    expect((await officer.command('counter:open', { counterId: counter.id })).ok).toBe(true);
    await until(() => file.fake.requests.length >= 1);
    file.fake.hang();
    expect((await officer.command('counter:call-next', { counterId: counter.id })).ok).toBe(true);
    await until(() => file.fake.requests.length >= 2); // second's near refused; first called, hanging

    // The hub stops with messages in flight; the next start sends them again, same keys.
    await file.hub.restart();
    file.fake.releaseHanging();
    file.fake.normal();
    const expected = 2; // second near (1 ahead when it was written), first called
    await until(() => file.fake.deliveries.length >= expected, 10_000);
    // The provider has them before the hub has saved its answers (on PostgreSQL, visibly so).
    const sent = async () =>
      (await deliveries()).filter((d) => d.channel === 'Gateway uji' && d.status === 'sent');
    await poll(async () => (await sent()).length >= expected);
    expect(await sent()).toHaveLength(expected);
    const keys = file.fake.deliveries.map((d) => d.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(expected);
    const texts = file.fake.deliveries.map((d) => (d.parsed as { message: string }).message);
    expect(texts).toContainEqual(expect.stringContaining(`Number ${first.label} is called`));
    expect(texts).toContainEqual(
      expect.stringContaining(`Ticket ${second.label}: 1 more before you`),
    );
    expect(file.fake.deliveries.every((d) => d.headers.authorization === 'token-rahasia')).toBe(
      true,
    );

    // Held back by a refusing provider until the visitor was served: old news is not sent.
    file.fake.fail(503, 1_000);
    const before = file.fake.requests.length;
    const again = await file.hub.client(staff);
    expect((await again.command('counter:call-next', { counterId: counter.id })).ok).toBe(true);
    await until(() => file.fake.requests.length > before);
    expect((await again.command('counter:finish', { counterId: counter.id })).ok).toBe(true);
    file.hub.advance(MINUTE); // its next try comes due
    let stale: DeliveryView | undefined;
    await poll(async () => {
      stale = (await deliveries()).find(
        (d) => d.message === 'ticket.called' && d.status === 'skipped',
      );
      return stale !== undefined;
    });
    expect(stale?.error).toBe('the call ended before the message could go');
    file.fake.normal();
    expect(file.fake.deliveries).toHaveLength(expected);
  });
});

describe('the opt-in limit counts a kiosk as itself', () => {
  it('refuses the 11th request a minute from one address, while two kiosks on that address each keep theirs', async () => {
    const { serviceId } = counterOf('disdukcapil');
    const ticket = await issue(serviceId, await file.hub.login('petugas.disdukcapil'));
    const optIn = (token?: string) =>
      file.hub.api(`/api/tickets/${ticket.code}/notify`, {
        ...(token ? { token } : {}),
        body: { medium: 'phone', phone: '081234567890', consent: true, language: 'id' },
      });
    const statuses = async (token?: string) => {
      const seen: number[] = [];
      for (let i = 0; i < 11; i += 1) seen.push((await optIn(token)).status);
      return seen;
    };
    // The hub restarted in the test before, so this address starts the minute with none used.
    const publicAnswers = await statuses();
    expect(publicAnswers.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(publicAnswers[10]).toBe(429);
    for (const kiosk of [await file.hub.device('kiosk'), await file.hub.device('kiosk')]) {
      const answers = await statuses(kiosk);
      expect(answers.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(answers[10]).toBe(429);
    }
  });
});

describe('alarms reach the supervisor and clear themselves', () => {
  it('raises "wait over target" when the oldest wait passes the target, and clears it once called', async () => {
    const { counter, serviceId } = counterOf('disdukcapil');
    const service = file.building.services.find((s) => s.id === serviceId)!;
    const staff = await file.hub.login('petugas.disdukcapil');
    const supervisor = await file.hub.client(await file.hub.login('spv.disdukcapil'));
    const lists: AlarmView[][] = [];
    supervisor.socket.on('alarms:list', (list) => lists.push(list));
    const officer = await file.hub.client(staff);
    expect((await officer.command('counter:open', { counterId: counter.id })).ok).toBe(true);
    await issue(serviceId, staff);
    file.hub.advance((service.targetWaitMinutes + 11) * MINUTE);
    await until(() =>
      lists.some((l) => l.some((a) => a.kind === 'wait_over_target' && a.subjectId === serviceId)),
    );
    const alarm = lists.at(-1)!.find((a) => a.subjectId === serviceId)!;
    expect(alarm.detail).toMatchObject({ target: service.targetWaitMinutes });
    // The admin sees it too; another agency's supervisor does not.
    const seen = (await file.hub.api('/api/alarms', { token: file.admin }))
      .body as unknown as AlarmView[];
    expect(seen.some((a) => a.key === alarm.key)).toBe(true);
    const other = await file.hub.login('spv.bpjs-kesehatan');
    const theirs = (await file.hub.api('/api/alarms', { token: other }))
      .body as unknown as AlarmView[];
    expect(theirs.some((a) => a.key === alarm.key)).toBe(false);

    // One more visitor joins: the open alarm's count follows without another alarm coming.
    const before = Number(alarm.detail.waiting);
    await issue(serviceId, staff);
    await until(() =>
      (lists.at(-1) ?? []).some((a) => a.key === alarm.key && a.detail.waiting === before + 1),
    );

    // Serve everyone waiting: the cause ends, the alarm goes.
    while ((await officer.command('counter:call-next', { counterId: counter.id })).ok);
    await until(() => !(lists.at(-1) ?? []).some((a) => a.key === alarm.key));
  });
});

async function outboxTexts(): Promise<{ message: string; params: Record<string, string> }[]> {
  const rows = await file.hub.sql.all<{ message: string; params: string }>(
    'SELECT message, params FROM notify_outbox',
  );
  return rows.map((r) => ({
    message: r.message,
    params: JSON.parse(r.params) as Record<string, string>,
  }));
}

async function poll(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
