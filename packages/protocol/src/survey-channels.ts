import { z } from 'zod';
import type { Result } from './result';
import type { SurveyFormSchema } from './survey';

// The SKM answered away from the visitor's phone: on a tablet beside the counter (the
// officer's "finish" invites it) or on a kiosk (the visitor types their ticket number).

type Ack<T> = (result: Result<T>) => void;

const id = z.string().min(1).max(64);

/** A counter tablet, signed in as the officer, listens for its counter's invitations. */
export const SurveyListenSchema = z.strictObject({ counterId: id });

/** The officer who just finished a ticket asks their counter's tablet to show the survey. */
export const SurveyRequestSchema = z.strictObject({ ticketId: id });

/** What the tablet needs to show the form; no personal data. */
export interface SurveyInvite {
  ticketCode: string;
  ticketLabel: string;
  serviceName: string;
  agencyName: string;
  counterId: string;
  counterName: string;
  at: number;
}

export interface SurveyToHub {
  'survey:listen': (
    payload: z.input<typeof SurveyListenSchema>,
    ack: Ack<{ counterName: string }>,
  ) => void;
  /** `tablets`: how many tablets of this officer at that counter received the invitation. */
  'survey:request': (
    payload: z.input<typeof SurveyRequestSchema>,
    ack: Ack<{ tablets: number }>,
  ) => void;
}

export interface HubToSurveyTablet {
  'survey:invite': (invite: SurveyInvite) => void;
}

export const SURVEY_EVENT_NAMES = ['survey:listen', 'survey:request'] as const;

/** A ticket number as the visitor types it on the kiosk: `A-001`, `a1`, `AB 12`. */
export const TicketNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([A-Z]{1,2})[\s-]?0*(\d{1,4})$/, 'a service letter and a number, e.g. A-001')
  .transform((raw) => {
    const [, prefix, digits] = /^([A-Z]{1,2})[\s-]?0*(\d{1,4})$/.exec(raw)!;
    return `${prefix}-${digits!.padStart(3, '0')}`;
  });

/** What a kiosk learns of a number: whether it can be rated, and the service it was for. */
export const KioskSurveyStatusSchema = z.object({
  open: z.boolean(),
  reason: z.enum(['open', 'answered', 'not_served']),
  serviceName: z.string(),
});
export type KioskSurveyStatus = z.infer<typeof KioskSurveyStatusSchema>;

/** `GET /api/survey/form`: the nine elements with the regulation's wording, demographics. */
export type SurveyForm = z.infer<typeof SurveyFormSchema>;
