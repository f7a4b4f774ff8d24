import type { SurveyForm as Form } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { SkmForm } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { MessageKey } from './messages';
import { surveyApi } from './survey-api';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

interface Props {
  t: T;
  language: Language;
  code: string;
  agencyName: string;
}

type Survey = { kind: 'loading' } | { kind: 'open'; form: Form } | { kind: 'answered' | 'closed' };

/** The SKM on the visitor's phone once their ticket is served: the shared form, as a list. */
export function SurveyForm({ t, language, code, agencyName }: Props) {
  const [survey, setSurvey] = useState<Survey>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    void Promise.all([surveyApi.status(code), surveyApi.form()]).then(([status, form]) => {
      if (!live) return;
      if (status.ok && status.value.reason === 'answered') setSurvey({ kind: 'answered' });
      else if (status.ok && status.value.open && form.ok)
        setSurvey({ kind: 'open', form: form.value });
      else setSurvey({ kind: 'closed' });
    });
    return () => {
      live = false;
    };
  }, [code]);

  if (survey.kind === 'answered')
    return (
      <section className="survey-card survey-thanks" role="status">
        <h2 className="survey-title">{t('surveyThanks')}</h2>
        <p className="state-note">{t('surveyThanksNote')}</p>
      </section>
    );
  if (survey.kind !== 'open') return null;
  return (
    <SkmForm
      language={language}
      form={survey.form}
      layout="list"
      intro={t('surveyIntro', { agency: agencyName })}
      onSubmit={(answers, demographics) => surveyApi.answer(code, answers, demographics)}
      onAnswered={() => setSurvey({ kind: 'answered' })}
    />
  );
}
