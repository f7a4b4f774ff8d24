import { useEffect, useRef } from 'react';

/** Calls `onIdle` after `ms` without a touch, a click or a key; `key` restarts the count. */
export function useIdle(ms: number, onIdle: () => void, enabled: boolean, key: unknown): void {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    if (!enabled) return;
    let timer = window.setTimeout(() => latest.current(), ms);
    const restart = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current(), ms);
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'scroll'] as const;
    for (const e of events) window.addEventListener(e, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, restart, { capture: true });
    };
  }, [ms, enabled, key]);
}
