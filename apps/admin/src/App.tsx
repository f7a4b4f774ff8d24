import type { Building } from '@antre/domain';
import type { Language } from '@antre/ui';
import { errorText, SignInScreen } from '@antre/ui';
import { useEffect, useState } from 'react';
import { AuditPage } from './audit/AuditPage';
import { BookingsPage } from './bookings/BookingsPage';
import { BuildingPage } from './building/BuildingPage';
import { DevicesPage } from './devices/DevicesPage';
import { FeedbackPage } from './skm/FeedbackPage';
import { LivePage } from './live/LivePage';
import { NotifyPage } from './notify/NotifyPage';
import type { PageProps } from './page-props';
import { ReportsPage } from './reports/ReportsPage';
import type { Session } from './session';
import { hubApi, storage } from './session';
import type { PageId } from './Shell';
import { allowedPage, Shell } from './Shell';
import { SitePage } from './site/SitePage';
import { SkmPage } from './skm/SkmPage';
import { TemplatePage } from './ticket/TemplatePage';
import { UsersPage } from './users/UsersPage';
import { translate } from './messages';

// `#building?edit=services/x` asks for the Gedung page; the page reads the rest.
const askedPage = (): string => window.location.hash.slice(1).split('?')[0] ?? '';

/** Sign in -> a left nav of read-only pages; the page lives in the URL hash. */
export function App() {
  const [language, setLanguage] = useState<Language>(storage.language());
  const [session, setSession] = useState<Session | null>(storage.session());
  const [building, setBuilding] = useState<Building | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [asked, setAsked] = useState<string>(askedPage());
  const t = translate(language);
  // A page typed into the address bar is checked against the role, like the nav.
  const page = session ? allowedPage(asked, session.user.role) : null;

  useEffect(() => {
    if (page && page !== asked) window.history.replaceState(null, '', `#${page}`);
  }, [page, asked]);

  useEffect(() => {
    document.documentElement.lang = language;
    storage.saveLanguage(language);
  }, [language]);

  useEffect(() => {
    const onHash = (): void => setAsked(askedPage());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (!session) return;
    let live = true;
    void Promise.all([hubApi.building(session.token), hubApi.health()]).then(([b, h]) => {
      if (!live) return;
      if (!b.ok) {
        if (b.error.code === 'unauthorized') signOut(t('sessionExpired'));
        else setNotice(t('loadFailed', { reason: errorText(b.error.code, language) }));
        return;
      }
      setBuilding(b.value);
      if (h.ok) setToday(h.value.serviceDay);
    });
    return () => {
      live = false;
    };
  }, [session]);

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
  function go(next: PageId): void {
    window.location.hash = next;
    setAsked(next);
  }
  const toggleLanguage = (): void => setLanguage(language === 'id' ? 'en' : 'id');

  if (!session)
    return (
      <SignInScreen
        t={t}
        notice={notice}
        login={hubApi.login}
        refuse={(r) => {
          // Officers have the counter app; this one is for the people who answer for the building.
          if (r.user.role === 'admin' || r.user.role === 'supervisor') return null;
          void hubApi.logout(r.token);
          return t('officerRefused');
        }}
        onSignedIn={({ token, user }) => signIn({ token, user })}
        onToggleLanguage={toggleLanguage}
      />
    );
  if (!building || !today || !page) return <p className="loading">{notice ?? t('loading')}</p>;
  const props: PageProps = {
    t,
    language,
    session,
    building,
    today,
    onUnauthorized: () => signOut(t('sessionExpired')),
  };
  return (
    <Shell
      {...props}
      page={page}
      onGo={go}
      onSignOut={() => signOut()}
      onToggleLanguage={toggleLanguage}
    >
      {page === 'live' && <LivePage {...props} />}
      {page === 'reports' && <ReportsPage {...props} />}
      {page === 'bookings' && <BookingsPage {...props} />}
      {page === 'skm' && <SkmPage {...props} />}
      {page === 'feedback' && <FeedbackPage {...props} />}
      {page === 'building' && <BuildingPage {...props} onBuildingChanged={setBuilding} />}
      {page === 'site' && (
        <SitePage {...props} onSiteSaved={(site) => setBuilding({ ...building, site })} />
      )}
      {page === 'users' && <UsersPage {...props} />}
      {page === 'devices' && <DevicesPage {...props} />}
      {page === 'ticket' && <TemplatePage {...props} />}
      {page === 'notify' && <NotifyPage {...props} />}
      {page === 'audit' && <AuditPage {...props} />}
    </Shell>
  );
}
