import type { RefObject } from 'react';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { RecentLayout } from './recent-layout';

const STEP = 0.95;
const SMALLEST_SCALE = 0.3;
// A row's font below this share of the screen's height (a number under 1.6%) is too small to
// read across a waiting room: the next layout is tried, whatever the row's share of its size.
const READABLE = 0.014;

interface Fit {
  key: string;
  index: number;
  scale: number;
}

/**
 * The first of `layouts` whose rows fit the list at a size it deems enough (and readable), with the scale
 * its font needs so every row's parts lie whole inside the row. Each step is measured before
 * the browser paints, so no cut row is ever seen; new calls or a new size start over.
 */
export function useFittedLayout(
  list: RefObject<HTMLElement | null>,
  layouts: readonly RecentLayout[],
  key: string,
): { layout: RecentLayout; scale: number } {
  const [fit, setFit] = useState<Fit>({ key, index: 0, scale: 1 });
  const current = fit.key === key ? fit : { key, index: 0, scale: 1 };
  const index = Math.min(current.index, layouts.length - 1);

  useLayoutEffect(() => {
    const element = list.current;
    const over = element ? overreach(element) : 1;
    if (over <= 1) {
      if (current !== fit) setFit(current);
      return;
    }
    const scale = Math.min(current.scale * STEP, current.scale / over);
    const font = element ? rowFont(element) * (scale / current.scale) : 0;
    const tooSmall = scale < layouts[index]!.enough || font < READABLE * window.innerHeight;
    if (tooSmall && index < layouts.length - 1) setFit({ key, index: index + 1, scale: 1 });
    else if (current.scale > SMALLEST_SCALE)
      setFit({ ...current, scale: Math.max(SMALLEST_SCALE, scale) });
    else if (current !== fit) setFit(current);
  });

  // The list's box is set by the board, not by its rows: a new box is a new start.
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    let size = '';
    const again = (): void => setFit((old) => ({ ...old, index: 0, scale: 1 }));
    const observer = new ResizeObserver(() => {
      const now = `${element.clientWidth}x${element.clientHeight}`;
      if (size !== '' && now !== size) again();
      size = now;
    });
    observer.observe(element);
    document.fonts.addEventListener('loadingdone', again);
    return () => {
      observer.disconnect();
      document.fonts.removeEventListener('loadingdone', again);
    };
  }, [list]);

  return { layout: layouts[index]!, scale: current.scale };
}

/**
 * How far the worst row reaches past its room (1 or less when all fit): its parts past the
 * row's inner box, the row past the list, or a text FitText could not fit even at its smallest.
 */
function overreach(list: HTMLElement): number {
  // Rows sharing the list's columns (subgrid) widen the list itself when they do not fit.
  let worst = (list.scrollWidth - 1) / Math.max(1, list.clientWidth);
  for (const row of list.children) {
    const inner = innerBox(row);
    const parts = [...row.children].map((part) => part.getBoundingClientRect());
    if (parts.length === 0) continue;
    const wide = Math.max(...parts.map((p) => p.right)) - Math.min(...parts.map((p) => p.left));
    const tall = Math.max(...parts.map((p) => p.bottom)) - Math.min(...parts.map((p) => p.top));
    worst = Math.max(worst, (wide - 0.5) / inner.width, (tall - 0.5) / inner.height);
    for (const text of row.querySelectorAll<HTMLElement>('[data-fit="smallest"] > .fit-text'))
      worst = Math.max(worst, (text.scrollWidth - 1) / Math.max(1, text.clientWidth));
  }
  return worst;
}

function rowFont(list: HTMLElement): number {
  const row = list.firstElementChild;
  return row ? Number.parseFloat(getComputedStyle(row).fontSize) : 0;
}

function innerBox(element: Element): { width: number; height: number } {
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const px = (value: string): number => Number.parseFloat(value) || 0;
  return {
    width: Math.max(1, box.width - px(style.paddingLeft) - px(style.paddingRight)),
    height: Math.max(1, box.height - px(style.paddingTop) - px(style.paddingBottom)),
  };
}
