import { useEffect, useRef } from 'react';

/** Calls `onIdle` after `ms` without a touch or a key while `active`; `key` restarts it. */
export function useIdleReturn(ms: number, active: boolean, onIdle: () => void, key: unknown) {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => latest.current(), ms);
    const restart = (): void => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => latest.current(), ms);
    };
    const events = ['pointerdown', 'keydown', 'scroll'] as const;
    for (const e of events) window.addEventListener(e, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, restart, { capture: true });
    };
  }, [ms, active, key]);
}
