import type { Role } from '@antre/protocol';
import type { ReactNode } from 'react';
import { SiteLogo } from './SiteLogo';
import type { PageProps } from './page-props';
import type { MessageKey } from './messages';

export const PAGES = [
  'live',
  'reports',
  'bookings',
  'skm',
  'feedback',
  'building',
  'site',
  'users',
  'devices',
  'ticket',
  'notify',
  'audit',
] as const;
export type PageId = (typeof PAGES)[number];

const NAV_LABELS: Record<PageId, MessageKey> = {
  live: 'navLive',
  reports: 'navReports',
  bookings: 'navBookings',
  skm: 'navSkm',
  feedback: 'navFeedback',
  building: 'navBuilding',
  site: 'navSite',
  users: 'navUsers',
  devices: 'navDevices',
  ticket: 'navTicket',
  notify: 'navNotify',
  audit: 'navAudit',
};

// Pairing devices and reading the audit log are the building admin's alone.
const ADMIN_ONLY: readonly PageId[] = ['site', 'devices', 'ticket', 'notify', 'audit'];

/** The pages a role may open, in nav order: the nav and the address bar obey the same list. */
export const pagesFor = (role: Role): readonly PageId[] =>
  role === 'admin' ? PAGES : PAGES.filter((p) => !ADMIN_ONLY.includes(p));

/** The page an address asks for, or the role's first page when it is unknown or not theirs. */
export function allowedPage(asked: string, role: Role): PageId {
  const allowed = pagesFor(role);
  return allowed.find((p) => p === asked) ?? allowed[0] ?? 'live';
}

/** The left nav, who is signed in, and the page. */
export function Shell(
  props: PageProps & {
    page: PageId;
    onGo: (page: PageId) => void;
    onSignOut: () => void;
    onToggleLanguage: () => void;
    children: ReactNode;
  },
) {
  const { t, session, building } = props;
  const agency = building.agencies.find((a) => a.id === session.user.agencyId);
  return (
    <div className="shell">
      <nav className="side-nav" aria-label={t('appTitle')}>
        <div className="brand">
          <SiteLogo site={building.site} />
          <strong>{t('appTitle')}</strong>
          <span>{building.site.name}</span>
        </div>
        <ul>
          {pagesFor(session.user.role).map((page) => (
            <li key={page}>
              <a
                href={`#${page}`}
                aria-current={props.page === page ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  props.onGo(page);
                }}
              >
                {t(NAV_LABELS[page])}
              </a>
            </li>
          ))}
        </ul>
        <div className="who">
          <strong>{session.user.displayName}</strong>
          <span data-testid="role">
            {session.user.role === 'admin'
              ? t('roleAdmin')
              : t('roleSupervisor', { agency: agency?.shortName ?? agency?.name ?? '' })}
          </span>
          <button type="button" className="link" onClick={props.onToggleLanguage}>
            {t('language')}
          </button>
          <button type="button" className="secondary" onClick={props.onSignOut}>
            {t('signOut')}
          </button>
        </div>
      </nav>
      <main className="page">{props.children}</main>
    </div>
  );
}
