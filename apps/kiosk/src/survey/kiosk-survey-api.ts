import type { KioskSurveyStatus, Result, SurveyForm } from '@antre/protocol';
import type { SkmAnswers, SkmDemographics } from '@antre/ui';
import { deviceToken } from '../device-token';

async function request<T>(path: string, body?: unknown): Promise<Result<T>> {
  try {
    const response = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${deviceToken() ?? ''}`,
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

const numberPath = (number: string) => `/api/survey/kiosk/${encodeURIComponent(number)}`;

/** The SKM through the kiosk's device token: the hub records these answers as the kiosk's. */
export const kioskSurveyApi = {
  form: () => request<SurveyForm>('/api/survey/form'),
  /** Prefixes of the building's services, for the keypad's letters. */
  prefixes: async (): Promise<string[]> => {
    const catalogue = await request<{ agencies: { services: { prefix: string }[] }[] }>(
      '/api/services',
    );
    if (!catalogue.ok) return [];
    const all = catalogue.value.agencies.flatMap((a) => a.services.map((s) => s.prefix));
    return [...new Set(all)].sort();
  },
  lookup: (number: string) => request<KioskSurveyStatus>(numberPath(number)),
  answer: (number: string, answers: SkmAnswers, demographics: SkmDemographics) =>
    request<{ ok: true }>(numberPath(number), { answers, ...demographics }),
};
