import { errorText, formatTime } from '@antre/ui';
import type { DeviceAlert } from '@antre/protocol';
import { FileButtons } from '../components/ExportButtons';
import { downloadFile } from '../file-download';
import { agencyNames, formatMinutes } from '../components/format-report';
import { AlarmList } from './AlarmList';
import { LiveCounterTable } from './LiveCounterTable';
import { LiveServiceTable } from './LiveServiceTable';
import type { PageProps } from '../page-props';
import { PublicAddressWarning } from './PublicAddressWarning';
import { hubApi } from '../session';
import { Tile } from '../components/Tile';
import { useAlarmFeed } from './use-alarm-feed';
import { useLoaded } from '../use-loaded';
import type { MessageKey } from '../messages';

const REFRESH_MS = 10_000;

const ALERT_WORDS: Partial<Record<DeviceAlert['state'], MessageKey>> = {
  paper_out: 'printerPaperOut',
  paper_near_end: 'printerPaperNearEnd',
  cover_open: 'printerCoverOpen',
  offline: 'printerOffline',
  no_answer: 'printerNoAnswer',
  write_failed: 'printerWriteFailed',
  no_printer: 'printerNotSet',
};

/** Today as it is now, refreshed every 10 s; printer trouble on top, in red. */
export function LivePage(props: PageProps) {
  const { t, language, session, building } = props;
  const tz = building.site.timezone;
  const live = useLoaded(
    () => hubApi.live(session.token),
    'live',
    props.onUnauthorized,
    REFRESH_MS,
  );
  const alerts = useLoaded(
    () => hubApi.alerts(session.token),
    'alerts',
    props.onUnauthorized,
    REFRESH_MS,
  );
  const alarms = useAlarmFeed(session.token) ?? [];
  const names = agencyNames(building);
  const agencyName = (agencyId: string) => names.get(agencyId) ?? agencyId;
  const alertWords = (state: DeviceAlert['state']): string => {
    const key = ALERT_WORDS[state];
    return key ? t(key) : state;
  };
  // The file holds what the hub sees when it is asked, not the page's last refresh.
  const liveExport = (table: 'live-services' | 'live-counters') => (
    <FileButtons
      t={t}
      testId={`export-${table}`}
      save={(format) =>
        downloadFile(`antre-${table}-${props.today}.${format}`, 'GET /api/reports/live/export', {
          token: session.token,
          query: { table, format },
        })
      }
    />
  );
  const open = alerts.state === 'ready' ? alerts.value.alerts.filter((a) => !a.clearedAt) : [];

  return (
    <section>
      <header className="page-head">
        <h1>{t('liveTitle')}</h1>
        {live.state === 'ready' && (
          <p className="muted">{t('liveUpdated', { time: formatTime(live.at, tz, language) })}</p>
        )}
      </header>
      {/* Printer trouble has its own box below, with the device's words. */}
      <AlarmList
        alarms={alarms.filter((a) => a.kind !== 'printer')}
        building={building}
        language={language}
      />
      <PublicAddressWarning {...props} />
      {open.length > 0 && (
        <div className="alerts" role="alert" data-testid="device-alerts">
          <h2>{t('alertsTitle')}</h2>
          <ul>
            {open.map((a) => (
              <li key={a.id}>
                {t('alertLine', {
                  device: a.deviceName,
                  state: alertWords(a.state),
                  time: formatTime(a.raisedAt, tz, language),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {live.state === 'loading' && <p className="muted">{t('loading')}</p>}
      {live.state === 'failed' && (
        <p className="form-error">{t('loadFailed', { reason: errorText(live.code, language) })}</p>
      )}
      {live.state === 'ready' && (
        <>
          <div className="tiles">
            <Tile label={t('waitingNow')} value={String(live.value.waitingNow)} id="waiting-now" />
            <Tile
              label={t('longestWait')}
              value={formatMinutes(live.value.longestWaitMinutes, t, language)}
              id="longest-wait"
            />
            <Tile
              label={t('servedToday')}
              value={String(live.value.servedToday)}
              id="served-today"
            />
            <Tile
              label={t('countersOpen')}
              value={String(live.value.countersOpen)}
              id="counters-open"
            />
            <Tile
              label={t('countersPaused')}
              value={String(live.value.countersPaused)}
              id="counters-paused"
            />
          </div>
          <LiveCounterTable
            t={t}
            counters={live.value.counters}
            agencyName={agencyName}
            timeOf={(at) => formatTime(at, tz, language)}
            actions={liveExport('live-counters')}
          />
          <LiveServiceTable
            t={t}
            language={language}
            services={live.value.services}
            agencyName={agencyName}
            actions={liveExport('live-services')}
          />
        </>
      )}
    </section>
  );
}
