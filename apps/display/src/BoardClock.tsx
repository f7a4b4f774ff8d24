import type { TimezoneCode } from '@antre/domain';
import type { Language } from '@antre/ui';
import { formatDate, formatTime } from '@antre/ui';
import { useEffect, useState } from 'react';

/** "09.41" and "Senin, 23 November 2026" in the site's timezone, by the hub's clock. */
export function BoardClock(props: {
  now: () => number;
  timezone: TimezoneCode;
  language: Language;
}) {
  const [at, setAt] = useState(props.now);
  useEffect(() => {
    const timer = setInterval(() => setAt(props.now()), 1_000);
    return () => clearInterval(timer);
  }, [props.now]);
  return (
    <div className="board-clock">
      <span className="board-time">
        {formatTime(at, props.timezone, props.language)} <small>{props.timezone}</small>
      </span>
      <span className="board-date">{formatDate(at, props.timezone, props.language)}</span>
    </div>
  );
}
