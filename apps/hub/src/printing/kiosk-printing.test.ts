import type { HubClient } from '@antre/client';
import type { Building } from '@antre/domain';
import type { FakePrinter, FakePrinterState } from '@antre/escpos/testing';
import { decodeEscPos, startFakePrinter } from '@antre/escpos/testing';
import type {
  DeviceAlert,
  KioskIssueResult,
  KioskPrinterStatus,
  KioskReprintResult,
  Result,
} from '@antre/protocol';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { lanAddress } from './public-address';
import { startTestHub, until } from '../testing/test-hub';

let hub: TestHub;
let printer: FakePrinter;
let adminToken: string;
let building: Building;

beforeEach(async () => {
  [hub, printer] = await Promise.all([startTestHub(), startFakePrinter()]);
  adminToken = await hub.login('admin');
  building = (await hub.api('/api/building', { token: adminToken })).body as unknown as Building;
});
afterEach(async () => {
  await hub.close();
  await printer.close();
});

const KTP = 'disdukcapil-ktp-el';

// Device names are unique among devices in use; each made here gets its own.
let kiosks = 0;
async function kioskWith(printerSettings: Record<string, unknown>): Promise<HubClient> {
  const { body } = await hub.api('/api/devices', {
    token: adminToken,
    body: {
      name: `Kiosk Uji ${++kiosks}`,
      role: 'kiosk',
      settings: { printer: printerSettings },
    },
  });
  return hub.client(body.token as string);
}
const tcpKiosk = () =>
  kioskWith({ kind: 'tcp', host: printer.host, port: printer.port, timeoutMs: 300 });

let tap = 0;
const issue = (kiosk: HubClient, serviceId = KTP): Promise<Result<KioskIssueResult>> =>
  kiosk.socket.timeout(10_000).emitWithAck('kiosk:issue', {
    commandId: `tap-${Date.now()}-${(tap += 1)}`,
    serviceId,
    priority: null,
  });
const printerStatus = (kiosk: HubClient): Promise<Result<KioskPrinterStatus>> =>
  kiosk.socket.timeout(10_000).emitWithAck('kiosk:printer-status', {});
const reprint = (kiosk: HubClient, ticketId: string): Promise<Result<KioskReprintResult>> =>
  kiosk.socket.timeout(10_000).emitWithAck('kiosk:reprint', { ticketId });

async function waitingAt(serviceId: string): Promise<number> {
  const { body } = await hub.api('/api/services');
  const agencies = body.agencies as { services: { id: string; waiting: number }[] }[];
  return agencies.flatMap((a) => a.services).find((s) => s.id === serviceId)!.waiting;
}
async function openAlerts(token = adminToken): Promise<DeviceAlert[]> {
  return (await hub.api('/api/devices/alerts', { token })).body.alerts as DeviceAlert[];
}

describe('a kiosk in a plain browser prints through the hub', () => {
  it('when a kiosk with a network printer issues, then the printer gets the number, the service and the QR to the ticket page', async () => {
    const kiosk = await tcpKiosk();
    const job = printer.nextJob();
    const result = await issue(kiosk);
    expect(result.ok && result.value.outcome).toBe('printed');
    if (!result.ok || result.value.outcome !== 'printed') return;
    const { ticket } = result.value;

    const printed = decodeEscPos(await job);
    expect(printed.largestText.replace(/\s/g, '')).toBe(ticket.label);
    expect(printed.lines.join('\n')).toContain('Perekaman dan Pencetakan KTP-el');
    // The kiosk reached the hub on 127.0.0.1; a phone reaches it on the LAN address.
    const phoneUrl = `${hub.url.replace('127.0.0.1', lanAddress()!)}/t/${ticket.code}`;
    expect(printed.qrPayloads).toEqual([phoneUrl]);
    expect(printed.cuts).toBe(1);
    expect(ticket.trackUrl).toBe(phoneUrl);

    const tracked = await hub.api(`/api/tickets/${ticket.code}`);
    expect(tracked.body.status).toBe('waiting');
    expect(await waitingAt(KTP)).toBe(1);
    expect(await openAlerts()).toEqual([]);
  });

  const failures: [FakePrinterState, string][] = [
    ['paper_out', 'paper_out'],
    ['cover_open', 'cover_open'],
    ['offline', 'offline'],
    ['silent', 'no_answer'],
  ];
  it.each(failures)(
    'when the printer is %s, then the ticket is void, never queued, and an alert is raised until the printer is back',
    async (state, reason) => {
      const kiosk = await tcpKiosk();
      const supervisorToken = await hub.login('spv.disdukcapil');
      const supervisor = await hub.client(supervisorToken);
      const heard: DeviceAlert[] = [];
      supervisor.socket.on('device:alert', (alert) => heard.push(alert));
      printer.setState(state);

      const result = await issue(kiosk);
      expect(result).toMatchObject({ ok: true, value: { outcome: 'print_failed', reason } });
      const ticket =
        result.ok && result.value.outcome === 'print_failed' ? result.value.ticket : null;
      expect(ticket).not.toBeNull();
      expect(printer.jobs()).toEqual([]);

      const tracked = await hub.api(`/api/tickets/${ticket!.code}`);
      expect(tracked.body.status).toBe('void');
      expect(await waitingAt(KTP)).toBe(0);
      const officer = await hub.client(await hub.login('petugas.disdukcapil'));
      const counter = building.counters.find((c) => c.services.some((s) => s.serviceId === KTP))!;
      await officer.command('counter:open', { counterId: counter.id });
      expect(await officer.command('counter:call-next', { counterId: counter.id })).toMatchObject({
        ok: false,
        error: { code: 'queue_empty' },
      });
      const voided = officer.state.tickets.get(ticket!.id);
      expect(voided === undefined || voided.status === 'void').toBe(true);

      const [alert] = await openAlerts();
      expect(alert).toMatchObject({
        kind: 'printer',
        state: reason,
        deviceName: expect.stringMatching(/^Kiosk Uji/) as string,
      });
      expect(await openAlerts(supervisorToken)).toHaveLength(1);
      await until(() => heard.length === 1);

      // The kiosk stays on its trouble screen until its printer answers ready again.
      printer.setState('ready');
      const status = await printerStatus(kiosk);
      expect(status).toEqual({ ok: true, value: { state: 'ready', canPrint: true, by: 'hub' } });
      expect(await openAlerts()).toEqual([]);
      await until(() => heard.length === 2);
      expect(heard[1]).toMatchObject({ id: alert!.id, clearedAt: expect.any(Number) });
    },
  );

  it('when the visitor asks for copies within 2 minutes, then two print again; a third or later ones do not', async () => {
    const kiosk = await tcpKiosk();
    const result = await issue(kiosk);
    if (!result.ok || result.value.outcome !== 'printed') throw new Error('not printed');
    const { ticket } = result.value;
    await until(() => printer.jobs().length === 1);

    const copy = printer.nextJob();
    expect(await reprint(kiosk, ticket.id)).toEqual({
      ok: true,
      value: { outcome: 'printed', copiesLeft: 1 },
    });
    expect(decodeEscPos(await copy).qrPayloads).toEqual([ticket.trackUrl]);
    // Two taps at once: one prints the last copy, the other is refused. Which one depends on
    // which lookup of the ticket's kiosk answers first (on PostgreSQL, two connections).
    const both = await Promise.all([reprint(kiosk, ticket.id), reprint(kiosk, ticket.id)]);
    expect(both).toEqual(
      expect.arrayContaining([
        { ok: true, value: { outcome: 'printed', copiesLeft: 0 } },
        { ok: true, value: { outcome: 'no_more_copies' } },
      ]),
    );
    expect(printer.jobs()).toHaveLength(3);

    hub.advance(2 * 60_000 + 1);
    expect(await reprint(kiosk, ticket.id)).toEqual({ ok: true, value: { outcome: 'too_late' } });
    expect(printer.jobs()).toHaveLength(3);
    expect(await waitingAt(KTP)).toBe(1);

    const other = await tcpKiosk();
    expect(await reprint(other, ticket.id)).toMatchObject({
      ok: false,
      error: { code: 'ticket_not_found' },
    });
  });

  it('when the kiosk retries a tap with the same command id, then one ticket is issued and printed once', async () => {
    const kiosk = await tcpKiosk();
    const tapOnce = () =>
      kiosk.socket
        .timeout(10_000)
        .emitWithAck('kiosk:issue', { commandId: 'retried-tap-0001', serviceId: KTP });
    const [first, retried] = await Promise.all([tapOnce(), tapOnce()]);
    expect(retried).toEqual(first);
    const late = await tapOnce();
    expect(late.ok && late.value.ticket?.id).toBe(first.ok && first.value.ticket?.id);
    expect(late.ok && late.value.outcome).toBe('printed');
    expect(printer.jobs()).toHaveLength(1);
    expect(await waitingAt(KTP)).toBe(1);
  });

  it('when the demo kiosk prints, then its virtual printer writes the bytes and a preview into the data folder', async () => {
    const kiosk = await kioskWith({ kind: 'virtual' });
    const result = await issue(kiosk);
    expect(result.ok && result.value.outcome).toBe('printed');
    const files = readdirSync(join(hub.dataDir, 'printed'));
    expect(files.some((f) => f.endsWith('.bin'))).toBe(true);
    expect(files.some((f) => f.endsWith('.svg'))).toBe(true);
  });

  it('when the sender is not a kiosk, has no printer or sends bad input, then nothing is issued', async () => {
    const officer = await hub.client(await hub.login('petugas.disdukcapil'));
    expect(await issue(officer)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const noPrinter = await hub.client(await hub.device('kiosk'));
    expect(await issue(noPrinter)).toEqual({
      ok: true,
      value: { outcome: 'print_failed', reason: 'no_printer', ticket: null },
    });
    expect(await printerStatus(noPrinter)).toEqual({
      ok: true,
      value: { state: 'none', canPrint: false, by: 'none' },
    });

    const kiosk = await tcpKiosk();
    const bad = await kiosk.socket
      .timeout(5_000)
      .emitWithAck('kiosk:issue', { commandId: 'x', serviceId: KTP } as never);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await issue(kiosk, 'no-such-service')).toMatchObject({
      ok: false,
      error: { code: 'service_not_found' },
    });
    expect(printer.jobs()).toEqual([]);
    expect(await waitingAt(KTP)).toBe(0);
  });

  it('when a kiosk prints with its own shell printer, then the ticket waits in printing until the kiosk reports', async () => {
    const kiosk = await kioskWith({ kind: 'shell' });
    const result = await kiosk.socket.timeout(5_000).emitWithAck('kiosk:issue', {
      commandId: 'self-print-0001',
      serviceId: KTP,
      priority: 'elderly',
      printBy: 'self',
    });
    if (!result.ok || result.value.outcome !== 'print_yourself') throw new Error('not self');
    expect(result.value.ticket.printable).toMatchObject({
      label: result.value.ticket.label,
      priorityLabel: 'Prioritas: Lansia',
      timeZone: 'Asia/Jakarta',
      trackingUrl: result.value.ticket.trackUrl,
    });
    expect(await waitingAt(KTP)).toBe(0);
    await kiosk.command('ticket:print-result', { ticketId: result.value.ticket.id, printed: true });
    expect(await waitingAt(KTP)).toBe(1);

    const reported = await kiosk.socket
      .timeout(5_000)
      .emitWithAck('kiosk:printer-status', { reported: 'cover_open' });
    expect(reported).toEqual({
      ok: true,
      value: { state: 'cover_open', canPrint: false, by: 'self' },
    });
    expect(await openAlerts()).toMatchObject([{ state: 'cover_open' }]);
  });
});
