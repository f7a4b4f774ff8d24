import type { Language } from '@antre/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { alertCalled } from './call-alert';
import { translate } from './messages';
import { CalledScreen } from './CalledScreen';
import { FeedbackForm } from './FeedbackForm';
import { NotifyCard } from './NotifyCard';
import { SurveyForm } from './SurveyForm';
import { TicketStatus } from './TicketStatus';
import { ticketCodeFromPath, useTracking } from './use-tracking';

// Statuses with something still to tell: a finished ticket offers no opt-in.
const NOTIFIABLE = new Set(['waiting', 'printing', 'called', 'parked']);

export function App() {
  const code = useMemo(() => ticketCodeFromPath(window.location.pathname), []);
  const { tracking, connection } = useTracking(code);
  const [language, setLanguage] = useState<Language>('id');
  const t = translate(language);
  const view = tracking.kind === 'ticket' ? tracking.view : null;

  // Where serving starts on the call (one key per visitor), a called ticket is already
  // "serving": both mean "go to that counter now".
  const atCounter = view?.status === 'called' || view?.status === 'serving';
  // A call (or a recall, which moves calledAt) buzzes and chimes once.
  const alerted = useRef<string | null>(null);
  const callKey = atCounter ? `${view.code}:${view.calledAt}` : null;
  useEffect(() => {
    if (callKey && alerted.current !== callKey) alertCalled();
    alerted.current = callKey;
  }, [callKey]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = view ? `${view.label} — ${t('title')}` : t('title');
  }, [language, view, t]);

  const toggle = (
    <button
      type="button"
      className="language"
      onClick={() => setLanguage((l) => (l === 'id' ? 'en' : 'id'))}
    >
      {t('language')}
    </button>
  );

  if (atCounter && view.counter) return <CalledScreen t={t} view={view} toggle={toggle} />;

  return (
    <div className="track">
      <header className="track-top">
        <span className="track-title">{t('title')}</span>
        {toggle}
      </header>
      {connection === 'offline' ? (
        <p className="track-offline" role="status">
          {t('offline')}
        </p>
      ) : null}
      <main className="track-main">
        {tracking.kind === 'loading' ? <p className="track-loading">{t('loading')}</p> : null}
        {tracking.kind === 'not_found' ? (
          <section className="track-card">
            <h1 className="state-title">{t('notFound')}</h1>
            <p className="state-note">{t('notFoundNote')}</p>
          </section>
        ) : null}
        {view ? <TicketStatus t={t} language={language} view={view} /> : null}
        {view && NOTIFIABLE.has(view.status) ? (
          <NotifyCard t={t} language={language} code={view.code} />
        ) : null}
        {view?.status === 'done' ? (
          <SurveyForm t={t} language={language} code={view.code} agencyName={view.agencyName} />
        ) : null}
        {view ? (
          <FeedbackForm
            t={t}
            code={view.code}
            agencyId={view.agencyId}
            agencyName={view.agencyName}
          />
        ) : null}
      </main>
    </div>
  );
}
