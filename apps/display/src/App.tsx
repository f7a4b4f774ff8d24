import type { HubClient } from '@antre/client';
import { createHubClient } from '@antre/client';
import type { ApiError, DisplayBoard } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { errorText, translator, useHub } from '@antre/ui';
import { createClipPlayer } from '@antre/voice';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { startAnnouncements } from './announcements';
import { fetchBoard } from './board-api';
import { Board } from './Board';
import type { HubClock } from './hub-clock';
import { createHubClock } from './hub-clock';
import { MESSAGES } from './messages';
import { setSpeaking } from './speaking';
import { watchWaiting } from './waiting-counts';

const HUB_URL = window.location.origin;
const RETRY_MS = 5_000;
const REFRESH_MS = 5 * 60_000;

const player = createClipPlayer({ baseUrl: `${HUB_URL}/api/audio`, onSpeaking: setSpeaking });

declare global {
  interface Window {
    /** For tests: drop and restore this board's connection as a network fault would. */
    __antreBoard?: { disconnect: () => void; reconnect: () => void; soundUnlocked: () => boolean };
  }
}

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
  const t = translator(MESSAGES, language);

  // Load the board's settings and the hub's clock; retry while the hub is unreachable.
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
    if (!client || !token) return;
    window.__antreBoard = {
      disconnect: () => client.socket.disconnect(),
      reconnect: () => client.socket.connect(),
      soundUnlocked: () => player.unlocked,
    };
    const stop = startAnnouncements(client, player, {
      settings: () => settingsRef.current!,
      zones: () => zonesRef.current ?? [],
      hubNow: async () => {
        const result = await fetchBoard(HUB_URL, token);
        if (result.ok && clock.current) clock.current.offsetMs = result.value.clockOffsetMs;
        return clock.current!.now();
      },
    });
    const revoked = (notice: { code: string }) => {
      if (notice.code === 'device_revoked') onRefused?.();
    };
    const changed = (): void => setBuildingVersion((n) => n + 1);
    client.socket.on('hub:notice', revoked);
    client.socket.on('building:changed', changed);
    return () => {
      client.socket.off('hub:notice', revoked);
      client.socket.off('building:changed', changed);
      stop();
      client.close();
    };
  }, [client, token, onRefused]);

  if (!token) return <Notice title={t('noToken')} detail={t('noTokenHint')} />;
  if (!board || !client || !clock.current) {
    const detail = failure ? errorText(failure.code, language) : '';
    return <Notice title={failure ? t('refused') : t('loading')} detail={detail} />;
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
