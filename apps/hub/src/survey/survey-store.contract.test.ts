import { SKM_ELEMENTS } from '@antre/domain';
import type { SurveyBody } from '@antre/protocol';
import { describe, expect, it } from 'vitest';
import { readDemoBuilding } from '../building/first-start';
import { FencedError } from '../cluster/lease';
import type { Sql } from '../db/sql';
import { useSqlEngines } from '../testing/sql-engines';
import { insertService, insertTicket, insertTicketEvent } from '../testing/ticket-rows';
import { ikmReport } from './ikm-report';
import { createSurveyStore } from './survey-store';

// The SKM answers and the public's feedback, on both engines (db/sql.ts).

const engines = useSqlEngines();

const KTP = 'disdukcapil-ktp-el';
const PASPOR = 'imigrasi-paspor-baru';
const AT = Date.parse('2026-11-23T03:00:00Z');
const answers = (score: number) =>
  Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score])) as SurveyBody['answers'];

/** Two agencies' services and a served ticket of each on 2026-11-22 and 2026-11-23. */
async function building(sql: Sql): Promise<void> {
  await insertService(sql, { id: KTP, agencyId: 'disdukcapil', prefix: 'A' });
  await insertService(sql, { id: PASPOR, agencyId: 'imigrasi', prefix: 'H' });
  const tickets = [
    ['ktp-22', '2026-11-22', KTP, 1],
    ['ktp-23', '2026-11-23', KTP, 1],
    ['ktp-23b', '2026-11-23', KTP, 2],
    ['paspor-23', '2026-11-23', PASPOR, 1],
  ] as const;
  for (const [id, serviceDay, serviceId, number] of tickets)
    await insertTicket(sql, { id, serviceDay, serviceId, number, status: 'done', issuedAt: AT });
}

const response = (ticketId: string, serviceDay: string, serviceId: string) => ({
  id: `r-${ticketId}`,
  ticketId,
  serviceDay,
  serviceId,
});

describe.each(engines)('survey store on $name', (engine) => {
  it('when a ticket is answered twice, then the first answer is kept and the second refused', async () => {
    const { sql } = await engine.open();
    await building(sql);
    const surveys = createSurveyStore(sql);
    expect(await surveys.hasAnswered('ktp-23')).toBe(false);
    const first: SurveyBody = { answers: answers(4), ageBand: '30-39', sex: 'perempuan' };
    expect(
      await surveys.saveResponse(
        response('ktp-23', '2026-11-23', KTP),
        'disdukcapil',
        'phone',
        first,
        AT,
      ),
    ).toBe(true);
    const second = { answers: answers(1) };
    expect(
      await surveys.saveResponse(
        { ...response('ktp-23', '2026-11-23', KTP), id: 'r-again' },
        'disdukcapil',
        'kiosk',
        second,
        AT + 1,
      ),
    ).toBe(false);
    expect(await surveys.hasAnswered('ktp-23')).toBe(true);
    expect(await surveys.responses('2026-11-23', '2026-11-23')).toEqual([
      {
        serviceId: KTP,
        agencyId: 'disdukcapil',
        channel: 'phone',
        answers: answers(4),
        profile: { ageBand: '30-39', sex: 'perempuan', education: null, job: null },
      },
    ]);
  });

  it('when the IKM is asked for a period and an agency, then only their answers count', async () => {
    const { sql } = await engine.open();
    await building(sql);
    const surveys = createSurveyStore(sql);
    const save = (
      ticketId: string,
      day: string,
      serviceId: string,
      agency: string,
      score: number,
    ) =>
      surveys.saveResponse(
        response(ticketId, day, serviceId),
        agency,
        'counter',
        { answers: answers(score) },
        AT,
      );
    await save('ktp-22', '2026-11-22', KTP, 'disdukcapil', 1);
    await save('ktp-23', '2026-11-23', KTP, 'disdukcapil', 4);
    await save('ktp-23b', '2026-11-23', KTP, 'disdukcapil', 3);
    await save('paspor-23', '2026-11-23', PASPOR, 'imigrasi', 2);

    const scores = async (from: string, to: string, agencyId?: string) =>
      (await surveys.responses(from, to, agencyId)).map((r) => r.answers.U1).sort();
    expect(await scores('2026-11-22', '2026-11-23')).toEqual([1, 2, 3, 4]);
    expect(await scores('2026-11-23', '2026-11-23')).toEqual([2, 3, 4]);
    expect(await scores('2026-11-22', '2026-11-23', 'disdukcapil')).toEqual([1, 3, 4]);
    expect(await scores('2026-11-24', '2026-11-30')).toEqual([]);

    const demo = readDemoBuilding();
    const period = { from: '2026-11-23', to: '2026-11-23', agencyId: 'disdukcapil' };
    const served = new Map([[KTP, 2]]);
    const report = ikmReport(
      demo,
      await surveys.responses('2026-11-23', '2026-11-23', 'disdukcapil'),
      served,
      period,
    );
    expect(report.channels).toEqual({ phone: 0, kiosk: 0, counter: 2 });
    expect(report.building).toMatchObject({ respondents: 2, served: 2 });
    expect(report.services.find((s) => s.serviceId === KTP)).toMatchObject({ respondents: 2 });
    expect(report.agencies.map((a) => a.agencyId)).toEqual(['disdukcapil']);
  });

  it('when a ticket was finished more than once, then the last officer and counter finished it', async () => {
    const { sql } = await engine.open();
    await building(sql);
    const surveys = createSurveyStore(sql);
    expect(await surveys.finishedBy('ktp-23')).toBeNull();
    const event = { at: AT, serviceDay: '2026-11-23', ticketId: 'ktp-23' };
    await insertTicketEvent(sql, {
      ...event,
      type: 'ticket:called',
      counterId: 'loket-9',
      userId: 'u9',
    });
    await insertTicketEvent(sql, {
      ...event,
      type: 'ticket:done',
      counterId: 'loket-1',
      userId: 'u1',
    });
    await insertTicketEvent(sql, {
      ...event,
      type: 'ticket:done',
      counterId: 'loket-2',
      userId: null,
    });
    await insertTicketEvent(sql, {
      ...event,
      type: 'ticket:recalled',
      counterId: 'loket-3',
      userId: 'u3',
    });
    expect(await surveys.finishedBy('ktp-23')).toEqual({ userId: null, counterId: 'loket-2' });
  });

  it('when feedback is sent, then the newest is listed first, by agency and kind', async () => {
    const { sql } = await engine.open();
    await building(sql);
    const surveys = createSurveyStore(sql);
    const send = (
      id: string,
      agencyId: string,
      kind: 'complaint' | 'suggestion' | 'compliment',
      ticketId: string | null,
      at: number,
    ) =>
      surveys.saveFeedback(
        { id, ticketId, createdAt: at },
        { agencyId, kind, message: `${kind} ${id}` },
      );
    await send('f1', 'disdukcapil', 'complaint', 'ktp-23b', AT);
    await send('f2', 'disdukcapil', 'suggestion', null, AT + 2);
    await send('f3', 'imigrasi', 'complaint', 'paspor-23', AT + 1);

    const all = await surveys.feedback(null, 10);
    expect(all.map((f) => f.id)).toEqual(['f2', 'f3', 'f1']);
    expect(all[2]).toEqual({
      id: 'f1',
      agency_id: 'disdukcapil',
      kind: 'complaint',
      message: 'complaint f1',
      created_at: AT,
      label: 'A-002',
      service_id: KTP,
    });
    expect(all[0]).toMatchObject({ label: null, service_id: null });
    expect((await surveys.feedback('disdukcapil', 10)).map((f) => f.id)).toEqual(['f2', 'f1']);
    expect((await surveys.feedback(null, 10, 'complaint')).map((f) => f.id)).toEqual(['f3', 'f1']);
    expect((await surveys.feedback('disdukcapil', 10, 'complaint')).map((f) => f.id)).toEqual([
      'f1',
    ]);
    expect((await surveys.feedback(null, 1)).map((f) => f.id)).toEqual(['f2']);
  });

  if (engine.name === 'PostgreSQL')
    it('when another hub holds the lease, then no answer or feedback is written', async () => {
      const { sql, takeOver } = await engine.open();
      await building(sql);
      const surveys = createSurveyStore(sql);
      await takeOver!();
      await expect(
        surveys.saveResponse(
          response('ktp-23', '2026-11-23', KTP),
          'disdukcapil',
          'phone',
          { answers: answers(4) },
          AT,
        ),
      ).rejects.toBeInstanceOf(FencedError);
      await expect(
        surveys.saveFeedback(
          { id: 'f1', ticketId: null, createdAt: AT },
          { agencyId: 'imigrasi', kind: 'complaint', message: 'x' },
        ),
      ).rejects.toBeInstanceOf(FencedError);
      expect(await surveys.hasAnswered('ktp-23')).toBe(false);
      expect(await surveys.feedback(null, 10)).toEqual([]);
    });
});
