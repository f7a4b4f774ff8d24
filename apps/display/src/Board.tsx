import type { CounterState } from '@antre/domain';
import type { CallView, DisplayBoard } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { translator } from '@antre/ui';
import { useState } from 'react';
import { AgencyColumns } from './AgencyColumns';
import { boardView } from './board-view';
import { BoardClock } from './BoardClock';
import { LatestCall } from './LatestCall';
import { MediaArea } from './MediaArea';
import { MESSAGES } from './messages';
import { RecentCalls } from './RecentCalls';
import { RunningText } from './RunningText';

export interface BoardProps {
  board: DisplayBoard;
  calls: readonly CallView[];
  counters: ReadonlyMap<string, CounterState>;
  online: boolean;
  /** The hub's time: the clock shows the site's time even if this device's clock is wrong. */
  now: () => number;
  language: Language;
  soundLocked: boolean;
  onUnlockSound: () => void;
}

export function Board(props: BoardProps) {
  const { board, language } = props;
  const t = translator(MESSAGES, language);
  const view = boardView(props.calls, props.counters, board);
  const media = board.settings.showMedia && board.media.length > 0;
  const zones = board.zones.map((z) => z.name).join(' · ');
  return (
    <div className={`board${media ? ' with-media' : ''}`} lang={language}>
      <header className="board-header">
        <div className="board-brand">
          {board.site.logoUrl && <SiteLogo url={board.site.logoUrl} />}
          <div className="board-site">
            <span className="board-site-name">{board.site.name}</span>
            {zones && <span className="board-zone">{zones}</span>}
          </div>
        </div>
        <BoardClock now={props.now} timezone={board.site.timezone} language={language} />
      </header>
      {!props.online && (
        <div className="board-offline" role="status">
          {t('offline')}
        </div>
      )}
      <main className="board-main">
        <LatestCall call={view.latest} language={language} />
        <RecentCalls calls={view.recent} language={language} />
        {media && <MediaArea items={board.media} imageSeconds={board.settings.mediaSeconds} />}
      </main>
      {view.columns.length > 0 && <AgencyColumns columns={view.columns} language={language} />}
      <RunningText
        text={board.settings.runningText || t('runningText', { site: board.site.name })}
      />
      {props.soundLocked && (
        <button type="button" className="sound-unlock" onClick={props.onUnlockSound}>
          <SpeakerIcon />
          <span>
            <strong>{t('enableSound')}</strong>
            <small>{t('enableSoundHint')}</small>
          </span>
        </button>
      )}
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
