import type { Result, SurveyBody, SurveyForm } from '@antre/protocol';
import { useState } from 'react';
import type { SharedWord } from '../messages';
import type { DemographicField } from './skm-words';

export type SkmAnswers = SurveyBody['answers'];
export type SkmDemographics = Pick<SurveyBody, DemographicField>;
export type SkmSubmit = (
  answers: SkmAnswers,
  demographics: SkmDemographics,
) => Promise<Result<unknown>>;

/** The answers being given, and sending them once; shared by the list and the steps. */
export function useSkmAnswers(form: SurveyForm, submit: SkmSubmit, onAnswered: () => void) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [demographics, setDemographics] = useState<SkmDemographics>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<SharedWord | null>(null);
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
    else setError(result.error.code === 'offline' ? 'error.offline' : 'skm.errorSurvey');
  };

  return {
    answers,
    answer: (element: string, score: number) => setAnswers((a) => ({ ...a, [element]: score })),
    demographics,
    // A value is one of the choices the hub's own form listed for the field.
    setDemographic: (field: DemographicField, value: string | undefined) =>
      setDemographics((d) => ({ ...d, [field]: value }) as SkmDemographics),
    answered,
    complete,
    sending,
    error,
    send,
  };
}

export type SkmAnswering = ReturnType<typeof useSkmAnswers>;
