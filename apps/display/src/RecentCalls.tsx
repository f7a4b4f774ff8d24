import type { CallView } from '@antre/protocol';
import type { Language } from '@antre/ui';
import { translator } from '@antre/ui';
import type { CSSProperties } from 'react';
import { MESSAGES } from './messages';

// Up to 8 calls read as one tall column; more are laid out in up to 4 columns of 10.
const columnsFor = (count: number): number => (count <= 8 ? 1 : Math.min(4, Math.ceil(count / 10)));

export function RecentCalls({
  calls,
  language,
}: {
  calls: readonly CallView[];
  language: Language;
}) {
  const t = translator(MESSAGES, language);
  if (calls.length === 0) return <section className="recent recent-empty" aria-hidden="true" />;
  const columns = columnsFor(calls.length);
  const rows = Math.max(5, Math.ceil(calls.length / columns));
  const dense = columns >= 3;
  const style = { '--columns': columns, '--rows': rows } as CSSProperties;
  return (
    <section className="recent" aria-label={t('recent')}>
      <h2 className="recent-title">{t('recent')}</h2>
      <ol
        className={`recent-list${dense ? ' recent-dense' : ''}`}
        style={style}
        data-testid="recent-list"
      >
        {calls.map((call) => (
          <li key={call.eventId} className="recent-item">
            <span className="recent-number">{call.label}</span>
            <span className="recent-counter">
              {/* Dense columns keep the counter's number and drop the word. */}
              {dense ? `→ ${call.counterNumber}` : `${t('counter')} ${call.counterNumber}`}
            </span>
            {columns <= 2 && <span className="recent-agency">{call.agencyName}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
