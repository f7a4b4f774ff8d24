import type { RegionHubStatus, RegionLiveBuilding } from '@antre/protocol';
import type { TimezoneCode } from '@antre/domain';
import { errorText, formatDate, formatTime } from '@antre/ui';
import { Tile } from '../components/Tile';
import { formatMinutes } from '../components/format-report';
import { showDay } from '../components/period';
import type { Translate } from '../messages';
import { useLoaded } from '../use-loaded';
import { regionApi } from './region-api';
import type { RegionPageProps } from './region-page-props';

type Available = Extract<RegionLiveBuilding, { available: true }>;

/** "Hub aktif", or since when nobody serves the building, in its own time. */
export function HubStatus(props: {
  t: Translate;
  hub: RegionHubStatus;
  timezone: TimezoneCode;
  language: RegionPageProps['language'];
}) {
  const { t, hub, timezone, language } = props;
  if (hub.state === 'active')
    return <span className="hub-state hub-active">{t('regionHubActive')}</span>;
  const time = `${formatDate(hub.since, timezone, language)} ${formatTime(hub.since, timezone, language)} ${timezone}`;
  return <span className="hub-state hub-none">{t('regionHubNone', { time })}</span>;
}

/** Today in every building, side by side, refreshed every 10 seconds like a building's. */
export function RegionLivePage(props: RegionPageProps) {
  const { t, language, session } = props;
  const live = useLoaded(() => regionApi.live(session.token), 'live', props.onUnauthorized, 10_000);
  const buildings = live.state === 'ready' ? live.value.buildings : [];
  const open = buildings.filter((b): b is Available => b.available);
  const sum = (figure: (b: Available) => number) => open.reduce((n, b) => n + figure(b), 0);

  return (
    <section>
      <header className="page-head">
        <h1>{t('regionLiveTitle')}</h1>
        {live.state === 'ready' && (
          <p className="muted">
            {t('liveUpdated', { time: `${formatTime(live.at, 'WIB', language)} WIB` })}
          </p>
        )}
      </header>
      <p className="muted">{t('regionReadOnly')}</p>
      {live.state === 'loading' && <p className="muted">{t('loading')}</p>}
      {live.state === 'failed' && (
        <p className="form-error">{t('loadFailed', { reason: errorText(live.code, language) })}</p>
      )}
      {live.state === 'ready' && buildings.length === 0 && (
        <p className="muted">{t('regionNoBuildings')}</p>
      )}
      {open.length > 0 && (
        <section className="report-block" aria-label={t('regionTotal')}>
          <h2>
            {t('regionTotal')} · {t('regionBuildingCount', { n: buildings.length })}
          </h2>
          <div className="tiles">
            <Tile label={t('waitingNow')} value={sum((b) => b.waitingNow)} id="region-waiting" />
            <Tile label={t('servedToday')} value={sum((b) => b.servedToday)} id="region-served" />
            <Tile
              label={t('regionIssuedToday')}
              value={sum((b) => b.issuedToday)}
              id="region-issued"
            />
            <Tile
              label={t('countersOpen')}
              value={sum((b) => b.countersOpen)}
              id="region-counters"
            />
          </div>
        </section>
      )}
      <div className="region-cards" data-testid="region-buildings">
        {buildings.map((b) => (
          <article key={b.key} className="region-card" data-testid={`building-${b.key}`}>
            <header>
              <h2>{b.available ? b.name : b.key}</h2>
              {b.available && <span className="muted">{b.key}</span>}
              <HubStatus
                t={t}
                hub={b.hub}
                timezone={b.available ? b.timezone : 'WIB'}
                language={language}
              />
            </header>
            {!b.available ? (
              <p className="form-error">{t(`regionUnavailable.${b.reason}`)}</p>
            ) : (
              <>
                <p className="muted">{t('regionServiceDay', { day: showDay(b.serviceDay) })}</p>
                {!b.dayOpen && <p className="muted">{t('regionDayClosed')}</p>}
                <dl className="region-figures">
                  <div className="lead">
                    <dt>{t('waitingNow')}</dt>
                    <dd data-testid="waiting">{b.waitingNow}</dd>
                  </div>
                  <div>
                    <dt>{t('longestWait')}</dt>
                    <dd>{formatMinutes(b.longestWaitMinutes, t, language)}</dd>
                  </div>
                  <div>
                    <dt>{t('servedToday')}</dt>
                    <dd data-testid="served">{b.servedToday}</dd>
                  </div>
                  <div>
                    <dt>{t('regionNoShowToday')}</dt>
                    <dd>{b.noShowToday}</dd>
                  </div>
                  <div>
                    <dt>{t('regionIssuedToday')}</dt>
                    <dd>{b.issuedToday}</dd>
                  </div>
                  <div>
                    <dt>{t('countersOpen')}</dt>
                    <dd>
                      {b.countersOpen}
                      {b.countersPaused > 0 &&
                        ` · ${t('countersPaused').toLowerCase()} ${b.countersPaused}`}
                    </dd>
                  </div>
                </dl>
              </>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
