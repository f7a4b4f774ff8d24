import { useEffect, useState } from 'react';
import { SignedIn } from '../SignedIn';
import { useCounterSession } from '../use-counter-session';
import { TabletScreen } from './TabletScreen';

const TABLET_COUNTER_KEY = 'antre.counter.tabletCounterId';

/** `/counter/#/survei`: the visitor-facing tablet, signed in as the officer of its counter. */
export function SurveyTablet() {
  const counterSession = useCounterSession();
  const { language, toggleLanguage, t, signOut } = counterSession;
  const [counterId, setCounterId] = useState(() => localStorage.getItem(TABLET_COUNTER_KEY));

  useEffect(() => {
    document.title = t('tabletTitle');
  }, [language]);

  function chooseCounter(id: string | null): void {
    if (id) localStorage.setItem(TABLET_COUNTER_KEY, id);
    else localStorage.removeItem(TABLET_COUNTER_KEY);
    setCounterId(id);
  }

  return (
    <SignedIn
      counterSession={counterSession}
      signInWords={(word, values) => (word === 'loginTitle' ? t('tabletLogin') : t(word, values))}
    >
      {({ session, client, building, mine }) => {
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
            client={client}
            counter={counter}
            agencyName={agency?.name ?? ''}
            onToggleLanguage={toggleLanguage}
            onChangeCounter={() => chooseCounter(null)}
            onSignOut={() => signOut()}
          />
        );
      }}
    </SignedIn>
  );
}
