import type { SkmAnswers, SkmDemographics } from '@antre/ui';
import { callHub } from '@antre/ui';

/** The SKM through the officer's sign-in: the hub records these answers as given at the counter. */
export const tabletSurveyApi = {
  form: (token: string) => callHub('GET /api/survey/form', { token }),
  answer: (token: string, code: string, answers: SkmAnswers, demographics: SkmDemographics) =>
    callHub('POST /api/tickets/:code/survey', {
      token,
      params: { code },
      body: { answers, ...demographics },
    }),
};
