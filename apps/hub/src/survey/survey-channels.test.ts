import type { HubClient } from '@antre/client';
import { SKM_ELEMENTS } from '@antre/domain';
import type { IkmReport, SurveyInvite } from '@antre/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestHub } from '../testing/test-hub';
import { startTestHub } from '../testing/test-hub';

// loket-1 serves KTP (prefix A) for Disdukcapil; loket-2 is another Disdukcapil counter.
const KTP = 'disdukcapil-ktp-el';
const HERE = 'loket-1';

let hub: TestHub;
let officer: HubClient;
let officerToken: string;

beforeEach(async () => {
  hub = await startTestHub();
  officerToken = await hub.login('petugas.disdukcapil');
  officer = await hub.client(officerToken);
});
afterEach(async () => hub.close());

const answers = (score: number) => Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score]));

async function issue(): Promise<{ id: string; code: string; label: string }> {
  const issued = await officer.command('ticket:issue', { serviceId: KTP, priority: null });
  if (!issued.ok) throw new Error(issued.error.message);
  return issued.value.tickets[0]!;
}

/** Calls the next ticket at loket-1 and finishes it, as the officer at the desk. */
async function serveNext(): Promise<void> {
  for (const name of ['counter:open', 'counter:call-next', 'counter:start', 'counter:finish']) {
    const ack = await officer.command(name as 'counter:start', { counterId: HERE });
    expect(ack.ok, name).toBe(true);
  }
}

/** A tablet signed in as `user`, listening beside `counterId`; it records what it is shown. */
async function tablet(user: string, counterId: string) {
  const client = await hub.client(await hub.login(user));
  const invites: SurveyInvite[] = [];
  client.socket.on('survey:invite', (invite) => invites.push(invite));
  const listening = await client.socket.emitWithAck('survey:listen', { counterId });
  return { client, invites, listening };
}

/** A round trip on a socket: anything the hub emitted to it before is delivered by then. */
const drain = (client: HubClient) => client.socket.emitWithAck('sync:request', {});

describe('the counter tablet invitation', () => {
  it('when the officer asks after finishing, then only their tablet at that counter shows it', async () => {
    const here = await tablet('petugas.disdukcapil', HERE);
    expect(here.listening).toMatchObject({ ok: true, value: { counterName: expect.any(String) } });
    const otherCounter = await tablet('petugas.disdukcapil', 'loket-2');
    const supervisorHere = await tablet('spv.disdukcapil', HERE);
    const ticket = await issue();

    const early = await officer.socket.emitWithAck('survey:request', { ticketId: ticket.id });
    expect(early).toMatchObject({ ok: false, error: { code: 'illegal_transition' } });
    await serveNext();

    const asked = await officer.socket.emitWithAck('survey:request', { ticketId: ticket.id });
    expect(asked).toEqual({ ok: true, value: { tablets: 1 } });
    await Promise.all([here, otherCounter, supervisorHere].map((t) => drain(t.client)));
    expect(here.invites).toEqual([
      expect.objectContaining({
        ticketCode: ticket.code,
        ticketLabel: ticket.label,
        serviceName: 'Perekaman dan Pencetakan KTP-el',
        agencyName: expect.stringContaining('Kependudukan'),
        counterId: HERE,
      }),
    ]);
    expect(otherCounter.invites).toEqual([]);
    expect(supervisorHere.invites).toEqual([]);
  });

  it('when someone else asks for the officer’s ticket, then it is refused and no tablet hears of it', async () => {
    const here = await tablet('petugas.disdukcapil', HERE);
    const ticket = await issue();
    await serveNext();
    const spv = await hub.client(await hub.login('spv.disdukcapil'));
    const kiosk = await hub.client(await hub.device('kiosk'));
    for (const asker of [spv, kiosk]) {
      const refused = await asker.socket.emitWithAck('survey:request', { ticketId: ticket.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    for (const payload of [{ ticketId: ticket.id, extra: 1 }, { ticketId: 5 }, null, 'x']) {
      const bad = await officer.socket.emitWithAck('survey:request', payload as never);
      expect(bad, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    await drain(here.client);
    expect(here.invites).toEqual([]);
  });

  it('when a tablet listens beside another agency’s counter, then it is refused', async () => {
    const other = await tablet('petugas.satpas', HERE);
    expect(other.listening).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const kiosk = await hub.client(await hub.device('kiosk'));
    const refused = await kiosk.socket.emitWithAck('survey:listen', { counterId: HERE });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the channel of an answer', () => {
  it('when answered by phone, tablet and kiosk, then each is recorded from who sent it', async () => {
    const [byPhone, byTablet, byKiosk] = [await issue(), await issue(), await issue()];
    for (let i = 0; i < 3; i += 1) await serveNext();
    const kioskToken = await hub.device('kiosk');

    // A body that claims another channel changes nothing: the sender decides.
    const phone = await hub.api(`/api/tickets/${byPhone.code}/survey`, {
      body: { answers: answers(4), channel: 'counter' },
    });
    expect(phone.status).toBe(201);
    const strangerOfficer = await hub.login('spv.disdukcapil');
    const refused = await hub.api(`/api/tickets/${byTablet.code}/survey`, {
      token: strangerOfficer,
      body: { answers: answers(1) },
    });
    expect(refused.status).toBe(403);
    const display = await hub.device('display');
    const byDisplay = await hub.api(`/api/tickets/${byTablet.code}/survey`, {
      token: display,
      body: { answers: answers(1) },
    });
    expect(byDisplay.status).toBe(403);
    const counter = await hub.api(`/api/tickets/${byTablet.code}/survey`, {
      token: officerToken,
      body: { answers: answers(3) },
    });
    expect(counter.status).toBe(201);
    const kiosk = await hub.api(`/api/survey/kiosk/${byKiosk.label}`, {
      token: kioskToken,
      body: { answers: answers(2), channel: 'phone' },
    });
    expect(kiosk.status).toBe(201);

    const admin = await hub.login('admin');
    const report = (
      await hub.api('/api/reports/ikm?from=2026-11-23&to=2026-11-23', { token: admin })
    ).body as unknown as IkmReport;
    expect(report.channels).toEqual({ phone: 1, counter: 1, kiosk: 1 });
    expect(report.building.respondents).toBe(3);
  });
});

describe('the kiosk lookup by ticket number', () => {
  const lookup = (token: string, number: string) =>
    hub.api(`/api/survey/kiosk/${encodeURIComponent(number)}`, { token });

  it('when the number is served today, then it can be rated once, typed any way', async () => {
    const kiosk = await hub.device('kiosk');
    const ticket = await issue();
    await serveNext();
    expect(ticket.label).toBe('A-001');
    for (const typed of ['A-001', 'a1', 'A 001', 'a-01']) {
      const found = await lookup(kiosk, typed);
      expect(found.body, typed).toEqual({
        open: true,
        reason: 'open',
        serviceName: 'Perekaman dan Pencetakan KTP-el',
      });
    }
    const rated = await hub.api('/api/survey/kiosk/a1', {
      token: kiosk,
      body: { answers: answers(4) },
    });
    expect(rated.status).toBe(201);
    expect((await lookup(kiosk, 'A-001')).body).toMatchObject({ open: false, reason: 'answered' });
    const again = await hub.api('/api/survey/kiosk/A-001', {
      token: kiosk,
      body: { answers: answers(1) },
    });
    expect(again.status).toBe(409);
  });

  it('when the ticket still waits, then the lookup says so and an answer is refused', async () => {
    const kiosk = await hub.device('kiosk');
    await issue();
    expect((await lookup(kiosk, 'A-001')).body).toMatchObject({
      open: false,
      reason: 'not_served',
    });
    const early = await hub.api('/api/survey/kiosk/A-001', {
      token: kiosk,
      body: { answers: answers(4) },
    });
    expect(early.status).toBe(409);
  });

  it('when the number was served on another day, then today it is not found', async () => {
    const kiosk = await hub.device('kiosk');
    await issue();
    await serveNext();
    hub.setNow(Date.parse('2026-11-24T02:00:00Z'));
    await hub.runHousekeeping(); // the day changes on the tick, not on a read
    const found = await lookup(kiosk, 'A-001');
    expect(found.status).toBe(404);
    expect(found.body.error?.code).toBe('ticket_not_found');
    expect(Object.keys(found.body)).toEqual(['ok', 'error']);
  });

  it.each([
    ['the public', 'A-001', 401, undefined],
    ['an officer', 'A-001', 403, 'petugas.disdukcapil'],
    ['a kiosk, for a made-up number', 'ZZZ-9', 400, 'kiosk'],
  ])('when asked by %s for %s, then %i', async (_, number, status, who) => {
    const token =
      who === 'kiosk' ? await hub.device('kiosk') : who ? await hub.login(who) : undefined;
    const answer = await hub.api(`/api/survey/kiosk/${number}`, token ? { token } : {});
    expect(answer.status).toBe(status);
  });
});
