import type { FeedbackBody, Result, SurveyForm, SurveyStatus } from '@antre/protocol';
import type { SkmAnswers, SkmDemographics } from '@antre/ui';

// The hub serves this page, so the hub is where the page came from.
const HUB_URL = window.location.origin;

async function request<T>(path: string, body?: unknown): Promise<Result<T>> {
  try {
    const response = await fetch(`${HUB_URL}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json()) as unknown;
    if (response.ok) return { ok: true, value: parsed as T };
    return parsed as Result<T>;
  } catch {
    return { ok: false, error: { code: 'offline', message: 'The hub could not be reached' } };
  }
}

const ticketPath = (code: string) => `/api/tickets/${encodeURIComponent(code)}/survey`;

/** The public SKM and feedback endpoints; the ticket code is the only credential. */
export const surveyApi = {
  form: () => request<SurveyForm>('/api/survey/form'),
  status: (code: string) => request<SurveyStatus>(ticketPath(code)),
  // No channel is sent: the hub records 'phone' for an answer that comes without a sign-in.
  answer: (code: string, answers: SkmAnswers, demographics: SkmDemographics) =>
    request<{ ok: true }>(ticketPath(code), { answers, ...demographics }),
  feedback: (body: FeedbackBody) =>
    request<{ id: string; laporUrl: string }>('/api/feedback', body),
};
