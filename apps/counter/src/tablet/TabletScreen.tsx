import type { HubClient } from '@antre/client';
import type { Counter } from '@antre/domain';
import type { SurveyForm } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { SkmForm, useHub } from '@antre/ui';
import { useEffect, useState } from 'react';
import type { Session } from '../session';
import { translate } from '../messages';
import { tabletSurveyApi } from './tablet-survey-api';
import { useIdleReturn } from './use-idle-return';
import { useTabletInvites } from './use-tablet-invites';

// A visitor who walks away leaves the form for the next one after two quiet minutes.
const SURVEY_IDLE_MS = 2 * 60_000;
const THANKS_MS = 10_000;

/** What the visitor sees beside the counter: a calm thank-you, the survey when invited, thanks. */
export function TabletScreen(props: {
  language: Language;
  session: Session;
  client: HubClient;
  counter: Counter;
  agencyName: string;
  onToggleLanguage: () => void;
  onChangeCounter: () => void;
  onSignOut: () => void;
}) {
  const { language, session, client, counter } = props;
  const t = translate(language);
  const { connection } = useHub(client);
  const { invite, listening, finish } = useTabletInvites(client, counter.id);
  const [form, setForm] = useState<SurveyForm | null>(null);
  const [thanked, setThanked] = useState(false);

  useEffect(() => {
    let live = true;
    void tabletSurveyApi.form(session.token).then((r) => live && r.ok && setForm(r.value));
    return () => {
      live = false;
    };
  }, [session.token]);
  useEffect(() => setThanked(false), [invite]);
  useIdleReturn(SURVEY_IDLE_MS, invite !== null && !thanked, finish, invite);
  useEffect(() => {
    if (!thanked) return;
    const timer = window.setTimeout(finish, THANKS_MS);
    return () => window.clearTimeout(timer);
  }, [thanked]);

  const surveying = invite !== null && form !== null && !thanked;
  return (
    <main className={`tablet ${surveying ? 'tablet-survey' : 'tablet-idle'}`}>
      <header className="tablet-top">
        <span className="tablet-counter">{props.agencyName}</span>
        <button type="button" className="tablet-language" onClick={props.onToggleLanguage}>
          {t('language')}
        </button>
      </header>
      {connection !== 'online' && (
        <p className="tablet-offline" role="status">
          {t('tabletOffline')}
        </p>
      )}
      {surveying ? (
        <SkmForm
          key={invite.ticketCode}
          language={language}
          form={form}
          layout="steps"
          intro={t('tabletIntro', { service: invite.serviceName, counter: invite.counterName })}
          onSubmit={(answers, demographics) =>
            tabletSurveyApi.answer(session.token, invite.ticketCode, answers, demographics)
          }
          onAnswered={() => setThanked(true)}
        />
      ) : (
        <section
          className="tablet-rest"
          data-testid="tablet-rest"
          data-listening={listening && connection === 'online'}
        >
          <h1 className="tablet-thanks">{t('tabletThanks')}</h1>
          <p className="tablet-note">{thanked ? t('tabletThanksAfter') : t('tabletIdleNote')}</p>
          <p className="tablet-counter-big">{counter.name}</p>
        </section>
      )}
      {!surveying && (
        <footer className="tablet-staff">
          <span>{session.user.displayName}</span>
          <button type="button" onClick={props.onChangeCounter}>
            {t('changeCounter')}
          </button>
          <button type="button" onClick={props.onSignOut}>
            {t('signOut')}
          </button>
        </footer>
      )}
    </main>
  );
}
