import { useEffect, useRef, useState } from 'react';
import type { SkmFormProps } from './SkmForm';
import { sharedT } from '../messages';
import { DEMOGRAPHIC_FIELDS, demographicLabel, elementWords } from './skm-words';
import type { SkmAnswering } from './use-skm-answers';

// Long enough to see the chosen answer light up, short enough not to wait for it.
const ADVANCE_MS = 400;

/**
 * One question at a time with four large answers in the element's own words: a touch on an
 * answer moves on to the next question, "previous" goes back. Then the optional questions
 * about the respondent and the send button.
 */
export function SkmSteps({ language, form, intro, skm }: SkmFormProps & { skm: SkmAnswering }) {
  const t = sharedT(language);
  const total = form.elements.length;
  const [step, setStep] = useState(0);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const element = form.elements[step];
  const chosen = element ? skm.answers[element.element] : undefined;
  const goTo = (next: number): void => {
    window.clearTimeout(timer.current);
    setStep(Math.max(0, Math.min(next, total)));
  };
  const choose = (score: number): void => {
    if (!element) return;
    skm.answer(element.element, score);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStep((s) => Math.min(s + 1, total)), ADVANCE_MS);
  };

  return (
    <form
      className="skm-steps"
      aria-labelledby="skm-steps-title"
      onSubmit={(event) => {
        event.preventDefault();
        void skm.send();
      }}
    >
      <header className="skm-steps-head">
        <h2 id="skm-steps-title" className="skm-steps-title">
          {t('skm.surveyTitle')}
        </h2>
        <p className="skm-steps-intro">{intro}</p>
        <p className="skm-steps-count" aria-live="polite">
          {element ? t('skm.stepCount', { n: step + 1, total }) : t('skm.stepLast')}
        </p>
        <ol className="skm-dots" aria-hidden="true">
          {[...form.elements, null].map((e, i) => (
            <li
              key={e?.element ?? 'about'}
              className={i === step ? 'is-current' : i < step ? 'is-done' : ''}
            />
          ))}
        </ol>
      </header>
      {element ? (
        <fieldset className="skm-step" key={element.element}>
          <legend className="skm-step-name">
            {step + 1}. {elementWords(element, language).name}
          </legend>
          <p className="skm-step-question">{elementWords(element, language).question}</p>
          <div className="skm-choices">
            {elementWords(element, language).options.map((option, i) => (
              <button
                key={option}
                type="button"
                className="skm-choice"
                data-score={i + 1}
                aria-pressed={chosen === i + 1}
                onClick={() => choose(i + 1)}
              >
                <span className="skm-choice-stars" aria-hidden="true">
                  {'★'.repeat(i + 1)}
                  <span className="skm-choice-unlit">{'★'.repeat(3 - i)}</span>
                </span>
                <span className="skm-choice-words">{option}</span>
              </button>
            ))}
          </div>
        </fieldset>
      ) : (
        <fieldset className="skm-step skm-about">
          <legend className="skm-step-name">{t('skm.surveyDemographics')}</legend>
          <p className="skm-step-question">{t('skm.surveyDemographicsNote')}</p>
          {DEMOGRAPHIC_FIELDS.map((field) => (
            <div
              key={field}
              className="skm-about-field"
              role="group"
              aria-label={t(`skm.${field}`)}
            >
              <span className="skm-about-label">{t(`skm.${field}`)}</span>
              <div className="skm-chips">
                {form.demographics[field].map((value) => {
                  const on = skm.demographics[field] === value;
                  return (
                    <button
                      key={value}
                      type="button"
                      className="skm-chip"
                      aria-pressed={on}
                      onClick={() => skm.setDemographic(field, on ? undefined : value)}
                    >
                      {demographicLabel(field, value, language)}
                    </button>
                  );
                })}
              </div>
            </div>
          ))}
          {skm.error ? (
            <p className="skm-error" role="alert">
              {t(skm.error)}
            </p>
          ) : null}
          <p className="skm-anonymous">{t('skm.surveyAnonymous')}</p>
          <button type="submit" className="skm-send" disabled={!skm.complete || skm.sending}>
            {skm.sending ? t('sending') : t('skm.surveySubmit')}
          </button>
        </fieldset>
      )}
      <nav className="skm-steps-nav">
        {step > 0 ? (
          <button type="button" className="skm-back" onClick={() => goTo(step - 1)}>
            <span aria-hidden="true">←</span> {t('skm.stepPrevious')}
          </button>
        ) : (
          <span />
        )}
        {element && chosen ? (
          <button type="button" className="skm-next" onClick={() => goTo(step + 1)}>
            {t('skm.stepNext')} <span aria-hidden="true">→</span>
          </button>
        ) : null}
      </nav>
    </form>
  );
}
