import type { Building } from '@antre/domain';
import type { Language } from '@antre/ui';
import { SignInScreen, translator } from '@antre/ui';
import { useEffect, useState } from 'react';
import { CounterChoice } from './CounterChoice';
import { CounterScreen } from './CounterScreen';
import { MESSAGES } from './messages';
import type { Session } from './session';
import { hubApi, storage } from './session';
import { useSessionClient } from './use-session-client';

/** Sign in -> choose the counter (remembered per device) -> the one working screen. */
export function App() {
  const [language, setLanguage] = useState<Language>(storage.language());
  const [session, setSession] = useState<Session | null>(storage.session());
  const [counterId, setCounterId] = useState<string | null>(storage.counterId());
  const [building, setBuilding] = useState<Building | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const t = translator(MESSAGES, language);
  const client = useSessionClient(session);
  // Bumped when the admin changes the building, so its counters and services load again.
  const [buildingVersion, setBuildingVersion] = useState(0);
  const socket = client?.hub.socket;

  useEffect(() => {
    if (!socket) return;
    const changed = (): void => setBuildingVersion((n) => n + 1);
    socket.on('building:changed', changed);
    return () => void socket.off('building:changed', changed);
  }, [socket]);

  useEffect(() => {
    document.documentElement.lang = language;
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
  }, [session, buildingVersion]);

  function signIn(next: Session): void {
    storage.saveSession(next);
    setNotice(null);
    setSession(next);
  }
  function signOut(message: string | null = null): void {
    if (session) void hubApi.logout(session.token);
    storage.saveSession(null);
    setSession(null);
    setBuilding(null);
    setNotice(message);
  }
  function chooseCounter(id: string | null): void {
    storage.saveCounterId(id);
    setCounterId(id);
  }
  const toggleLanguage = (): void => setLanguage(language === 'id' ? 'en' : 'id');

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
  const mine = building.counters.filter(
    (c) => session.user.role === 'admin' || c.agencyId === session.user.agencyId,
  );
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
