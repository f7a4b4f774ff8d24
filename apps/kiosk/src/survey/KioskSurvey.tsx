import type { SurveyForm } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { SkmForm } from '@antre/ui';
import { useEffect, useState } from 'react';
import { kioskSurveyApi } from './kiosk-survey-api';
import type { TypedNumber } from './NumberKeypad';
import { EMPTY_NUMBER, NumberKeypad, numberLabel } from './NumberKeypad';
import type { MessageKey } from '../messages';
import { translate } from '../messages';

type Stage =
  | { name: 'number'; problem: MessageKey | null; asked: string }
  | { name: 'questions'; number: string; serviceName: string }
  | { name: 'thanks' };

/** The SKM at the kiosk: type the ticket's number, answer one question at a time, thanks. */
export function KioskSurvey(props: { language: Language; onDone: () => void }) {
  const t = translate(props.language);
  const [stage, setStage] = useState<Stage>({ name: 'number', problem: null, asked: '' });
  const [typed, setTyped] = useState<TypedNumber>(EMPTY_NUMBER);
  const [busy, setBusy] = useState(false);
  const [prefixes, setPrefixes] = useState<string[]>([]);
  const [form, setForm] = useState<SurveyForm | null>(null);

  useEffect(() => {
    let live = true;
    void kioskSurveyApi.prefixes().then((p) => live && setPrefixes(p));
    void kioskSurveyApi.form().then((f) => live && f.ok && setForm(f.value));
    return () => {
      live = false;
    };
  }, []);

  async function check(): Promise<void> {
    const number = numberLabel(typed);
    setBusy(true);
    const found = await kioskSurveyApi.lookup(number);
    setBusy(false);
    if (found.ok && found.value.open && form)
      return setStage({ name: 'questions', number, serviceName: found.value.serviceName });
    const problem: MessageKey = !found.ok
      ? found.error.code === 'ticket_not_found'
        ? 'notFound'
        : 'failed'
      : found.value.reason === 'answered'
        ? 'answered'
        : found.value.reason === 'not_served'
          ? 'notServed'
          : 'failed';
    setStage({ name: 'number', problem, asked: number });
  }

  if (stage.name === 'questions' && form)
    return (
      <section className="screen survey-screen">
        <SkmForm
          language={props.language}
          form={form}
          layout="steps"
          intro={t('surveyIntro', { number: stage.number, service: stage.serviceName })}
          onSubmit={(answers, demographics) =>
            kioskSurveyApi.answer(stage.number, answers, demographics)
          }
          onAnswered={() => setStage({ name: 'thanks' })}
        />
      </section>
    );
  if (stage.name === 'thanks')
    return (
      <section className="screen centered survey-thanks">
        <h1 className="screen-title">{t('thanksTitle')}</h1>
        <p className="lead">{t('thanksNote')}</p>
        <button type="button" className="primary-button survey-done" onClick={props.onDone}>
          {t('done')}
        </button>
      </section>
    );
  const number = numberLabel(typed);
  const problem = stage.name === 'number' ? stage.problem : null;
  const asked = stage.name === 'number' ? stage.asked : '';
  return (
    <section className="screen survey-number">
      <h1 className="screen-title">{t('numberTitle')}</h1>
      <p className="lead">{t('numberHint')}</p>
      <output className={`number-display${number ? '' : ' is-empty'}`} aria-live="polite">
        {number || t('numberEmpty')}
      </output>
      {problem ? (
        <p className="notice" role="alert">
          {t(problem, { number: asked })}
        </p>
      ) : null}
      <NumberKeypad
        t={t}
        prefixes={prefixes}
        value={typed}
        busy={busy || !form}
        onChange={(next) => {
          setTyped(next);
          if (problem) setStage({ name: 'number', problem: null, asked: '' });
        }}
        onSubmit={() => void check()}
      />
    </section>
  );
}
