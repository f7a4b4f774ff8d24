import type { Result, SurveyForm } from '@antre/protocol';
import type { SkmAnswers, SkmDemographics } from '@antre/ui';
import { HUB_URL } from '../session';

async function request<T>(path: string, token: string, body?: unknown): Promise<Result<T>> {
  try {
    const response = await fetch(`${HUB_URL}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json()) as unknown;
    return response.ok ? { ok: true, value: parsed as T } : (parsed as Result<T>);
  } catch {
    return { ok: false, error: { code: 'offline', message: 'The hub could not be reached' } };
  }
}

/** The SKM through the officer's sign-in: the hub records these answers as given at the counter. */
export const tabletSurveyApi = {
  form: (token: string) => request<SurveyForm>('/api/survey/form', token),
  answer: (token: string, code: string, answers: SkmAnswers, demographics: SkmDemographics) =>
    request<{ ok: true }>(`/api/tickets/${encodeURIComponent(code)}/survey`, token, {
      answers,
      ...demographics,
    }),
};
