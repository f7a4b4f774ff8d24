import type { TimezoneCode } from '@antre/domain';
import { formatTime } from '@antre/ui';
import type { ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { PageButtons } from './PageButtons';
import type { Preferences } from './use-preferences';

interface FrameProps {
  prefs: Preferences;
  siteName: string;
  /** The site's logo (`/api/logos/site?v=…`), shown beside its name. */
  logoUrl?: string | undefined;
  timezone?: string;
  offline?: boolean;
  onBack?: (() => void) | null;
  onHome?: (() => void) | null;
  screen?: string;
  children: ReactNode;
}

function useClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** A logo that fails to load leaves the name alone rather than a broken image. */
function SiteLogo({ url }: { url: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === url) return null;
  return <img className="kiosk-logo" src={url} alt="" onError={() => setFailed(url)} />;
}

/** The same frame on every screen: where you are, the toggles, and the way back. */
export function Frame({
  prefs,
  siteName,
  logoUrl,
  timezone,
  offline,
  onBack,
  onHome,
  screen,
  children,
}: FrameProps) {
  const { t } = prefs;
  const now = useClock();
  const main = useRef<HTMLElement>(null);
  return (
    <div className="kiosk" data-screen={screen}>
      <header className="kiosk-top">
        {logoUrl ? <SiteLogo url={logoUrl} /> : null}
        <div className="kiosk-site">
          <span className="kiosk-site-name">{siteName}</span>
          {timezone ? (
            <span className="kiosk-clock">
              {formatTime(now, timezone as TimezoneCode, prefs.language)} {timezone}
            </span>
          ) : null}
        </div>
        <div className="kiosk-toggles">
          <button
            type="button"
            className="toggle"
            lang={prefs.language === 'id' ? 'en' : 'id'}
            onClick={prefs.toggleLanguage}
          >
            {t('language')}
          </button>
          <button
            type="button"
            className="toggle"
            aria-pressed={prefs.largeText}
            onClick={prefs.toggleLargeText}
          >
            <span aria-hidden="true" className="toggle-icon">
              A+
            </span>{' '}
            {t('largeText')}
          </button>
          <button
            type="button"
            className="toggle"
            aria-pressed={prefs.highContrast}
            onClick={prefs.toggleHighContrast}
          >
            <span aria-hidden="true" className="toggle-icon contrast" /> {t('highContrast')}
          </button>
        </div>
      </header>
      {offline ? (
        <div className="kiosk-offline" role="status">
          {t('offline')}
        </div>
      ) : null}
      <div className="kiosk-body">
        <main className="kiosk-main" ref={main}>
          {children}
        </main>
        <PageButtons target={main} up={t('scrollUp')} down={t('scrollDown')} watch={screen} />
      </div>
      {onBack || onHome ? (
        <nav className="kiosk-nav">
          {onBack ? (
            <button type="button" className="nav-button" onClick={onBack}>
              <span aria-hidden="true">←</span> {t('back')}
            </button>
          ) : (
            <span />
          )}
          {onHome ? (
            <button type="button" className="nav-button" onClick={onHome}>
              <span aria-hidden="true">⌂</span> {t('home')}
            </button>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
