import type { Result, SurveyBody, SurveyForm } from '@antre/protocol';
import { useState } from 'react';
import type { SkmMessageKey } from './skm-messages';
import type { DemographicField } from './skm-words';

export type SkmAnswers = SurveyBody['answers'];
export type SkmDemographics = Partial<Record<DemographicField, string>>;
export type SkmSubmit = (
  answers: SkmAnswers,
  demographics: SkmDemographics,
) => Promise<Result<unknown>>;

/** The answers being given, and sending them once; shared by the list and the steps. */
export function useSkmAnswers(form: SurveyForm, submit: SkmSubmit, onAnswered: () => void) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [demographics, setDemographics] = useState<SkmDemographics>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<SkmMessageKey | null>(null);
  const answered = form.elements.filter((e) => answers[e.element]).length;
  const complete = answered === form.elements.length;

  const send = async (): Promise<void> => {
    if (!complete || sending) return;
    setSending(true);
    setError(null);
    const result = await submit(answers as SkmAnswers, demographics);
    setSending(false);
    // A conflict means this ticket was already rated (another tab, another channel): thank them.
    if (result.ok || result.error.code === 'conflict') onAnswered();
    else setError(result.error.code === 'offline' ? 'errorOffline' : 'errorSurvey');
  };

  return {
    answers,
    answer: (element: string, score: number) => setAnswers((a) => ({ ...a, [element]: score })),
    demographics,
    setDemographic: (field: DemographicField, value: string | undefined) =>
      setDemographics((d) => ({ ...d, [field]: value })),
    answered,
    complete,
    sending,
    error,
    send,
  };
}

export type SkmAnswering = ReturnType<typeof useSkmAnswers>;
