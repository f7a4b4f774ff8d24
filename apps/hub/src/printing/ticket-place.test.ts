import type { KioskIssueResult, Result } from '@antre/protocol';
import type { FakePrinter } from '@antre/escpos/testing';
import { decodeEscPos, startFakePrinter } from '@antre/escpos/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

let hub: TestHub;
let printer: FakePrinter;
let adminToken: string;

beforeAll(async () => {
  [hub, printer] = await Promise.all([startTestHub(), startFakePrinter()]);
  adminToken = await hub.login('admin');
});
afterAll(async () => {
  await hub.close();
  await printer.close();
});

// In the demo building KTP-el is served at counters 1, 2 and 5, all on the first floor.
const KTP = 'disdukcapil-ktp-el';
const KTP_PLACE = 'Loket 1–2, 5 · Lantai 1 — Aula Utama';

async function printingKiosk(name: string) {
  const { body } = await hub.api('/api/devices', {
    token: adminToken,
    body: {
      name,
      role: 'kiosk',
      settings: {
        printer: { kind: 'tcp', host: printer.host, port: printer.port, timeoutMs: 300 },
      },
    },
  });
  return hub.client(body.token as string);
}

describe('the ticket says where to go', () => {
  it('when a kiosk issues, then the paper and the result screen name the counters and the floor', async () => {
    const kiosk = await printingKiosk('Kiosk Tempat');
    const job = printer.nextJob();
    const result: Result<KioskIssueResult> = await kiosk.socket
      .timeout(10_000)
      .emitWithAck('kiosk:issue', { commandId: 'place-test-1', serviceId: KTP, priority: null });
    if (!result.ok || result.value.outcome !== 'printed') throw new Error(JSON.stringify(result));

    const lines = decodeEscPos(await job).lines;
    expect(lines).toContain(KTP_PLACE);
    expect(result.value.ticket.place).toEqual({
      counterNumbers: [1, 2, 5],
      zones: [{ id: 'lantai-1', name: 'Lantai 1 — Aula Utama' }],
    });
  });

  it('when the admin opens the template editor, then {{place}} is offered and in the default template', async () => {
    const { body } = await hub.api('/api/ticket-template', { token: adminToken });
    expect(body.placeholders).toContain('place');
    expect(body.template).toContain('{{place}}');
  });
});
