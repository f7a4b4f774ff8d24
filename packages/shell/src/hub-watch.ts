/**
 * On a cluster without a load balancer in front, a kiosk, counter or display shell knows the
 * URLs of its building's hub processes; one of them is active, the others are standbys
 * (docs/deploy.md). The shell shows the app of the active one, and moves to another when the
 * one it shows stops being active (dies, pauses, loses the building's lease). Time and the
 * probe are passed in, so the decisions are tested without Electron or a network.
 */
export type HubHealth = 'active' | 'standby' | 'down';

export interface HubWatchOptions {
  /** The building's hub origins, the preferred first. */
  urls: readonly string[];
  probe: (url: string) => Promise<HubHealth>;
  /** The app is to be shown from `url` from now on. */
  onMove: (url: string) => void;
  /** How often the hub shown is checked. */
  everyMs?: number;
}

export function createHubWatch(options: HubWatchOptions) {
  const { urls, probe, onMove } = options;
  let current = urls[0] ?? '';
  let timer: ReturnType<typeof setInterval> | undefined;
  let checking = false;

  /** The first active hub in the list's order, or null when none says it is. */
  async function findActive(): Promise<string | null> {
    const health = await Promise.all(urls.map((url) => probe(url).catch(() => 'down' as const)));
    return urls.find((_, i) => health[i] === 'active') ?? null;
  }

  /** Checks the hub shown; if it is not active and another is, moves there. */
  async function check(): Promise<void> {
    if (checking) return;
    checking = true;
    try {
      if ((await probe(current).catch(() => 'down' as const)) === 'active') return;
      const active = await findActive();
      if (active && active !== current) {
        current = active;
        onMove(active);
      }
    } finally {
      checking = false;
    }
  }

  return {
    get current(): string {
      return current;
    },
    /** At start: the active hub if one answers, else the first (the page retries by itself). */
    async choose(): Promise<string> {
      if (urls.length > 1) current = (await findActive()) ?? current;
      return current;
    },
    check,
    /** With one URL there is nothing to watch: the page's own reconnect is enough. */
    start(): void {
      if (urls.length < 2 || timer) return;
      timer = setInterval(() => void check(), options.everyMs ?? 2_000);
      timer.unref?.();
    },
    stop(): void {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

/**
 * GET /api/health: 200 is an active hub (a hub on its own SQLite file always is), 503 with
 * `role: "standby"` a standby; no answer within `timeoutMs` is down.
 */
export async function probeHubHealth(
  url: string,
  fetchFn: typeof fetch = fetch,
  timeoutMs = 1_500,
): Promise<HubHealth> {
  try {
    const response = await fetchFn(new URL('/api/health', url), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as { role?: unknown };
    if (response.ok && body.role !== 'standby') return 'active';
    return body.role === 'standby' ? 'standby' : 'down';
  } catch {
    return 'down';
  }
}
