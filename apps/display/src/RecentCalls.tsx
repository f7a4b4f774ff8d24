import type { CallView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import type { CSSProperties } from 'react';
import { useEffect, useRef, useState } from 'react';
import { FitText } from './FitText';
import { useFittedLayout } from './fitted-layout';
import { translate } from './messages';
import { ONE_LINE_SIZE, recentLayouts, rowsOf, rowsPerColumn, STACKED_SIZE } from './recent-layout';

const AGENCY_SMALLEST = 0.2;
const PORTRAIT = '(orientation: portrait)';
function usePortrait(): boolean {
  const [portrait, setPortrait] = useState(() => window.matchMedia(PORTRAIT).matches);
  useEffect(() => {
    const query = window.matchMedia(PORTRAIT);
    const follow = () => setPortrait(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return portrait;
}

/**
 * Earlier calls. Number, counter and agency always show whole, never shortened but for the
 * agency's short forms: one line in a single column, two lines (number and counter, then the
 * agency) when the list needs several columns or one line would be too small; the font of
 * all rows shrinks until the widest fits (recent-layout.ts, fitted-layout.ts).
 */
export function RecentCalls({
  calls,
  agencyText,
  twoLines,
  language,
}: {
  calls: readonly CallView[];
  /** The agency's short name, with the zone's short name on a board of several zones; shorter forms after. */
  agencyText: (call: CallView) => string[];
  /** Agency on a line of its own even in one column (a board of several zones adds the zone). */
  twoLines: boolean;
  language: Language;
}) {
  const t = translate(language);
  const portrait = usePortrait();
  const list = useRef<HTMLOListElement>(null);
  const layouts = recentLayouts(calls.length, portrait, twoLines);
  const key = [
    language,
    portrait,
    ...calls.map((c) => `${c.eventId}:${c.counterNumber}:${agencyText(c).join('|')}`),
  ].join('\u0000');
  const { layout, scale } = useFittedLayout(list, layouts, key);
  if (calls.length === 0) return null;
  // A long history shows its newest calls only: rows never go past 9, so a line keeps about the size
  // it has on a quieter board (its font follows the list's height over the rows) rather than
  // shrinking until no one across the room can read it.
  const shown = calls.slice(0, layout.columns * rowsPerColumn(portrait));
  const style = {
    '--columns': layout.columns,
    '--rows': rowsOf(layout, shown.length, portrait),
    '--line': layout.stacked ? STACKED_SIZE : ONE_LINE_SIZE,
    '--fit': scale,
  } as CSSProperties;
  return (
    <section className="recent" aria-label={t('recent')}>
      <h2 className="recent-title">{t('recent')}</h2>
      <ol
        ref={list}
        className={`recent-list ${layout.stacked ? 'recent-stacked' : 'recent-one-line'}`}
        style={style}
        data-testid="recent-list"
      >
        {shown.map((call) => (
          <li key={call.eventId} className="recent-item" data-testid="recent-item">
            <span className="recent-number">
              <span className="recent-label">{call.label}</span>
              {call.online && (
                <span className="call-online" title={t('onlineTitle')}>
                  {t('online')}
                </span>
              )}
              {call.recall && (
                <span className="recent-recall" title={t('recall')} aria-label={t('recall')}>
                  ↻
                </span>
              )}
            </span>
            <span className="recent-counter">{`${t('counter')} ${call.counterNumber}`}</span>
            {/* Fitted afresh at the list's final size; a long name shrinks further than elsewhere
                rather than be cut. */}
            <FitText
              key={`${layout.columns}:${layout.stacked}:${scale}`}
              className="recent-agency"
              texts={agencyText(call)}
              smallest={AGENCY_SMALLEST}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
