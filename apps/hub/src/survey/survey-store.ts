import type { DemographicField, SkmAnswers, SkmElement } from '@antre/domain';
import { SKM_ELEMENTS } from '@antre/domain';
import type { FeedbackBody, SurveyBody, SurveyChannel } from '@antre/protocol';
import type { Db } from '../db/database';

interface ResponseRow {
  service_id: string;
  agency_id: string;
  channel: SurveyChannel;
  u1: number;
  u2: number;
  u3: number;
  u4: number;
  u5: number;
  u6: number;
  u7: number;
  u8: number;
  u9: number;
  age_band: string | null;
  sex: string | null;
  education: string | null;
  job: string | null;
}

interface FeedbackRow {
  id: string;
  agency_id: string;
  kind: 'complaint' | 'suggestion' | 'compliment';
  message: string;
  created_at: number;
  label: string | null;
  service_id: string | null;
}

export interface StoredResponse {
  serviceId: string;
  agencyId: string;
  channel: SurveyChannel;
  answers: SkmAnswers;
  /** The optional respondent profile; null where the visitor skipped the question. */
  profile: Record<DemographicField, string | null>;
}

const toAnswers = (row: ResponseRow): SkmAnswers =>
  Object.fromEntries(
    SKM_ELEMENTS.map((e) => [e, row[e.toLowerCase() as Lowercase<SkmElement>]]),
  ) as SkmAnswers;

export function createSurveyStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO survey_responses (id, ticket_id, service_day, service_id, agency_id, answered_at,
       channel, u1, u2, u3, u4, u5, u6, u7, u8, u9, age_band, sex, education, job)
     VALUES (@id, @ticketId, @serviceDay, @serviceId, @agencyId, @answeredAt, @channel,
       @u1, @u2, @u3, @u4, @u5, @u6, @u7, @u8, @u9, @ageBand, @sex, @education, @job)
     ON CONFLICT (ticket_id) DO NOTHING`,
  );

  return {
    /** Who finished the ticket, and at which counter (from its `ticket:done` event). */
    finishedBy(ticketId: string): { userId: string | null; counterId: string | null } | null {
      const row = db
        .prepare<[string], { actor_user_id: string | null; counter_id: string | null }>(
          `SELECT actor_user_id, counter_id FROM ticket_events
           WHERE ticket_id = ? AND type = 'ticket:done' ORDER BY seq DESC LIMIT 1`,
        )
        .get(ticketId);
      return row ? { userId: row.actor_user_id, counterId: row.counter_id } : null;
    },

    hasAnswered(ticketId: string): boolean {
      return !!db.prepare('SELECT 1 FROM survey_responses WHERE ticket_id = ?').get(ticketId);
    },

    /** False when this ticket was already answered: one answer per ticket, first one wins. */
    saveResponse(
      response: { id: string; ticketId: string; serviceDay: string; serviceId: string },
      agencyId: string,
      channel: SurveyChannel,
      body: SurveyBody,
      at: number,
    ): boolean {
      const { answers } = body;
      const result = insert.run({
        ...response,
        agencyId,
        answeredAt: at,
        channel,
        u1: answers.U1,
        u2: answers.U2,
        u3: answers.U3,
        u4: answers.U4,
        u5: answers.U5,
        u6: answers.U6,
        u7: answers.U7,
        u8: answers.U8,
        u9: answers.U9,
        ageBand: body.ageBand ?? null,
        sex: body.sex ?? null,
        education: body.education ?? null,
        job: body.job ?? null,
      });
      return result.changes === 1;
    },

    responses(from: string, to: string, agencyId?: string): StoredResponse[] {
      const rows = db
        .prepare<[string, string, string | null, string | null], ResponseRow>(
          `SELECT service_id, agency_id, channel, u1, u2, u3, u4, u5, u6, u7, u8, u9,
             age_band, sex, education, job
           FROM survey_responses
           WHERE service_day BETWEEN ? AND ? AND (? IS NULL OR agency_id = ?)`,
        )
        .all(from, to, agencyId ?? null, agencyId ?? null);
      return rows.map((row) => ({
        serviceId: row.service_id,
        agencyId: row.agency_id,
        channel: row.channel,
        answers: toAnswers(row),
        profile: {
          ageBand: row.age_band,
          sex: row.sex,
          education: row.education,
          job: row.job,
        },
      }));
    },

    saveFeedback(
      feedback: { id: string; ticketId: string | null; createdAt: number },
      body: FeedbackBody,
    ): void {
      db.prepare(
        `INSERT INTO feedback (id, agency_id, kind, message, ticket_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        feedback.id,
        body.agencyId,
        body.kind,
        body.message,
        feedback.ticketId,
        feedback.createdAt,
      );
    },

    feedback(agencyId: string | null, limit: number, kind: string | null = null) {
      const rows = db
        .prepare<[string | null, string | null, string | null, string | null, number], FeedbackRow>(
          `SELECT f.id, f.agency_id, f.kind, f.message, f.created_at, t.label, t.service_id
           FROM feedback f LEFT JOIN tickets t ON t.id = f.ticket_id
           WHERE (? IS NULL OR f.agency_id = ?) AND (? IS NULL OR f.kind = ?)
           ORDER BY f.created_at DESC LIMIT ?`,
        )
        .all(agencyId, agencyId, kind, kind, limit);
      return rows;
    },
  };
}

export type SurveyStore = ReturnType<typeof createSurveyStore>;
