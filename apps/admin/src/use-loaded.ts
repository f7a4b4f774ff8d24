import type { Result } from '@antre/protocol';
import { useEffect, useState } from 'react';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T; at: number }
  | { state: 'failed'; code: string };

/**
 * Loads once per change of `key`, and again every `refreshMs` if given. A 401 goes to
 * `onUnauthorized` (the session ended); other errors are shown where the data would be.
 */
export function useLoaded<T>(
  load: () => Promise<Result<T>>,
  key: string,
  onUnauthorized: () => void,
  refreshMs?: number,
): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    const run = async (): Promise<void> => {
      const result = await load();
      if (!live) return;
      if (result.ok) setLoaded({ state: 'ready', value: result.value, at: Date.now() });
      else if (result.error.code === 'unauthorized') onUnauthorized();
      else
        setLoaded((before) =>
          before.state === 'ready' ? before : { state: 'failed', code: result.error.code },
        );
    };
    void run();
    const timer = refreshMs ? setInterval(() => void run(), refreshMs) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [key]);
  return loaded;
}
