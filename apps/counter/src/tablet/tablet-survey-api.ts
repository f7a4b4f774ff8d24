import type { SurveyForm } from '@antre/protocol';
import type { SkmAnswers, SkmDemographics } from '@antre/ui';
import { hubRequest } from '@antre/ui';

/** The SKM through the officer's sign-in: the hub records these answers as given at the counter. */
export const tabletSurveyApi = {
  form: (token: string) => hubRequest<SurveyForm>('/api/survey/form', { token }),
  answer: (token: string, code: string, answers: SkmAnswers, demographics: SkmDemographics) =>
    hubRequest<{ ok: true }>(`/api/tickets/${encodeURIComponent(code)}/survey`, {
      token,
      json: { answers, ...demographics },
    }),
};
