import type { SurveyForm } from '@antre/protocol';
import type { Language } from '../i18n';
import { sharedT } from '../messages';
import { SkmSteps } from './SkmSteps';
import { DEMOGRAPHIC_FIELDS, demographicLabel, elementWords } from './skm-words';
import type { SkmSubmit } from './use-skm-answers';
import { useSkmAnswers } from './use-skm-answers';

export interface SkmFormProps {
  language: Language;
  form: SurveyForm;
  /** `list`: all nine on one scrolling page (a phone); `steps`: one big question at a time (a kiosk, a tablet). */
  layout: 'list' | 'steps';
  /** A line under the title, e.g. which agency or service is rated. */
  intro: string;
  onSubmit: SkmSubmit;
  onAnswered: () => void;
}

/** The SKM of PermenPANRB 14/2017: nine answers with each element's own words, once, anonymous. */
export function SkmForm(props: SkmFormProps) {
  const skm = useSkmAnswers(props.form, props.onSubmit, props.onAnswered);
  return props.layout === 'steps' ? (
    <SkmSteps {...props} skm={skm} />
  ) : (
    <SkmList {...props} skm={skm} />
  );
}

function SkmList({
  language,
  form,
  intro,
  skm,
}: SkmFormProps & { skm: ReturnType<typeof useSkmAnswers> }) {
  const t = sharedT(language);
  return (
    <form
      className="survey-card"
      aria-labelledby="survey-title"
      onSubmit={(event) => {
        event.preventDefault();
        void skm.send();
      }}
    >
      <h2 id="survey-title" className="survey-title">
        {t('skm.surveyTitle')}
      </h2>
      <p className="survey-intro">{intro}</p>
      <p className="survey-anonymous">{t('skm.surveyAnonymous')}</p>
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
                    checked={skm.answers[element.element] === i + 1}
                    onChange={() => skm.answer(element.element, i + 1)}
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
        <summary>{t('skm.surveyDemographics')}</summary>
        {DEMOGRAPHIC_FIELDS.map((field) => (
          <label key={field} className="survey-field">
            <span>{t(`skm.${field}`)}</span>
            <select
              value={skm.demographics[field] ?? ''}
              onChange={(event) => skm.setDemographic(field, event.target.value || undefined)}
            >
              <option value="">{t('skm.surveyChoose')}</option>
              {form.demographics[field].map((value) => (
                <option key={value} value={value}>
                  {demographicLabel(field, value, language)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </details>
      {skm.error ? (
        <p className="survey-error" role="alert">
          {t(skm.error)}
        </p>
      ) : null}
      <p className="survey-progress">{t('skm.surveyProgress', { n: skm.answered })}</p>
      <button type="submit" className="survey-submit" disabled={!skm.complete || skm.sending}>
        {skm.sending ? t('sending') : t('skm.surveySubmit')}
      </button>
    </form>
  );
}
