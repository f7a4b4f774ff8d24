import type { KioskSurveyStatus, SurveyForm } from '@antre/protocol';
import type { SkmAnswers, SkmDemographics } from '@antre/ui';
import { hubRequest } from '@antre/ui';
import { deviceToken } from '../device-token';

const asKiosk = (): { token: string } => ({ token: deviceToken() ?? '' });

const numberPath = (number: string) => `/api/survey/kiosk/${encodeURIComponent(number)}`;

/** The SKM through the kiosk's device token: the hub records these answers as the kiosk's. */
export const kioskSurveyApi = {
  form: () => hubRequest<SurveyForm>('/api/survey/form', asKiosk()),
  /** Prefixes of the building's services, for the keypad's letters. */
  prefixes: async (): Promise<string[]> => {
    const catalogue = await hubRequest<{ agencies: { services: { prefix: string }[] }[] }>(
      '/api/services',
      asKiosk(),
    );
    if (!catalogue.ok) return [];
    const all = catalogue.value.agencies.flatMap((a) => a.services.map((s) => s.prefix));
    return [...new Set(all)].sort();
  },
  lookup: (number: string) => hubRequest<KioskSurveyStatus>(numberPath(number), asKiosk()),
  answer: (number: string, answers: SkmAnswers, demographics: SkmDemographics) =>
    hubRequest<{ ok: true }>(numberPath(number), {
      ...asKiosk(),
      json: { answers, ...demographics },
    }),
};
