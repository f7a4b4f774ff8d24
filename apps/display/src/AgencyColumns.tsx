import type { Language } from '@antre/ui';
import type { AgencyColumn } from './board-view';
import { translate } from './messages';

/** "Sedang dilayani" per agency: what each of its counters holds now. */
export function AgencyColumns({
  columns,
  language,
}: {
  columns: AgencyColumn[];
  language: Language;
}) {
  const t = translate(language);
  return (
    <section className="agencies" aria-label={t('nowServing')}>
      {columns.map((column) => (
        <div key={column.agencyId} className="agency" data-testid={`agency-${column.agencyId}`}>
          {/* A long short name wraps to a second line rather than lose its end. */}
          <h2 className="agency-name">{column.name}</h2>
          <p className="agency-caption">{t('nowServing')}</p>
          <ul className="agency-counters">
            {column.counters.map((c) => (
              <li key={c.counterId}>
                <span className="agency-counter">
                  {t('counter')} {c.counterNumber}
                </span>
                <span className={`agency-ticket${c.label ? '' : ' agency-idle'}`}>
                  {c.label ?? t('idle')}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
