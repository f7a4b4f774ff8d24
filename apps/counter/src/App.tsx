import { SignInScreen } from '@antre/ui';
import { useState } from 'react';
import { CounterChoice } from './CounterChoice';
import { CounterScreen } from './CounterScreen';
import { hubApi, storage } from './session';
import { useCounterSession } from './use-counter-session';

/** Sign in -> choose the counter (remembered per device) -> the one working screen. */
export function App() {
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
  const [counterId, setCounterId] = useState<string | null>(storage.counterId());

  function chooseCounter(id: string | null): void {
    storage.saveCounterId(id);
    setCounterId(id);
  }

  if (!session || !client)
    return (
      <SignInScreen
        t={t}
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
  const shared = {
    t,
    language,
    session,
    building,
    client: client.hub,
    onToggleLanguage: toggleLanguage,
  };
  if (!counter)
    return (
      <CounterChoice
        {...shared}
        counters={mine}
        onChoose={chooseCounter}
        onSignOut={() => signOut()}
      />
    );
  return (
    <CounterScreen
      {...shared}
      counter={counter}
      onChangeCounter={() => chooseCounter(null)}
      onSignOut={() => signOut()}
    />
  );
}
