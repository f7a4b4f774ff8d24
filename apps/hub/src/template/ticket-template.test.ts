import type { HubClient } from '@antre/client';
import { DEFAULT_TICKET_TEMPLATE } from '@antre/escpos';
import type { FakePrinter } from '@antre/escpos/testing';
import { decodeEscPos, startFakePrinter } from '@antre/escpos/testing';
import type { AuditEntry, KioskIssueResult, Result } from '@antre/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

let hub: TestHub;
let printer: FakePrinter;
let adminToken: string;

beforeEach(async () => {
  [hub, printer] = await Promise.all([startTestHub(), startFakePrinter()]);
  adminToken = await hub.login('admin');
});
afterEach(async () => {
  await hub.close();
  await printer.close();
});

const CUSTOM = DEFAULT_TICKET_TEMPLATE.replace('{{footer}}', 'Terima kasih, Bandung Juara');
const save = (template: string, token = adminToken) =>
  hub.api('/api/ticket-template', { token, method: 'PUT', body: { template } });

// Device names are unique among devices in use; each made here gets its own.
let kiosks = 0;
async function tcpKiosk(): Promise<HubClient> {
  const { body } = await hub.api('/api/devices', {
    token: adminToken,
    body: {
      name: `Kiosk Uji ${++kiosks}`,
      role: 'kiosk',
      settings: { printer: { kind: 'tcp', host: printer.host, port: printer.port } },
    },
  });
  return hub.client(body.token as string);
}

describe('the ticket template', () => {
  it('when the admin saves a custom footer, then the next ticket a kiosk prints carries it', async () => {
    expect((await save(CUSTOM)).status).toBe(200);
    const kiosk = await tcpKiosk();
    const job = printer.nextJob();
    const result: Result<KioskIssueResult> = await kiosk.socket
      .timeout(10_000)
      .emitWithAck('kiosk:issue', {
        commandId: 'template-tap-1',
        serviceId: 'disdukcapil-ktp-el',
        priority: null,
      });
    expect(result).toMatchObject({ ok: true, value: { outcome: 'printed' } });
    const printed = decodeEscPos(await job).lines.join('\n');
    expect(printed).toContain('Terima kasih, Bandung Juara');
    expect(printed).not.toContain('{{');

    const audit = await hub.api('/api/audit?action=ticket-template.update', { token: adminToken });
    const entries = audit.body.entries as AuditEntry[];
    expect(entries.map((e) => e.action)).toContain('ticket-template.update');
  });

  it('when saved, then GET returns it, and saving the default resets it', async () => {
    await save(CUSTOM);
    const saved = await hub.api('/api/ticket-template', { token: adminToken });
    expect(saved.body).toMatchObject({ template: CUSTOM, isDefault: false });
    expect(saved.body.placeholders).toContain('footer');
    await save(DEFAULT_TICKET_TEMPLATE);
    const reset = await hub.api('/api/ticket-template', { token: adminToken });
    expect(reset.body).toMatchObject({ template: DEFAULT_TICKET_TEMPLATE, isDefault: true });
  });

  it('when a template has an unknown placeholder or is too long, then it is refused and nothing changes', async () => {
    const unknown = await save('{{siteName}}\n{{nomorAntrian}}');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: { message: expect.stringContaining('{{nomorAntrian}}') as unknown },
    });
    const huge = await save('x'.repeat(5000));
    expect(huge.status).toBe(400);
    const current = await hub.api('/api/ticket-template', { token: adminToken });
    expect(current.body.template).toBe(DEFAULT_TICKET_TEMPLATE);
  });

  it('when a non-admin asks, then it is refused', async () => {
    const supervisor = await hub.login('spv.disdukcapil');
    expect((await save(CUSTOM, supervisor)).status).toBe(403);
    expect((await hub.api('/api/ticket-template')).status).toBe(401);
  });

  it('when previewed at 58 and 80 mm, then the SVG shows the sample ticket at each width', async () => {
    const preview = (paperWidth: number) =>
      hub.api('/api/ticket-template/preview', {
        token: adminToken,
        body: { template: CUSTOM, paperWidth },
      });
    const [narrow, wide] = await Promise.all([preview(58), preview(80)]);
    expect(narrow.status).toBe(200);
    const narrowSvg = narrow.body.svg as string;
    const wideSvg = wide.body.svg as string;
    expect(narrowSvg).toMatch(/^<svg/);
    const textOf = (svg: string) => svg.replace(/<[^>]+>/g, '').replace(/&#xa0;/g, ' ');
    expect(textOf(narrowSvg)).toContain('Terima kasih, Bandung Juara');
    const widthOf = (svg: string) => Number(/width="(\d+)px"/.exec(svg)?.[1]);
    expect(widthOf(wideSvg)).toBeGreaterThan(widthOf(narrowSvg));
    expect((await preview(72)).status).toBe(400);
  });
});
