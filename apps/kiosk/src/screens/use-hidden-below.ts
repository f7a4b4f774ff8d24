import type { RefObject } from 'react';
import { useEffect, useState } from 'react';

/**
 * The headings inside a scrolling box that are still below its visible part, so the screen
 * can say what more follows ("Biaya / tarif" below the fold of a landscape kiosk).
 */
export function useHiddenBelow(scroller: RefObject<HTMLElement | null>, watch: unknown): string[] {
  const [hidden, setHidden] = useState<string[]>([]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = (): void => {
      const bottom = el.getBoundingClientRect().bottom;
      const names = [...el.querySelectorAll('h2')]
        .filter((h) => h.getBoundingClientRect().bottom > bottom + 1)
        .map((h) => h.textContent ?? '');
      setHidden((before) => (before.join('\n') === names.join('\n') ? before : names));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [scroller, watch]);
  return hidden;
}
