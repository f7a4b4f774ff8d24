import type { CounterState } from '@antre/domain';
import type { CallView, DisplayBoard } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { useState } from 'react';
import { AgencyColumns } from './AgencyColumns';
import { boardView } from './board-view';
import { BoardClock } from './BoardClock';
import { FitText } from './FitText';
import type { CallPlace } from './LatestCall';
import { LatestCall } from './LatestCall';
import { MediaArea } from './MediaArea';
import { translate } from './messages';
import { RecentCalls } from './RecentCalls';
import { RunningText } from './RunningText';
import { floorOf, zoneName, zoneShortName } from './zone-names';
import { ZoneSummary } from './ZoneSummary';

export interface BoardProps {
  board: DisplayBoard;
  calls: readonly CallView[];
  counters: ReadonlyMap<string, CounterState>;
  /** People waiting per agency (public numbers, as the kiosk shows them). */
  waitingByAgency: ReadonlyMap<string, number>;
  online: boolean;
  /** The hub's time: the clock shows the site's time even if this device's clock is wrong. */
  now: () => number;
  language: Language;
  soundLocked: boolean;
  onUnlockSound: () => void;
}

export function Board(props: BoardProps) {
  const { board, language } = props;
  const t = translate(language);
  const view = boardView(props.calls, props.counters, board, props.waitingByAgency);
  const media = board.settings.showMedia && board.media.length > 0;
  const zones = [
    board.zones.map((z) => z.name).join(' · '),
    board.zones.map((z) => zoneShortName(z.name)).join(' · '),
  ];
  const agencyOf = (call: CallView) => board.agencies.find((a) => a.id === call.agencyId);
  const placeOf = (call: CallView): CallPlace => {
    const agency = agencyOf(call);
    const zone = zoneName(board.zones, call.zoneId);
    return {
      agencyNames: agency ? [agency.name, agency.shortName] : [call.agencyName],
      zoneNames: zone ? [zone, zoneShortName(zone)] : [],
    };
  };
  // On a board of several zones each earlier call says its zone too ("Lt 2" where tight).
  const recentAgencyText = (call: CallView): string[] => {
    const name = agencyOf(call)?.shortName ?? call.agencyName;
    const zone = zoneName(board.zones, call.zoneId);
    if (board.zones.length < 2 || !zone) return [name];
    const floor = floorOf(zone);
    return [
      `${name} · ${zoneShortName(zone)}`,
      ...(floor === null ? [] : [`${name} · Lt ${floor}`]),
    ];
  };
  return (
    <div className={`board${media ? ' with-media' : ''}`} lang={language}>
      <header className="board-header">
        <div className="board-brand">
          {board.site.logoUrl && <SiteLogo url={board.site.logoUrl} />}
          <div className="board-site">
            <span className="board-site-name">{board.site.name}</span>
            {board.zones.length > 0 && <FitText className="board-zone" texts={zones} />}
          </div>
        </div>
        {/* In the header's own flow (not floating over it), so it covers no text until tapped. */}
        {props.soundLocked && (
          <button type="button" className="sound-unlock" onClick={props.onUnlockSound}>
            <SpeakerIcon />
            <span>
              <strong>{t('enableSound')}</strong>
              <small>{t('enableSoundHint')}</small>
            </span>
          </button>
        )}
        <BoardClock now={props.now} timezone={board.site.timezone} language={language} />
      </header>
      {!props.online && (
        <div className="board-offline" role="status">
          {t('offline')}
        </div>
      )}
      <main className="board-main">
        <LatestCall
          call={view.latest}
          place={view.latest && placeOf(view.latest)}
          hadCalls={props.calls.length > 0}
          language={language}
        />
        {view.recent.length > 0 ? (
          <RecentCalls
            calls={view.recent}
            agencyText={recentAgencyText}
            twoLines={board.zones.length > 1}
            language={language}
          />
        ) : (
          <ZoneSummary counters={view.counters} waiting={view.waiting} language={language} />
        )}
        {media && <MediaArea items={board.media} imageSeconds={board.settings.mediaSeconds} />}
      </main>
      {view.columns.length > 0 && <AgencyColumns columns={view.columns} language={language} />}
      <RunningText
        text={board.settings.runningText || t('runningText', { site: board.site.name })}
      />
    </div>
  );
}

/** Beside the site's name; a logo that fails to load leaves the name alone, not a broken image. */
function SiteLogo({ url }: { url: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === url) return null;
  return <img className="board-logo" src={url} alt="" onError={() => setFailed(url)} />;
}

function SpeakerIcon() {
  return (
    <svg className="sound-unlock-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3z" />
      <path
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
      />
    </svg>
  );
}
