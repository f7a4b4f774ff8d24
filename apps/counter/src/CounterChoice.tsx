import type { HubClient } from '@antre/client';
import type { Building, Counter } from '@antre/domain';
import type { Language } from '@antre/ui';
import { errorText, useHub } from '@antre/ui';
import { useState } from 'react';
import { ConnectionBanner } from './ConnectionBanner';
import type { Translate } from './messages';
import type { Session } from './session';
import { hubApi } from './session';
import { useCommand } from './use-command';
import { staffName, useStaff } from './use-staff';

/** The officer picks a desk; a supervisor also sees who holds each one and can move or close it. */
export function CounterChoice(props: {
  t: Translate;
  language: Language;
  session: Session;
  building: Building;
  client: HubClient;
  counters: Counter[];
  onChoose: (counterId: string) => void;
  onSignOut: () => void;
  onToggleLanguage: () => void;
}) {
  const { t, language, session, client } = props;
  const { state, connection } = useHub(client);
  const staff = useStaff(session.token);
  const { run, error } = useCommand(client);
  const [assignError, setAssignError] = useState<string | null>(null);
  const supervisor = session.user.role !== 'officer';
  const online = connection === 'online';

  async function assign(counterId: string, officerId: string): Promise<void> {
    setAssignError(null);
    const result = await hubApi.assign(session.token, counterId, officerId);
    if (!result.ok) setAssignError(errorText(result.error.code, language));
  }

  return (
    <main className="choice">
      <header className="topbar">
        <h1>{supervisor ? t('supervisorTitle') : t('chooseCounter')}</h1>
        <span className="who">{session.user.displayName}</span>
        <button type="button" onClick={props.onToggleLanguage}>
          {t('language')}
        </button>
        <button type="button" onClick={props.onSignOut}>
          {t('signOut')}
        </button>
      </header>
      <ConnectionBanner t={t} connection={connection} />
      <p className="hint">{t('chooseHint')}</p>
      {(error || assignError) && (
        <p className="form-error" role="alert">
          {assignError ?? (error ? errorText(error.code, language) : '')}
        </p>
      )}
      <ul className="counter-cards">
        {props.counters.map((counter) => {
          const status = state.counters.get(counter.id);
          const holder = status && status.status !== 'closed' ? status.officerId : null;
          const ticket = status?.ticketId ? state.tickets.get(status.ticketId) : undefined;
          const statusKey =
            status?.status === 'open'
              ? 'statusOpen'
              : status?.status === 'paused'
                ? 'statusPaused'
                : 'statusClosed';
          return (
            <li key={counter.id} className={`counter-card status-${status?.status ?? 'closed'}`}>
              <button
                type="button"
                className="counter-pick"
                onClick={() => props.onChoose(counter.id)}
              >
                <strong>{counter.name}</strong>
                <span className="status-pill">{t(statusKey)}</span>
                <span>
                  {holder === session.user.id
                    ? t('heldByYou')
                    : holder
                      ? t('heldBy', { name: staffName(staff, holder) ?? '' })
                      : t('nobody')}
                </span>
                {ticket && <span className="card-ticket">{ticket.label}</span>}
              </button>
              {supervisor && (
                <div className="card-tools">
                  <select
                    aria-label={`${t('assignTo')} ${counter.name}`}
                    value=""
                    disabled={!online}
                    onChange={(e) => void assign(counter.id, e.target.value)}
                  >
                    <option value="">{t('assignTo')}</option>
                    {staff.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.displayName}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    disabled={!online || !status || status.status === 'closed'}
                    onClick={() => void run('counter:close', { counterId: counter.id })}
                  >
                    {t('close')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </main>
  );
}
