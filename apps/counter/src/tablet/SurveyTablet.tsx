import { SignInScreen } from '@antre/ui';
import { useEffect, useState } from 'react';
import { hubApi } from '../session';
import { useCounterSession } from '../use-counter-session';
import { TabletScreen } from './TabletScreen';

const TABLET_COUNTER_KEY = 'antre.counter.tabletCounterId';

/** `/counter/#/survei`: the visitor-facing tablet, signed in as the officer of its counter. */
export function SurveyTablet() {
  const {
    language,
    toggleLanguage,
    t,
    session,
    client,
    building,
    notice,
    signIn,
    signOut,
    counters,
  } = useCounterSession();
  const [counterId, setCounterId] = useState(() => localStorage.getItem(TABLET_COUNTER_KEY));

  useEffect(() => {
    document.title = t('tabletTitle');
  }, [language]);

  function chooseCounter(id: string | null): void {
    if (id) localStorage.setItem(TABLET_COUNTER_KEY, id);
    else localStorage.removeItem(TABLET_COUNTER_KEY);
    setCounterId(id);
  }

  if (!session || !client)
    return (
      <SignInScreen
        t={(word, values) => (word === 'loginTitle' ? t('tabletLogin') : t(word, values))}
        notice={notice}
        login={hubApi.login}
        refuse={(r) => (r.user.role !== 'admin' && !r.user.agencyId ? t('noAgency') : null)}
        onSignedIn={({ token, user }) => signIn({ token, user })}
        onToggleLanguage={toggleLanguage}
        buttonClassName="primary big"
      />
    );
  if (client.connection === 'refused') {
    queueMicrotask(() => signOut(t('refused')));
    return null;
  }
  if (!building) return <p className="loading">{t('connecting')}</p>;
  const mine = counters(building, session);
  const counter = mine.find((c) => c.id === counterId);
  if (!counter)
    return (
      <main className="tablet tablet-choice">
        <h1>{t('tabletChooseCounter')}</h1>
        <p className="hint">{t('tabletChooseHint')}</p>
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
          {t('signOut')}
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
