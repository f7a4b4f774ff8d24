import type { FeedbackBody } from '@antre/protocol';
import type { SkmAnswers, SkmDemographics } from '@antre/ui';
import { callHub } from '@antre/ui';

/** The public SKM and feedback endpoints; the ticket code is the only credential. */
export const surveyApi = {
  form: () => callHub('GET /api/survey/form'),
  status: (code: string) => callHub('GET /api/tickets/:code/survey', { params: { code } }),
  // No channel is sent: the hub records 'phone' for an answer that comes without a sign-in.
  answer: (code: string, answers: SkmAnswers, demographics: SkmDemographics) =>
    callHub('POST /api/tickets/:code/survey', {
      params: { code },
      body: { answers, ...demographics },
    }),
  feedback: (body: FeedbackBody) => callHub('POST /api/feedback', { body }),
};
