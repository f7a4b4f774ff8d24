import type { ApiError } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { MessageKey } from './messages';
import type {
  DemographicField,
  Demographics,
  SurveyAnswers,
  SurveyForm as Form,
} from './survey-api';
import { surveyApi } from './survey-api';
import { demographicLabel, elementWords } from './survey-words';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

interface Props {
  t: T;
  language: Language;
  code: string;
  agencyName: string;
}

type Survey = { kind: 'loading' } | { kind: 'open'; form: Form } | { kind: 'answered' | 'closed' };

const FIELDS: DemographicField[] = ['ageBand', 'sex', 'education', 'job'];

function errorKey(error: ApiError): MessageKey {
  return error.code === 'offline' ? 'errorOffline' : 'errorSurvey';
}

/** The SKM of PermenPANRB 14/2017 for a served ticket: nine answers, once, anonymous. */
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
    <Questions
      t={t}
      language={language}
      code={code}
      agencyName={agencyName}
      form={survey.form}
      onAnswered={() => setSurvey({ kind: 'answered' })}
    />
  );
}

function Questions({
  t,
  language,
  code,
  agencyName,
  form,
  onAnswered,
}: Props & { form: Form; onAnswered: () => void }) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [demographics, setDemographics] = useState<Demographics>({});
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const answered = form.elements.filter((e) => answers[e.element]).length;
  const complete = answered === form.elements.length;

  const submit = async () => {
    setSending(true);
    setError(null);
    const result = await surveyApi.answer(code, answers as SurveyAnswers, demographics);
    setSending(false);
    // A conflict means this ticket was already rated (e.g. from another tab): thank them.
    if (result.ok || result.error.code === 'conflict') onAnswered();
    else setError(errorKey(result.error));
  };

  return (
    <form
      className="survey-card"
      aria-labelledby="survey-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (complete && !sending) void submit();
      }}
    >
      <h2 id="survey-title" className="survey-title">
        {t('surveyTitle')}
      </h2>
      <p className="survey-intro">{t('surveyIntro', { agency: agencyName })}</p>
      <p className="survey-anonymous">{t('surveyAnonymous')}</p>
      {form.elements.map((element, index) => {
        const words = elementWords(element, language);
        return (
          <fieldset key={element.element} className="skm-question">
            <legend className="skm-name">
              {index + 1}. {words.name}
            </legend>
            <div className="skm-options">
              {words.options.map((option, i) => (
                <label key={option} className="skm-option" data-score={i + 1}>
                  <input
                    type="radio"
                    name={element.element}
                    value={i + 1}
                    checked={answers[element.element] === i + 1}
                    onChange={() => setAnswers((a) => ({ ...a, [element.element]: i + 1 }))}
                  />
                  <span className="skm-stars" aria-hidden="true">
                    {'★'.repeat(i + 1)}
                  </span>
                  <span className="skm-words">{option}</span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <details className="survey-demographics">
        <summary>{t('surveyDemographics')}</summary>
        {FIELDS.map((field) => (
          <label key={field} className="survey-field">
            <span>{t(field)}</span>
            <select
              value={demographics[field] ?? ''}
              onChange={(event) =>
                setDemographics((d) => ({ ...d, [field]: event.target.value || undefined }))
              }
            >
              <option value="">{t('surveyChoose')}</option>
              {form.demographics[field].map((value) => (
                <option key={value} value={value}>
                  {demographicLabel(field, value, language)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </details>
      {error ? (
        <p className="survey-error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <p className="survey-progress">{t('surveyProgress', { n: answered })}</p>
      <button type="submit" className="survey-submit" disabled={!complete || sending}>
        {sending ? t('surveySending') : t('surveySubmit')}
      </button>
    </form>
  );
}
