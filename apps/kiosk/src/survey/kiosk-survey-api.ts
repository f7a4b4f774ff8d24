import type { SkmAnswers, SkmDemographics } from '@antre/ui';
import { callHub } from '@antre/ui';
import { deviceToken } from '../device-token';

const asKiosk = () => ({ token: deviceToken() });

/** The SKM through the kiosk's device token: the hub records these answers as the kiosk's. */
export const kioskSurveyApi = {
  form: () => callHub('GET /api/survey/form', asKiosk()),
  /** Prefixes of the building's services, for the keypad's letters. */
  prefixes: async (): Promise<string[]> => {
    const catalogue = await callHub('GET /api/services', asKiosk());
    if (!catalogue.ok) return [];
    const all = catalogue.value.agencies.flatMap((a) => a.services.map((s) => s.prefix));
    return [...new Set(all)].sort();
  },
  lookup: (number: string) =>
    callHub('GET /api/survey/kiosk/:number', { ...asKiosk(), params: { number } }),
  answer: (number: string, answers: SkmAnswers, demographics: SkmDemographics) =>
    callHub('POST /api/survey/kiosk/:number', {
      ...asKiosk(),
      params: { number },
      body: { answers, ...demographics },
    }),
};
