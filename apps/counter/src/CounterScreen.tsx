import type { HubClient } from '@antre/client';
import type { Building, Counter } from '@antre/domain';
import type { Language } from '@antre/ui';
import { errorText, useHub } from '@antre/ui';
import { useState } from 'react';
import type { ActionButton } from './ActionBar';
import { ActionBar } from './ActionBar';
import { AlarmStrip } from './AlarmStrip';
import { CheckInDialog } from './CheckInDialog';
import { CloseCounterDialog } from './CloseCounterDialog';
import { ConnectionBanner } from './ConnectionBanner';
import { availableActions } from './counter-actions';
import { counterView, officerStats } from './counter-view';
import { CounterLists } from './CounterLists';
import { CurrentTicket, minutesText } from './CurrentTicket';
import type { Translate } from './messages';
import { ReasonDialog } from './ReasonDialog';
import type { Session } from './session';
import type { Action } from './shortcuts';
import { useShortcuts } from './shortcuts';
import { TransferDialog } from './TransferDialog';
import { useAlarms } from './use-alarms';
import { useCommand } from './use-command';
import { useNow } from './use-now';
import { staffName, useStaff } from './use-staff';
import { SurveyToggle } from './SurveyToggle';
import { useSurveyRequest } from './use-survey-request';

const BUTTONS: ActionButton[] = [
  { action: 'callNext', label: 'callNext', command: 'counter:call-next', tone: 'primary' },
  { action: 'recall', label: 'recall', command: 'counter:recall' },
  { action: 'start', label: 'start', command: 'counter:start' },
  { action: 'finish', label: 'finish', command: 'counter:finish' },
  { action: 'noShow', label: 'noShow', command: 'counter:no-show', tone: 'danger' },
  { action: 'park', label: 'park', command: 'counter:park' },
  { action: 'transfer', label: 'transfer', command: 'counter:transfer' },
  { action: 'pause', label: 'pause', command: 'counter:pause', tone: 'quiet' },
  { action: 'close', label: 'closeCounter', command: 'counter:close', tone: 'quiet' },
];

type Dialog = 'park' | 'pause' | 'transfer' | 'close' | 'check-in' | null;

/** The officer's one screen: the ticket at the desk, its actions, and the lines behind it. */
export function CounterScreen(props: {
  t: Translate;
  language: Language;
  session: Session;
  building: Building;
  client: HubClient;
  counter: Counter;
  onChangeCounter: () => void;
  onSignOut: () => void;
  onToggleLanguage: () => void;
}) {
  const { t, language, session, building, client, counter } = props;
  const { state, connection } = useHub(client);
  const now = useNow();
  const staff = useStaff(session.token);
  const { run, busy, error } = useCommand(client);
  const [dialog, setDialog] = useState<Dialog>(null);
  const survey = useSurveyRequest(client);
  const alarms = useAlarms(client, session);
  const view = counterView(building, state, counter);
  const { status, held } = view;
  const online = connection === 'online';
  const me = session.user.id;
  const holder = status.status === 'closed' ? null : status.officerId;
  const mine = holder === null || holder === me || session.user.role !== 'officer';
  const enabled = availableActions(view, building.site, mine && online);
  const stats = officerStats(state.tickets.values(), me);
  const counterId = counter.id;
  // Check-in by code for the agency's booked visitors without a phone.
  const takesBookings = building.services.some((s) => s.agencyId === counter.agencyId && s.booking);

  const act = (action: Action): void => {
    if (!enabled[action] || busy) return;
    if (action === 'pause' && status.status === 'paused') {
      void run('counter:resume', { counterId });
      return;
    }
    // Finishing (or calling the next, which finishes the one served) may ask for the survey.
    const finishing = held?.status === 'serving' || action === 'finish' ? held : null;
    const thenAskSurvey = (ok: boolean): void => {
      if (ok && finishing) void survey.afterFinish(finishing);
    };
    switch (action) {
      case 'callNext':
        void run(status.status === 'closed' ? 'counter:open' : 'counter:call-next', {
          counterId,
        }).then(thenAskSurvey);
        return;
      case 'recall':
        return void run('counter:recall', { counterId });
      case 'start':
        return void run('counter:start', { counterId });
      case 'finish':
        return void run('counter:finish', { counterId }).then(thenAskSurvey);
      case 'noShow':
        return void run('counter:no-show', { counterId });
      default:
        setDialog(action);
    }
  };
  useShortcuts(online && dialog === null, act);

  const buttons = BUTTONS.map((b) => {
    if (b.action === 'callNext' && status.status === 'closed')
      return { ...b, label: 'open' as const, command: 'counter:open' as const };
    if (b.action === 'pause' && status.status === 'paused')
      return { ...b, label: 'resume' as const, command: 'counter:resume' as const };
    return b;
  });
  const statusKey =
    status.status === 'open'
      ? 'statusOpen'
      : status.status === 'paused'
        ? 'statusPaused'
        : 'statusClosed';
  const awaitingVisitor =
    held?.status === 'called' || (held?.status === 'serving' && building.site.autoServeOnCall);
  const needsRecall = awaitingVisitor && held.recallCount < building.site.recallsBeforeNoShow;

  return (
    <main className={`counter-screen status-${status.status}`}>
      <header className="topbar">
        <h1>{counter.name}</h1>
        <span className={`status-pill status-${status.status}`}>{t(statusKey)}</span>
        <span className="who">{session.user.displayName}</span>
        <dl className="stats" aria-label={t('todayServed')}>
          <div>
            <dt>{t('todayServed')}</dt>
            <dd data-testid="served-count">{stats.served}</dd>
          </div>
          <div>
            <dt>{t('averageService')}</dt>
            <dd>{stats.averageMinutes === null ? '—' : minutesText(t, stats.averageMinutes)}</dd>
          </div>
        </dl>
        {takesBookings && (
          <button type="button" onClick={() => setDialog('check-in')}>
            {t('checkInOpen')}
          </button>
        )}
        <button type="button" onClick={props.onToggleLanguage}>
          {t('language')}
        </button>
        <button type="button" onClick={props.onChangeCounter}>
          {t('changeCounter')}
        </button>
        <button type="button" onClick={props.onSignOut}>
          {t('signOut')}
        </button>
      </header>
      <ConnectionBanner t={t} connection={connection} />
      {status.status === 'paused' && (
        <div className="banner banner-paused" role="status">
          {t('pausedBanner', { reason: status.pauseReason ?? '' })}
        </div>
      )}
      {status.status === 'closed' && (
        <div className="banner banner-closed" role="status">
          {t('closedBanner')}
        </div>
      )}
      {!mine && (
        <div className="banner banner-offline" role="alert">
          {t('heldByOther', { name: staffName(staff, holder) ?? '' })}
        </div>
      )}
      <div className="workspace">
        <div className="desk">
          <CurrentTicket
            t={t}
            building={building}
            ticket={held}
            counterStatus={status.status}
            now={now}
          />
          {error && (
            <p className="form-error" role="alert" data-testid="command-error">
              {errorText(error.code, language)}
            </p>
          )}
          {needsRecall && !error && (
            <p className="hint">
              {t('noShowNeedsRecall', { n: building.site.recallsBeforeNoShow })}
            </p>
          )}
          <ActionBar t={t} buttons={buttons} enabled={enabled} busy={busy} onAction={act} />
          <SurveyToggle
            language={language}
            enabled={survey.enabled}
            outcome={survey.outcome}
            onToggle={survey.toggle}
          />
          <p className="hint shortcut-hint">{t('shortcutHint')}</p>
        </div>
        <div className="side">
          <AlarmStrip alarms={alarms} timezone={building.site.timezone} language={language} />
          <CounterLists
            t={t}
            building={building}
            view={view}
            now={now}
            canCall={enabled.callNext && status.status === 'open' && busy === null}
            canRequeue={online && busy === null}
            onCall={(ticketId) => void run('counter:call', { counterId, ticketId })}
            onRequeue={(ticketId) => void run('ticket:requeue', { ticketId })}
          />
        </div>
      </div>
      {dialog === 'park' && held && (
        <ReasonDialog
          t={t}
          title={t('parkTitle', { label: held.label })}
          hint={t('parkHint')}
          choices={[t('reasonCopy'), t('reasonDocument')]}
          onCancel={() => setDialog(null)}
          onSubmit={(reason) => {
            setDialog(null);
            void run('counter:park', { counterId, reason });
          }}
        />
      )}
      {dialog === 'pause' && (
        <ReasonDialog
          t={t}
          title={t('pauseTitle')}
          hint={t('pauseHint')}
          choices={[t('reasonPrayer'), t('reasonLunch'), t('reasonBreak')]}
          onCancel={() => setDialog(null)}
          onSubmit={(reason) => {
            setDialog(null);
            void run('counter:pause', { counterId, reason });
          }}
        />
      )}
      {dialog === 'close' && (
        <CloseCounterDialog
          t={t}
          counterName={counter.name}
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null);
            void run('counter:close', { counterId });
          }}
        />
      )}
      {dialog === 'check-in' && (
        <CheckInDialog
          t={t}
          language={language}
          token={session.token}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'transfer' && held && (
        <TransferDialog
          t={t}
          language={language}
          building={building}
          ticket={held}
          onCancel={() => setDialog(null)}
          onSubmit={(choice) => {
            setDialog(null);
            void run('counter:transfer', { counterId, ...choice });
          }}
        />
      )}
    </main>
  );
}
