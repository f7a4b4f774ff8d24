import type { DemographicField, SkmAnswers, SkmElement } from '@antre/domain';
import { SKM_ELEMENTS } from '@antre/domain';
import type { FeedbackBody, SurveyBody, SurveyChannel } from '@antre/protocol';
import type { Sql } from '../db/sql';

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

const INSERT_RESPONSE = `INSERT INTO survey_responses (id, ticket_id, service_day, service_id,
    agency_id, answered_at, channel, u1, u2, u3, u4, u5, u6, u7, u8, u9, age_band, sex,
    education, job)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (ticket_id) DO NOTHING`;

// A filter left out (null): PostgreSQL cannot tell the type of a lone `? IS NULL`.
const ANY = 'CAST(? AS TEXT) IS NULL';

export function createSurveyStore(sql: Sql) {
  return {
    /** Who finished the ticket, and at which counter (from its `ticket:done` event). */
    async finishedBy(
      ticketId: string,
    ): Promise<{ userId: string | null; counterId: string | null } | null> {
      const row = await sql.get<{ actor_user_id: string | null; counter_id: string | null }>(
        `SELECT actor_user_id, counter_id FROM ticket_events
         WHERE ticket_id = ? AND type = 'ticket:done' ORDER BY seq DESC LIMIT 1`,
        [ticketId],
      );
      return row ? { userId: row.actor_user_id, counterId: row.counter_id } : null;
    },

    async hasAnswered(ticketId: string): Promise<boolean> {
      return !!(await sql.get('SELECT 1 AS answered FROM survey_responses WHERE ticket_id = ?', [
        ticketId,
      ]));
    },

    /** False when this ticket was already answered: one answer per ticket, first one wins. */
    async saveResponse(
      response: { id: string; ticketId: string; serviceDay: string; serviceId: string },
      agencyId: string,
      channel: SurveyChannel,
      body: SurveyBody,
      at: number,
    ): Promise<boolean> {
      const { answers } = body;
      const result = await sql.run(INSERT_RESPONSE, [
        response.id,
        response.ticketId,
        response.serviceDay,
        response.serviceId,
        agencyId,
        at,
        channel,
        ...SKM_ELEMENTS.map((element) => answers[element]),
        body.ageBand ?? null,
        body.sex ?? null,
        body.education ?? null,
        body.job ?? null,
      ]);
      return result.changes === 1;
    },

    async responses(from: string, to: string, agencyId?: string): Promise<StoredResponse[]> {
      const rows = await sql.all<ResponseRow>(
        `SELECT service_id, agency_id, channel, u1, u2, u3, u4, u5, u6, u7, u8, u9,
           age_band, sex, education, job
         FROM survey_responses
         WHERE service_day BETWEEN ? AND ? AND (${ANY} OR agency_id = ?)`,
        [from, to, agencyId ?? null, agencyId ?? null],
      );
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

    async saveFeedback(
      feedback: { id: string; ticketId: string | null; createdAt: number },
      body: FeedbackBody,
    ): Promise<void> {
      await sql.run(
        `INSERT INTO feedback (id, agency_id, kind, message, ticket_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [
          feedback.id,
          body.agencyId,
          body.kind,
          body.message,
          feedback.ticketId,
          feedback.createdAt,
        ],
      );
    },

    feedback(agencyId: string | null, limit: number, kind: string | null = null) {
      return sql.all<FeedbackRow>(
        `SELECT f.id, f.agency_id, f.kind, f.message, f.created_at, t.label, t.service_id
         FROM feedback f LEFT JOIN tickets t ON t.id = f.ticket_id
         WHERE (${ANY} OR f.agency_id = ?) AND (${ANY} OR f.kind = ?)
         ORDER BY f.created_at DESC LIMIT ?`,
        [agencyId, agencyId, kind, kind, limit],
      );
    },
  };
}

export type SurveyStore = ReturnType<typeof createSurveyStore>;
