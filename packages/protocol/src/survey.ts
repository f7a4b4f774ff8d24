import { SKM_ELEMENTS } from '@antre/domain';
import { z } from 'zod';
import { safeText } from './safe-text';

// The SKM form (PermenPANRB 14/2017): nine elements 1–4 and optional demographics, as the
// regulation's questionnaire asks them. Answers are anonymous.

export const AGE_BANDS = ['<20', '20-29', '30-39', '40-49', '50-59', '>=60'] as const;
export const SEXES = ['laki_laki', 'perempuan'] as const;
export const EDUCATIONS = ['sd', 'smp', 'sma', 'd1_d3', 's1_d4', 's2_plus'] as const;
export const JOBS = ['pns', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'] as const;
export const SURVEY_CHANNELS = ['phone', 'kiosk', 'counter'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

const score = z.number().int().min(1).max(4);

export const SkmAnswersSchema = z.strictObject(
  Object.fromEntries(SKM_ELEMENTS.map((e) => [e, score])) as Record<
    (typeof SKM_ELEMENTS)[number],
    typeof score
  >,
);

export const SurveyBodySchema = z.strictObject({
  answers: SkmAnswersSchema,
  ageBand: z.enum(AGE_BANDS).optional(),
  sex: z.enum(SEXES).optional(),
  education: z.enum(EDUCATIONS).optional(),
  job: z.enum(JOBS).optional(),
  /** Ignored: the hub records the channel from who sends the answer (public, kiosk, officer). */
  channel: z.enum(SURVEY_CHANNELS).optional(),
});
export type SurveyBody = z.infer<typeof SurveyBodySchema>;

export const SurveyStatusSchema = z.object({
  /** Whether this ticket may still be rated: served, not yet answered. */
  open: z.boolean(),
  reason: z.enum(['open', 'answered', 'not_served']),
  serviceName: z.string(),
  agencyName: z.string(),
});
export type SurveyStatus = z.infer<typeof SurveyStatusSchema>;

export const SurveyFormSchema = z.object({
  elements: z.array(
    z.object({ element: z.string(), name: z.string(), options: z.array(z.string()) }),
  ),
  demographics: z.object({
    ageBand: z.array(z.string()),
    sex: z.array(z.string()),
    education: z.array(z.string()),
    job: z.array(z.string()),
  }),
  laporUrl: z.string(),
});

export const FEEDBACK_KINDS = ['complaint', 'suggestion', 'compliment'] as const;

export const FeedbackBodySchema = z.strictObject({
  agencyId: z.string().min(1).max(64),
  kind: z.enum(FEEDBACK_KINDS),
  message: safeText().trim().min(5).max(2000),
  /** The ticket it is about, if any; never a name or NIK. */
  ticketCode: z
    .string()
    .regex(/^[A-Za-z0-9]{6,32}$/)
    .optional(),
});
export type FeedbackBody = z.infer<typeof FeedbackBodySchema>;

export const FeedbackSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  message: z.string(),
  ticketLabel: z.string().nullable(),
  serviceName: z.string().nullable(),
  createdAt: z.number(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

export const IkmQuerySchema = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  agencyId: z.string().min(1).max(64).optional(),
});

const IkmFigureSchema = z.object({
  respondents: z.number(),
  served: z.number(),
  /** Krejcie–Morgan sample for the visitors served. */
  target: z.number(),
  /** Σ(NRR × 1/9), the IKM before × 25. */
  weightedSum: z.number().nullable(),
  ikm: z.number().nullable(),
  grade: z.enum(['A', 'B', 'C', 'D']).nullable(),
  label: z.string().nullable(),
  elements: z.array(
    z.object({
      element: z.string(),
      total: z.number(),
      nrr: z.number(),
      weighted: z.number(),
      converted: z.number(),
      grade: z.enum(['A', 'B', 'C', 'D']),
    }),
  ),
});

/** Respondents per answer of one demographic question; `value: null` is "not answered". */
const ProfileCountsSchema = z.array(z.object({ value: z.string().nullable(), count: z.number() }));

export const IkmReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  profile: z.object({
    ageBand: ProfileCountsSchema,
    sex: ProfileCountsSchema,
    education: ProfileCountsSchema,
    job: ProfileCountsSchema,
  }),
  /** Respondents by where they answered: phone, kiosk or the counter's tablet. */
  channels: z.record(z.enum(SURVEY_CHANNELS), z.number()),
  building: IkmFigureSchema,
  agencies: z.array(IkmFigureSchema.extend({ agencyId: z.string(), name: z.string() })),
  services: z.array(
    IkmFigureSchema.extend({ serviceId: z.string(), name: z.string(), agencyId: z.string() }),
  ),
});
export type IkmReport = z.infer<typeof IkmReportSchema>;

export const IKM_EXPORT_TABLES = ['elements', 'agencies', 'services', 'profile'] as const;
export type IkmExportTable = (typeof IKM_EXPORT_TABLES)[number];

export const IkmExportQuerySchema = IkmQuerySchema.extend({
  table: z.enum(IKM_EXPORT_TABLES),
  format: z.enum(['xlsx', 'csv']),
});
