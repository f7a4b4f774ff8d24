import type { Building, Counter } from '@antre/domain';
import type { Language } from '@antre/ui';
import { useEffect, useState } from 'react';
import { translate } from './messages';
import type { Session } from './session';
import { hubApi, storage } from './session';
import { useSessionClient } from './use-session-client';

/**
 * What the counter screen and the survey tablet share: the language, the officer's sign-in,
 * its socket, and the building (loaded again when the admin changes it).
 */
export function useCounterSession() {
  const [language, setLanguage] = useState<Language>(storage.language());
  const [session, setSession] = useState<Session | null>(storage.session());
  const [building, setBuilding] = useState<Building | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const t = translate(language);
  const client = useSessionClient(session);
  // Bumped when the admin changes the building, so its counters and services load again.
  const [buildingVersion, setBuildingVersion] = useState(0);
  const hub = client?.hub;

  useEffect(() => {
    if (!hub) return;
    return hub.on('building:changed', () => setBuildingVersion((n) => n + 1));
  }, [hub]);

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

  /** The counters this person may sit at: their agency's, or all for the admin. */
  const counters = (b: Building, s: Session): Counter[] =>
    b.counters.filter((c) => s.user.role === 'admin' || c.agencyId === s.user.agencyId);

  return {
    language,
    toggleLanguage: (): void => setLanguage(language === 'id' ? 'en' : 'id'),
    t,
    session,
    client,
    building,
    notice,
    signIn,
    signOut,
    counters,
  };
}
