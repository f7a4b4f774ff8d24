import type { Language, SignInWord } from '@antre/ui';
import { errorText, SignInScreen } from '@antre/ui';
import { useEffect, useState } from 'react';
import { translate } from '../messages';
import { storage } from '../session';
import type { RegionSession } from './region-api';
import { regionApi, regionStorage } from './region-api';
import { RegionLivePage } from './RegionLivePage';
import { RegionReportsPage } from './RegionReportsPage';
import { regionToday } from './region-today';

type RegionPage = 'live' | 'reports';
const PAGES: readonly [RegionPage, 'regionNavLive' | 'regionNavReports'][] = [
  ['live', 'regionNavLive'],
  ['reports', 'regionNavReports'],
];
const askedPage = (): RegionPage => (window.location.hash === '#reports' ? 'reports' : 'live');

/**
 * The admin app on a regional overview server: a regional admin signs in and sees every
 * building of the city or province side by side, read-only. No building page is here.
 */
export function RegionApp() {
  const [language, setLanguage] = useState<Language>(storage.language());
  const [session, setSession] = useState<RegionSession | null>(regionStorage.session());
  const [today, setToday] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [page, setPage] = useState<RegionPage>(askedPage());
  const t = translate(language);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `Antre · ${t('regionTitle')}`;
    storage.saveLanguage(language);
  }, [language]);

  useEffect(() => {
    const onHash = (): void => setPage(askedPage());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // The first reading checks the session and gives "today" by the buildings' clocks.
  useEffect(() => {
    if (!session) return;
    let live = true;
    void regionApi.live(session.token).then((answer) => {
      if (!live) return;
      if (answer.ok) setToday(regionToday(answer.value));
      else if (answer.error.code === 'unauthorized') signOut(t('sessionExpired'));
      else setNotice(t('loadFailed', { reason: errorText(answer.error.code, language) }));
    });
    return () => {
      live = false;
    };
  }, [session]);

  function signOut(message: string | null = null): void {
    if (session) void regionApi.logout(session.token);
    regionStorage.saveSession(null);
    setSession(null);
    setToday(null);
    setNotice(message);
  }
  const toggleLanguage = (): void => setLanguage(language === 'id' ? 'en' : 'id');
  // The shared sign-in screen, titled for a regional admin.
  const signInT = (word: SignInWord, values?: Record<string, string | number>) =>
    word === 'loginTitle' ? t('regionLoginTitle') : t(word, values);

  if (!session)
    return (
      <SignInScreen
        t={signInT}
        notice={notice}
        login={regionApi.login}
        refuse={() => null}
        onSignedIn={({ token, user }) => {
          const next = { token, user };
          regionStorage.saveSession(next);
          setNotice(null);
          setSession(next);
        }}
        onToggleLanguage={toggleLanguage}
      />
    );
  if (!today) return <p className="loading">{notice ?? t('loading')}</p>;
  const props = {
    t,
    language,
    session,
    today,
    onUnauthorized: () => signOut(t('sessionExpired')),
  };
  return (
    <div className="shell">
      <nav className="side-nav" aria-label={t('regionTitle')}>
        <div className="brand">
          <strong>{t('regionTitle')}</strong>
          <span>{t('appTitle')}</span>
        </div>
        <ul>
          {PAGES.map(([id, label]) => (
            <li key={id}>
              <a
                href={`#${id}`}
                aria-current={page === id ? 'page' : undefined}
                onClick={() => setPage(id)}
              >
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
        <div className="who">
          <strong>{session.user.displayName}</strong>
          <span data-testid="role">{t('roleRegion')}</span>
          <button type="button" className="link" onClick={toggleLanguage}>
            {t('language')}
          </button>
          <button type="button" className="secondary" onClick={() => signOut()}>
            {t('signOut')}
          </button>
        </div>
      </nav>
      <main className="page">
        {page === 'live' ? <RegionLivePage {...props} /> : <RegionReportsPage {...props} />}
      </main>
    </div>
  );
}
