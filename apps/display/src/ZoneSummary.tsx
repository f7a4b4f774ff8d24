import type { Language } from '@antre/ui';
import type { CSSProperties } from 'react';
import type { AgencyWaiting, ZoneCounter } from './board-view';
import { FitText } from './FitText';
import { translate } from './messages';

const grid = (count: number, perColumn: number): CSSProperties => {
  const columns = Math.max(1, Math.min(4, Math.ceil(count / perColumn)));
  return {
    '--columns': columns,
    '--rows': Math.max(4, Math.ceil(count / columns)),
  } as CSSProperties;
};

/**
 * An idle board's other half: what each counter of its zones holds now, and how many people
 * wait for each of the zone's agencies, so a visitor sees the queue moving between calls.
 */
export function ZoneSummary({
  counters,
  waiting,
  language,
}: {
  counters: ZoneCounter[];
  waiting: AgencyWaiting[];
  language: Language;
}) {
  const t = translate(language);
  const held = (c: ZoneCounter): string =>
    c.label ??
    (c.status === 'closed'
      ? t('counterClosed')
      : c.status === 'paused'
        ? t('counterPaused')
        : t('idle'));
  return (
    <section className="zone-summary" data-testid="zone-summary">
      <h2 className="recent-title">{t('nowServing')}</h2>
      <ul className="zone-list zone-counters" style={grid(counters.length, 8)}>
        {counters.map((c) => (
          <li key={c.counterId} className="zone-row" data-testid={`serving-${c.counterId}`}>
            <FitText
              className="zone-counter"
              texts={[`${t('counter')} ${c.counterNumber}`, String(c.counterNumber)]}
            />
            <FitText className={`zone-ticket${c.label ? '' : ' zone-idle'}`} texts={[held(c)]} />
          </li>
        ))}
      </ul>
      {waiting.length > 0 && (
        <>
          <h2 className="recent-title">{t('waitingTitle')}</h2>
          <ul className="zone-list zone-waiting" style={grid(waiting.length, 8)}>
            {waiting.map((a) => (
              <li key={a.agencyId} className="zone-row" data-testid={`waiting-${a.agencyId}`}>
                <FitText className="zone-agency" texts={[a.name]} />
                <FitText
                  className="zone-count"
                  texts={[t('people', { count: a.waiting }), String(a.waiting)]}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
