import type { Building, DayHours, Weekday, WeeklyHours } from '@antre/domain';
import { buildingLink } from '../building/building-links';
import type { Translate } from '../messages';

const FOLD_AFTER = 6;
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const span = (hours: DayHours | null | undefined): string =>
  hours ? `${hours.open}–${hours.close}` : '';

/** "Senin–Kamis 08:00–14:00 · Jumat 08:00–11:00 · Sabtu–Minggu libur": runs of equal days. */
export function hoursSummary(hours: WeeklyHours, t: Translate): string {
  const runs: { from: Weekday; to: Weekday; text: string }[] = [];
  for (const day of DAYS) {
    const text = span(hours[day]) || t('closedDay').toLowerCase();
    const last = runs.at(-1);
    if (last && last.text === text) last.to = day;
    else runs.push({ from: day, to: day, text });
  }
  return runs
    .map((r) => `${r.from === r.to ? t(r.from) : `${t(r.from)}–${t(r.to)}`} ${r.text}`)
    .join(' · ');
}

/**
 * Agencies' services whose own hours replace the building's: a change to the building's
 * hours does not reach them, so the admin sees them here and can open each.
 */
export function HoursOverrides(props: { building: Building; t: Translate }) {
  const { building, t } = props;
  const own = building.services.filter((s) => s.hours !== null);
  const agencies = building.agencies.filter((a) => own.some((s) => s.agencyId === a.id));
  return (
    <section aria-labelledby="overrides-title" data-testid="hours-overrides">
      <h3 id="overrides-title">{t('overridesTitle')}</h3>
      {agencies.length === 0 ? (
        <p className="muted">{t('overridesNone')}</p>
      ) : (
        // A building where most services keep their own hours gets a long list: folded then.
        <details open={own.length <= FOLD_AFTER}>
          <summary>
            {t('overridesCount', { services: own.length, agencies: agencies.length })}
          </summary>
          <p className="muted">{t('overridesHint')}</p>
          <ul className="overrides">
            {agencies.map((agency) => (
              <li key={agency.id}>
                <a href={buildingLink('agencies', agency.id)}>{agency.name}</a>
                <ul>
                  {own
                    .filter((s) => s.agencyId === agency.id)
                    .map((service) => (
                      <li key={service.id}>
                        <a href={buildingLink('services', service.id)}>{service.name}</a>
                        <span className="muted"> — {hoursSummary(service.hours ?? {}, t)}</span>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
