import type { TrackingView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { formatWait } from '@antre/ui';
import { useState } from 'react';
import { alertsReady, enableAlerts } from './call-alert';
import type { MessageKey } from './messages';
import { placeText, waitingState } from './place-text';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

interface Props {
  t: T;
  language: Language;
  view: TrackingView;
}

/** What the ticket's status means for the visitor, in plain words. */
function StatusPanel({ t, language, view }: Props) {
  const counter = view.counter?.name ?? '';
  switch (view.status) {
    case 'waiting': {
      const waiting = waitingState(t, language, view);
      if (waiting.kind === 'closed')
        return <Plain tone="warn" title={waiting.title} note={waiting.note ?? ''} />;
      return (
        <div className={`state state-waiting${waiting.kind === 'hold' ? ' state-hold' : ''}`}>
          <p className="state-title" data-testid="waiting-title">
            {waiting.title}
          </p>
          {waiting.note ? <p className="state-note">{waiting.note}</p> : null}
          {waiting.kind === 'ok' && view.ahead > 0 ? (
            <p className="state-note">
              {t('estimatedWait', { wait: formatWait(view.estimatedMinutes, language) })}
            </p>
          ) : null}
          <p className="state-live">{t('liveNote')}</p>
        </div>
      );
    }
    case 'printing':
      return <p className="state state-title">{t('printing')}</p>;
    case 'called':
    case 'serving':
      return <p className="state state-title">{t('serving', { counter })}</p>;
    case 'parked':
      return <Plain tone="warn" title={t('parked')} note={t('parkedNote', { counter })} />;
    case 'done':
      return <Plain tone="ok" title={t('doneTitle')} note={t('doneNote')} />;
    case 'no_show':
      return (
        <Plain
          tone="warn"
          title={t('noShowTitle')}
          note={t('noShowNote', { agency: view.agencyName })}
        />
      );
    case 'expired':
      return <Plain tone="muted" title={t('expired')} note={t('expiredNote')} />;
    case 'cancelled':
      return <Plain tone="muted" title={t('cancelled')} note={t('cancelledNote')} />;
    default:
      return <Plain tone="muted" title={t('void')} note={t('voidNote')} />;
  }
}

function Plain({ tone, title, note }: { tone: string; title: string; note: string }) {
  return (
    <div className={`state state-${tone}`}>
      <h2 className="state-title">{title}</h2>
      <p className="state-note">{note}</p>
    </div>
  );
}

function AlertsButton({ t }: { t: T }) {
  const [on, setOn] = useState(alertsReady());
  if (on) return <p className="alerts-on">{t('alertsOn')}</p>;
  return (
    <button type="button" className="alerts-button" onClick={() => void enableAlerts().then(setOn)}>
      {t('enableAlerts')}
    </button>
  );
}

export function TicketStatus({ t, language, view }: Props) {
  const live = view.status === 'waiting' || view.status === 'printing';
  const place = placeText(t, view.place);
  return (
    <section className="track-card" data-status={view.status}>
      <p className="ticket-caption">{t('yourNumber')}</p>
      <h1 className="ticket-number">{view.label}</h1>
      <p className="ticket-service">{view.serviceName}</p>
      <p className="ticket-agency">{view.agencyName}</p>
      {view.priority ? (
        <p className="ticket-priority">{t('priority', { kind: t(`priority.${view.priority}`) })}</p>
      ) : null}
      {live && place ? (
        <p className="ticket-place" data-testid="ticket-place">
          <span className="ticket-place-label">{t('placeLabel')}</span>
          <span className="ticket-place-text">{place}</span>
        </p>
      ) : null}
      {view.transferredFrom && live ? (
        <p className="ticket-transfer">{t('transferred', { from: view.transferredFrom })}</p>
      ) : null}
      <StatusPanel t={t} language={language} view={view} />
      {live ? <AlertsButton t={t} /> : null}
    </section>
  );
}
