import type { HubClient } from '@antre/client';
import { createHubClient } from '@antre/client';
import type { ApiError, DisplayBoard } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { errorText, useHub } from '@antre/ui';
import { createClipPlayer } from '@antre/voice';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { startAnnouncements } from './announcements';
import { fetchBoard } from './board-api';
import { Board } from './Board';
import type { HubClock } from './hub-clock';
import { createHubClock } from './hub-clock';
import { translate } from './messages';
import { setSpeaking } from './speaking';
import { exposeBoardToTests } from './test-hooks';
import { watchWaiting } from './waiting-counts';

const HUB_URL = window.location.origin;
const RETRY_MS = 5_000;
const REFRESH_MS = 5 * 60_000;

const player = createClipPlayer({ baseUrl: `${HUB_URL}/api/audio`, onSpeaking: setSpeaking });

const urlLanguage = (): Language | null => {
  const lang = new URLSearchParams(window.location.search).get('lang');
  return lang === 'id' || lang === 'en' ? lang : null;
};

export function App({ token, onRefused }: { token: string | null; onRefused?: () => void }) {
  const [board, setBoard] = useState<DisplayBoard | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const clock = useRef<HubClock | null>(null);
  // Bumped when the admin changes the building, so the board's REST view is loaded again.
  const [buildingVersion, setBuildingVersion] = useState(0);
  const language = urlLanguage() ?? board?.settings.language ?? 'id';
  const t = translate(language);

  // Load the board's settings and read the hub's clock; retry while the hub is unreachable.
  useEffect(() => {
    if (!token) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      const result = await fetchBoard(HUB_URL, token);
      if (stopped) return;
      if (result.ok) {
        if (clock.current) clock.current.offsetMs = result.value.clockOffsetMs;
        else clock.current = createHubClock(result.value.clockOffsetMs);
        setBoard(result.value.board);
        setFailure(null);
      } else {
        setFailure(result.error);
      }
      // A revoked or unknown token: back to the pairing code, so the admin can pair it again.
      if (!result.ok && result.error.code === 'unauthorized') return onRefused?.();
      timer = setTimeout(() => void load(), result.ok ? REFRESH_MS : RETRY_MS);
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [token, onRefused, buildingVersion]);

  const ready = board !== null;
  const client = useMemo(
    () => (ready && token ? createHubClient({ url: HUB_URL, token }) : null),
    [ready, token],
  );
  const settingsRef = useRef(board?.settings);
  settingsRef.current = board?.settings;
  const zonesRef = useRef(board?.zones);
  zonesRef.current = board?.zones;

  useEffect(() => {
    const hubClock = clock.current;
    if (!client || !token || !hubClock) return;
    const followHubClock = (): void => hubClock.follow(client.state);
    exposeBoardToTests({
      disconnect: () => client.disconnect(),
      reconnect: () => client.reconnect(),
      soundUnlocked: () => player.unlocked,
    });
    const stop = startAnnouncements(client, player, {
      settings: () => settingsRef.current!,
      zones: () => zonesRef.current ?? [],
      hubNow: () => {
        followHubClock();
        return hubClock.now();
      },
    });
    const unfollow = client.subscribe(followHubClock);
    const revoked = (notice: { code: string }) => {
      if (notice.code === 'device_revoked') onRefused?.();
    };
    const changed = (): void => setBuildingVersion((n) => n + 1);
    const unlisten = [client.on('hub:notice', revoked), client.on('building:changed', changed)];
    return () => {
      unlisten.forEach((off) => off());
      unfollow();
      stop();
      client.close();
    };
  }, [client, token, onRefused]);

  if (!token) return <Notice title={t('noToken')} detail={t('noTokenHint')} />;
  if (!board || !client || !clock.current) {
    const detail = failure ? errorText(failure.code, language) : '';
    return <Notice title={failure ? t('refused') : t('loadingBoard')} detail={detail} />;
  }
  return <ConnectedBoard client={client} board={board} clock={clock.current} language={language} />;
}

function ConnectedBoard(props: {
  client: HubClient;
  board: DisplayBoard;
  clock: HubClock;
  language: Language;
}) {
  const { state, connection } = useHub(props.client);
  const unlocked = useSyncExternalStore(player.onUnlockChange, () => player.unlocked);
  const [waitingByAgency, setWaiting] = useState<ReadonlyMap<string, number>>(new Map());
  useEffect(() => watchWaiting(HUB_URL, props.client, setWaiting), [props.client]);
  return (
    <Board
      board={props.board}
      calls={state.calls}
      counters={state.counters}
      waitingByAgency={waitingByAgency}
      online={connection === 'online'}
      now={props.clock.now}
      language={props.language}
      soundLocked={props.board.settings.voice && !unlocked}
      onUnlockSound={() => void player.unlock()}
    />
  );
}

function Notice({ title, detail }: { title: string; detail: string }) {
  return (
    <main className="notice">
      <h1>{title}</h1>
      {detail && <p>{detail}</p>}
    </main>
  );
}
