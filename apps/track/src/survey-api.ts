import type { FeedbackBody, SurveyForm, SurveyStatus } from '@antre/protocol';
import type { SkmAnswers, SkmDemographics } from '@antre/ui';
import { hubRequest } from '@antre/ui';

const ticketPath = (code: string) => `/api/tickets/${encodeURIComponent(code)}/survey`;

/** The public SKM and feedback endpoints; the ticket code is the only credential. */
export const surveyApi = {
  form: () => hubRequest<SurveyForm>('/api/survey/form'),
  status: (code: string) => hubRequest<SurveyStatus>(ticketPath(code)),
  // No channel is sent: the hub records 'phone' for an answer that comes without a sign-in.
  answer: (code: string, answers: SkmAnswers, demographics: SkmDemographics) =>
    hubRequest<{ ok: true }>(ticketPath(code), { json: { answers, ...demographics } }),
  feedback: (body: FeedbackBody) =>
    hubRequest<{ id: string; laporUrl: string }>('/api/feedback', { json: body }),
};
