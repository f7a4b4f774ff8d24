import type { RefObject } from 'react';
import { useEffect, useState } from 'react';

interface Props {
  target: RefObject<HTMLElement | null>;
  up: string;
  down: string;
  /** Changes when the content changes (a new screen), to measure again. */
  watch: unknown;
}

/** Shows "up"/"down" buttons only while the area holds more than fits. */
export function PageButtons({ target, up, down, watch }: Props) {
  const [room, setRoom] = useState({ above: false, below: false });
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    // The room the buttons add below the content (kiosk.css) is not content: counted, it would
    // keep them shown after the content has shrunk to fit.
    const contentEnd = (): number => {
      const pad = parseFloat(getComputedStyle(el).paddingTop);
      const content = el.firstElementChild as HTMLElement | null;
      return Math.min(el.scrollHeight, (content?.offsetHeight ?? 0) + 2 * pad);
    };
    const measure = (): void =>
      setRoom({
        above: el.scrollTop > 4,
        below: el.scrollTop + el.clientHeight < contentEnd() - 4,
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, [target, watch]);

  const page = (direction: 1 | -1): void =>
    target.current?.scrollBy({
      top: direction * target.current.clientHeight * 0.75,
      behavior: 'smooth',
    });
  if (!room.above && !room.below) return null;
  return (
    <div className="page-buttons">
      {room.above ? (
        <button type="button" className="page-button" onClick={() => page(-1)}>
          <span aria-hidden="true">▲</span> {up}
        </button>
      ) : null}
      {room.below ? (
        <button type="button" className="page-button" onClick={() => page(1)}>
          <span aria-hidden="true">▼</span> {down}
        </button>
      ) : null}
    </div>
  );
}
