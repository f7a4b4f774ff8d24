import type { Building } from '@antre/domain';
import type { Language } from '@antre/ui';
import { SignInScreen, translator } from '@antre/ui';
import { useEffect, useState } from 'react';
import { MESSAGES } from '../messages';
import type { Session } from '../session';
import { hubApi, storage } from '../session';
import { surveyTranslator } from '../survey-messages';
import { useSessionClient } from '../use-session-client';
import { TabletScreen } from './TabletScreen';

const TABLET_COUNTER_KEY = 'antre.counter.tabletCounterId';

/** `/counter/#/survei`: the visitor-facing tablet, signed in as the officer of its counter. */
export function SurveyTablet() {
  const [language, setLanguage] = useState<Language>(storage.language());
  const [session, setSession] = useState<Session | null>(storage.session());
  const [counterId, setCounterId] = useState(() => localStorage.getItem(TABLET_COUNTER_KEY));
  const [building, setBuilding] = useState<Building | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const t = translator(MESSAGES, language);
  const words = surveyTranslator(language);
  const client = useSessionClient(session);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = words('tabletTitle');
    storage.saveLanguage(language);
  }, [language]);
  useEffect(() => {
    if (!session) return;
    let live = true;
    void hubApi.building(session.token).then((result) => {
      if (!live) return;
      if (result.ok) setBuilding(result.value);
      else if (result.error.code === 'unauthorized') signOut(t('refused'));
    });
    return () => {
      live = false;
    };
  }, [session]);

  function signOut(message: string | null = null): void {
    if (session) void hubApi.logout(session.token);
    storage.saveSession(null);
    setSession(null);
    setBuilding(null);
    setNotice(message);
  }
  function chooseCounter(id: string | null): void {
    if (id) localStorage.setItem(TABLET_COUNTER_KEY, id);
    else localStorage.removeItem(TABLET_COUNTER_KEY);
    setCounterId(id);
  }
  const toggleLanguage = (): void => setLanguage(language === 'id' ? 'en' : 'id');

  if (!session || !client)
    return (
      <SignInScreen
        t={(word) => (word === 'loginTitle' ? words('tabletLogin') : t(word))}
        notice={notice}
        login={hubApi.login}
        refuse={(r) => (r.user.role !== 'admin' && !r.user.agencyId ? t('noAgency') : null)}
        onSignedIn={(next) => {
          storage.saveSession(next);
          setNotice(null);
          setSession(next);
        }}
        onToggleLanguage={toggleLanguage}
        buttonClassName="primary big"
      />
    );
  if (client.connection === 'refused') {
    queueMicrotask(() => signOut(t('refused')));
    return null;
  }
  if (!building) return <p className="loading">{t('connecting')}</p>;
  const mine = building.counters.filter(
    (c) => session.user.role === 'admin' || c.agencyId === session.user.agencyId,
  );
  const counter = mine.find((c) => c.id === counterId);
  if (!counter)
    return (
      <main className="tablet tablet-choice">
        <h1>{words('tabletChooseCounter')}</h1>
        <p className="hint">{words('tabletChooseHint')}</p>
        <ul className="tablet-counters">
          {mine.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => chooseCounter(c.id)}>
                {c.name}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="link" onClick={() => signOut()}>
          {words('tabletSignOut')}
        </button>
      </main>
    );
  const agency = building.agencies.find((a) => a.id === counter.agencyId);
  return (
    <TabletScreen
      language={language}
      session={session}
      client={client.hub}
      counter={counter}
      agencyName={agency?.name ?? ''}
      onToggleLanguage={toggleLanguage}
      onChangeCounter={() => chooseCounter(null)}
      onSignOut={() => signOut()}
    />
  );
}
