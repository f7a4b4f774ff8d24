import type { Building } from '@antre/domain';
import type { DeliveryView, NotifyCounts, SummaryReport } from '@antre/protocol';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../paths';
import { migrate } from '../db/migrations';
import type { FakeProvider } from '../notifications/testing/fake-provider';
import { startFakeProvider } from '../notifications/testing/fake-provider';
import { csvLines, fetchFile, firstSheet } from '../testing/export-files';
import type { TestHub } from '../testing/test-hub';
import { HUB_ON_POSTGRES, startTestHub } from '../testing/test-hub';

// Delivery counts in the reports, from outbox rows the real flow wrote: visitors opt in on the
// tracking page, counters call, the worker sends through a fake WhatsApp and push service.

const TODAY = 'from=2026-11-23&to=2026-11-23';
let hub: TestHub;
let fake: FakeProvider;
let admin: string;
let building: Building;
const scratch: string[] = [];

beforeAll(async () => {
  // A long attempt limit: a message whose provider hangs stays pending while the test reads.
  hub = await startTestHub(undefined, {
    tickMs: 50,
    notify: { pollMs: 20, alarmEveryMs: 50, backoffBaseMs: 50, attemptTimeoutMs: 60_000 },
  });
  fake = await startFakeProvider({ token: 'wa-token-uji' });
  admin = await hub.login('admin');
  building = (await hub.api('/api/building', { token: admin })).body as unknown as Building;
}, 60_000);
afterAll(async () => {
  await hub.close();
  await fake.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}, 60_000);

async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const deliveries = async (): Promise<DeliveryView[]> =>
  (await hub.api('/api/admin/notify/deliveries?limit=500', { token: admin }))
    .body as unknown as DeliveryView[];
const delivered = (message: DeliveryView['message'], status: DeliveryView['status'], n = 1) =>
  eventually(
    async () =>
      (await deliveries()).filter((d) => d.message === message && d.status === status).length >= n,
  );

const counts = async (query: string, token = admin): Promise<NotifyCounts> => {
  const r = await hub.api(`/api/reports/summary?${query}`, { token });
  expect(r.status).toBe(200);
  return (r.body as unknown as SummaryReport).notifications!;
};
const of = <T extends { sent: number }>(rows: T[], pick: (r: T) => boolean) =>
  rows.find(pick) ?? { sent: 0, failed: 0, skipped: 0, pending: 0 };

async function settings(change: Record<string, unknown>): Promise<void> {
  const current = (await hub.api('/api/admin/notify/settings', { token: admin })).body;
  const saved = await hub.api('/api/admin/notify/settings', {
    method: 'PUT',
    token: admin,
    body: { ...current, ...change },
  });
  expect(saved.status).toBe(200);
}

async function channel(body: Record<string, unknown>): Promise<string> {
  const made = await hub.api('/api/admin/notify/channels', { token: admin, body });
  expect(made.status).toBe(201);
  return made.body.id as string;
}

async function counterAt(agencyId: string) {
  const counter = building.counters.find((c) => c.agencyId === agencyId)!;
  const staff = await hub.login(`petugas.${agencyId}`);
  const officer = await hub.client(staff);
  return {
    serviceId: counter.services[0]!.serviceId,
    issue: async () => {
      const r = await hub.api('/api/tickets', {
        token: staff,
        body: { serviceId: counter.services[0]!.serviceId, priority: null },
      });
      expect(r.status).toBe(201);
      return r.body as unknown as { id: string; code: string };
    },
    run: async (name: Parameters<typeof officer.command>[0], extra: object = {}) => {
      const ack = await officer.command(name, { counterId: counter.id, ...extra } as never);
      if (!ack.ok) throw new Error(`${name}: ${ack.error.message}`);
    },
  };
}

async function optIn(code: string, body: Record<string, unknown>): Promise<void> {
  const r = await hub.api(`/api/tickets/${code}/notify`, { body: { language: 'id', ...body } });
  expect(r.status).toBe(201);
}

const phone = (n: number) => ({ medium: 'phone', phone: `08120000000${n}`, consent: true });

describe('notification counts in the summary report', () => {
  let whatsapp = '';
  let optedOut = '';

  it('when visitors were told through WhatsApp and Web Push, then the report counts sent, failed, skipped and pending by channel and message', async () => {
    // WhatsApp has templates for "near", "called" and the test send, none for "parked".
    whatsapp = await channel({
      kind: 'whatsapp',
      name: 'WhatsApp uji',
      enabled: true,
      baseUrl: fake.url,
      phoneNumberId: '1234567890',
      templates: {
        'ticket.near': 'antrean_dekat',
        'ticket.called': 'antrean_dipanggil',
        test: 'uji',
      },
      token: 'wa-token-uji',
    });
    await channel({
      kind: 'webpush',
      name: 'Web Push',
      enabled: true,
      subject: 'mailto:mpp@example.id',
    });
    await settings({ phoneChannelId: whatsapp, nearAhead: 1 });
    // A test send is no delivery to anyone: the report leaves it out.
    const test = await hub.api('/api/admin/notify/test', {
      token: admin,
      body: { channelId: whatsapp, phone: '081299999999' },
    });
    expect(test.status).toBe(202);
    await delivered('test', 'sent');

    // Disdukcapil: the second in line hears "near" when the counter opens, the first is called
    // (both sent), then parked: WhatsApp has no template for that, so it fails.
    const dukcapil = await counterAt('disdukcapil');
    const [d1, d2] = [await dukcapil.issue(), await dukcapil.issue()];
    await optIn(d1!.code, phone(1));
    await optIn(d2!.code, phone(2));
    optedOut = d1!.code;
    await dukcapil.run('counter:open');
    await delivered('ticket.near', 'sent');
    await dukcapil.run('counter:call-next');
    await delivered('ticket.called', 'sent');
    await dukcapil.run('counter:park', { reason: 'Ambil berkas' });
    await delivered('ticket.parked', 'failed');

    // BPJS Kesehatan: "near" to a phone while no phone channel is set is skipped; the first is
    // called through Web Push (sent); the second's call hangs at the provider (pending).
    const bpjs = await counterAt('bpjs-kesehatan');
    const [b1, b2] = [await bpjs.issue(), await bpjs.issue()];
    await optIn(b1!.code, { medium: 'push', subscription: fake.pushSubscription() });
    await optIn(b2!.code, phone(3));
    await settings({ phoneChannelId: null });
    await bpjs.run('counter:open');
    await delivered('ticket.near', 'skipped');
    await settings({ phoneChannelId: whatsapp });
    await bpjs.run('counter:call-next');
    await delivered('ticket.called', 'sent', 2);
    await bpjs.run('counter:start');
    await bpjs.run('counter:finish');
    fake.hang();
    const asked = fake.requests.length;
    await bpjs.run('counter:call-next');
    await eventually(async () => fake.requests.length > asked);

    const all = await counts(TODAY);
    expect(all.totals).toEqual({ sent: 3, failed: 1, skipped: 1, pending: 1 });
    expect(of(all.byChannel, (c) => c.channel === 'whatsapp')).toEqual({
      channel: 'whatsapp',
      sent: 2,
      failed: 1,
      skipped: 0,
      pending: 1, // the hanging one counts under the channel it goes by
    });
    expect(of(all.byChannel, (c) => c.channel === 'webpush')).toMatchObject({ sent: 1 });
    // No channel: skipped for want of one.
    expect(of(all.byChannel, (c) => c.channel === 'none')).toMatchObject({
      skipped: 1,
      pending: 0,
    });
    expect(of(all.byChannel, (c) => c.channel === 'http')).toMatchObject({ sent: 0, failed: 0 });
    expect(of(all.byMessage, (m) => m.message === 'ticket.near')).toMatchObject({
      sent: 1,
      skipped: 1,
    });
    expect(of(all.byMessage, (m) => m.message === 'ticket.called')).toMatchObject({
      sent: 2,
      pending: 1,
    });
    expect(of(all.byMessage, (m) => m.message === 'ticket.parked')).toMatchObject({ failed: 1 });
    expect(all.byMessage.map((m) => m.message)).not.toContain('test');
    // Every kind is listed, even with nothing in it, so tables keep their shape.
    expect(all.byChannel.map((c) => c.channel)).toEqual([
      'whatsapp',
      'http',
      'webpush',
      'log',
      'none',
    ]);
    expect(all.byMessage).toHaveLength(9);

    // Another day: nothing.
    const tomorrow = await counts('from=2026-11-24&to=2026-11-24');
    expect(tomorrow.totals).toEqual({ sent: 0, failed: 0, skipped: 0, pending: 0 });
  });

  it('when a supervisor or an agency is asked, then only that agency’s messages count', async () => {
    const spv = await hub.login('spv.disdukcapil');
    const own = await counts(TODAY, spv);
    expect(own.totals).toEqual({ sent: 2, failed: 1, skipped: 0, pending: 0 });
    expect(of(own.byChannel, (c) => c.channel === 'webpush').sent).toBe(0);
    const bpjs = await counts(`${TODAY}&agencyId=bpjs-kesehatan`);
    expect(bpjs.totals).toEqual({ sent: 1, failed: 0, skipped: 1, pending: 1 });
    const refused = await hub.api(`/api/reports/summary?${TODAY}&agencyId=bpjs-kesehatan`, {
      token: spv,
    });
    expect(refused.status).toBe(403);
  });

  // SQLite's migration 0012 on a copy of the hub's file; PostgreSQL's schema has the column from
  // its first migration (migrations-pg), so there is nothing to upgrade there.
  it.skipIf(HUB_ON_POSTGRES)(
    'when rows written before migration 0012 are migrated, then each gets the agency stamped on new rows',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'antre-0012-'));
      scratch.push(dir);
      const copy = join(dir, 'antre.db');
      const live = new Database(join(hub.dataDir, 'antre.db'), { readonly: true });
      await live.backup(copy);
      live.close();
      const db = new Database(copy);
      const stamped = db
        .prepare<[], { seq: number; agency_id: string | null }>(
          'SELECT seq, agency_id FROM notify_outbox ORDER BY seq',
        )
        .all();
      expect(new Set(stamped.map((r) => r.agency_id))).toEqual(
        new Set([null, 'disdukcapil', 'bpjs-kesehatan']), // null: the test send
      );
      // Back to how 0011 left the table, then forward again.
      db.exec(`DROP INDEX notify_outbox_agency;
      ALTER TABLE notify_outbox DROP COLUMN agency_id;
      DROP INDEX notify_outbox_recipient;
      DELETE FROM schema_migrations
        WHERE name IN ('0012-outbox-agency.sql', '0013-outbox-recipient.sql');`);
      migrate(db, MIGRATIONS_DIR);
      expect(db.prepare('SELECT seq, agency_id FROM notify_outbox ORDER BY seq').all()).toEqual(
        stamped,
      );
      db.close();
    },
  );

  it('when a visitor opts out afterwards, then their agency still counts what they were sent', async () => {
    const spv = await hub.login('spv.disdukcapil');
    const before = await counts(TODAY, spv);
    const removed = await hub.api(`/api/tickets/${optedOut}/notify`, { method: 'DELETE' });
    expect(removed.body).toEqual({ removed: 1 });
    expect(await counts(TODAY, spv)).toEqual(before);
  });

  it('when an alarm goes to staff, then it counts for the alarm’s agency only', async () => {
    const log = await channel({ kind: 'log', name: 'Catatan staf', enabled: true });
    await settings({
      staffChannelId: log,
      staffPhones: [
        { agencyId: null, phone: '081300000001' },
        { agencyId: 'disdukcapil', phone: '081300000002' },
      ],
    });
    // A Satpas visitor waits and no Satpas counter is open: one alarm, to the building's phone.
    const satpas = building.services.find((s) => s.agencyId === 'satpas')!;
    expect(
      (await hub.api('/api/tickets', { token: admin, body: { serviceId: satpas.id } })).status,
    ).toBe(201);
    await delivered('alarm.raised', 'sent');
    const theirs = await counts(`${TODAY}&agencyId=satpas`);
    expect(theirs.totals).toEqual({ sent: 1, failed: 0, skipped: 0, pending: 0 });
    expect(of(theirs.byMessage, (m) => m.message === 'alarm.raised').sent).toBe(1);
    expect(of(theirs.byChannel, (c) => c.channel === 'log').sent).toBe(1);
    const dukcapil = await counts(TODAY, await hub.login('spv.disdukcapil'));
    expect(of(dukcapil.byMessage, (m) => m.message === 'alarm.raised').sent).toBe(0);
  });
});

describe('the notifications export', () => {
  const download = (query: string, token = admin) =>
    fetchFile(`${hub.url}/api/reports/export?${query}`, token);

  it('when the admin exports it as CSV, then totals, messages and channels are rows in Indonesian', async () => {
    const { response, bytes } = await download(`${TODAY}&table=notifications&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('antre-notifications-2026-11-23');
    const lines = csvLines(bytes);
    expect(lines[0]).toBe('Notifikasi,Terkirim,Gagal,Dilewati,Tertunda,Jumlah');
    expect(lines[1]).toBe('Semua pesan,4,1,1,1,7'); // three to visitors and one staff alarm sent
    expect(lines).toContain('Pesan: Nomor dipanggil,2,0,0,1,3');
    expect(lines).toContain('Pesan: Peringatan staf,1,0,0,0,1');
    expect(lines).toContain('Kanal: WhatsApp,2,1,0,1,4');
    expect(lines).toContain('Kanal: Tanpa kanal,0,0,1,0,1');
    expect(lines.some((l) => l.startsWith('Pesan: Pesan uji'))).toBe(false);
  });

  it('when a supervisor exports it as XLSX, then the sheet holds their agency’s counts only', async () => {
    const spv = await hub.login('spv.disdukcapil');
    const { response, bytes } = await download(`${TODAY}&table=notifications&format=xlsx`, spv);
    expect(response.status).toBe(200);
    const sheet = await firstSheet(bytes);
    expect(String(sheet.getCell('A1').value)).toContain('Notifikasi');
    expect(sheet.getRow(4).values).toEqual([undefined, 'Semua pesan', 2, 1, 0, 0, 3]);
  });
});
