import { useState } from 'react';
import { CounterChoice } from './CounterChoice';
import { CounterScreen } from './CounterScreen';
import { storage } from './session';
import { SignedIn } from './SignedIn';
import { useCounterSession } from './use-counter-session';

/** Sign in -> choose the counter (remembered per device) -> the one working screen. */
export function App() {
  const counterSession = useCounterSession();
  const { language, toggleLanguage, t, signOut } = counterSession;
  const [counterId, setCounterId] = useState<string | null>(storage.counterId());

  function chooseCounter(id: string | null): void {
    storage.saveCounterId(id);
    setCounterId(id);
  }

  return (
    <SignedIn counterSession={counterSession}>
      {({ session, client, building, mine }) => {
        const counter = mine.find((c) => c.id === counterId);
        const shared = {
          t,
          language,
          session,
          building,
          client,
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
      }}
    </SignedIn>
  );
}
