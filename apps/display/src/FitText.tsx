import { useEffect, useLayoutEffect, useRef, useState } from 'react';

const SMALLEST_SCALE = 0.5;
const STEP = 0.9;
// Just under the exact ratio, so rounding in the browser's measure does not need another step.
const MARGIN = 0.99;

interface Fit {
  key: string;
  index: number;
  scale: number;
  /** The box's width when the text last stepped down; a wider box tries the full text again. */
  steppedAt: number;
  /** Starts over since the texts changed: a few at most, so two boxes can never trade widths forever. */
  restarts: number;
}

const MAX_RESTARTS = 3;

const FULL = { index: 0, scale: 1, steppedAt: Number.POSITIVE_INFINITY };

/**
 * One line of text that never clips: the first of `texts` that fits its box is shown (a full
 * name, then a short one); when even the last is too wide, its font shrinks until it fits,
 * down to `smallest` of its size. Each step is measured before the browser paints, so no
 * clipped state is ever seen.
 */
export function FitText({
  texts,
  className,
  testId,
  smallest = SMALLEST_SCALE,
}: {
  texts: readonly string[];
  className?: string;
  testId?: string;
  smallest?: number;
}) {
  const ref = useRef<HTMLSpanElement>(null);
  const key = texts.join('\u0000');
  const [fit, setFit] = useState<Fit>({ key, restarts: 0, ...FULL });
  // New texts start again from the first, at full size.
  const current = fit.key === key ? fit : { key, restarts: 0, ...FULL };

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || element.scrollWidth <= element.clientWidth) {
      if (current !== fit) setFit(current);
      return;
    }
    const steppedAt = element.clientWidth;
    if (current.index < texts.length - 1)
      setFit({ ...current, index: current.index + 1, steppedAt });
    else if (current.scale > smallest) {
      const needed = (current.scale * element.clientWidth * MARGIN) / element.scrollWidth;
      setFit({
        ...current,
        scale: Math.max(smallest, Math.min(current.scale * STEP, needed)),
        steppedAt,
      });
    } else if (current !== fit) setFit(current);
  });

  // A box that grew (a resize, a list going back to one column) tries the full text again; one
  // that shrank fits again from where it is (a box sized by its text shrinks with a shorter
  // text, and must not start over). A web font arriving late changes widths too.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const restart = (old: Fit): Fit =>
      old.restarts < MAX_RESTARTS ? { ...old, ...FULL, restarts: old.restarts + 1 } : old;
    const resized = (): void =>
      setFit((old) => (element.clientWidth > old.steppedAt + 1 ? restart(old) : { ...old }));
    const again = (): void => setFit((old) => ({ ...old, ...FULL, restarts: 0 }));
    const observer = new ResizeObserver(resized);
    observer.observe(element);
    window.addEventListener('resize', again);
    document.fonts.addEventListener('loadingdone', again);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', again);
      document.fonts.removeEventListener('loadingdone', again);
    };
  }, []);

  return (
    // The outer box takes the class's size; the inner one scales from it. "smallest" tells a
    // list that fits its rows (fitted-layout.ts) that this text needs a smaller row.
    <span
      className={className}
      data-testid={testId}
      data-fit={current.scale <= smallest ? 'smallest' : undefined}
    >
      <span
        ref={ref}
        className="fit-text"
        style={current.scale < 1 ? { fontSize: `${current.scale}em` } : undefined}
      >
        {texts[current.index] ?? ''}
      </span>
    </span>
  );
}
