import type { CallView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { translator } from '@antre/ui';
import type { CSSProperties } from 'react';
import { useEffect, useState } from 'react';
import { FitText } from './FitText';
import { MESSAGES } from './messages';

// Up to 8 calls read as one tall column; more are laid out in up to 4 columns of 9 (2 where
// each call also names its zone, which needs the width). A portrait board has the list below
// the latest call, in a third of the height: 4 rows of 2 there, or lines would be too small
// to read across a waiting room.
const ROWS_PER_COLUMN = 9;
const PORTRAIT_ROWS = 4;
const columnsFor = (count: number, most: number, rowsPerColumn: number): number =>
  count <= Math.min(8, rowsPerColumn) ? 1 : Math.min(most, Math.ceil(count / rowsPerColumn));

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
 * Earlier calls. Number, counter and agency always show whole: one line in a single column,
 * two lines (number and counter, then the agency) when the list needs several columns; a
 * counter or agency too wide for its box takes its shorter form, then a smaller font.
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
  const t = translator(MESSAGES, language);
  const portrait = usePortrait();
  if (calls.length === 0) return null;
  const rowsPerColumn = portrait ? PORTRAIT_ROWS : ROWS_PER_COLUMN;
  const columns = columnsFor(calls.length, twoLines || portrait ? 2 : 4, rowsPerColumn);
  // A long history shows its newest calls only: rows never go past 9, so a line keeps about the size
  // it has on a quieter board (its font follows the list's height over the rows) rather than
  // shrinking until no one across the room can read it.
  const shown = calls.slice(0, columns * rowsPerColumn);
  // Several columns always have their full rows: a line's size does not jump as the list fills up.
  const rows = columns > 1 || portrait ? rowsPerColumn : Math.max(5, shown.length);
  const stacked = columns > 1 || twoLines;
  const style = { '--columns': columns, '--rows': rows } as CSSProperties;
  return (
    <section className="recent" aria-label={t('recent')}>
      <h2 className="recent-title">{t('recent')}</h2>
      <ol
        className={`recent-list${stacked ? ' recent-stacked' : ''}`}
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
            <FitText
              className="recent-counter"
              texts={[`${t('counter')} ${call.counterNumber}`, `→ ${call.counterNumber}`]}
            />
            <FitText className="recent-agency" texts={agencyText(call)} />
          </li>
        ))}
      </ol>
    </section>
  );
}
