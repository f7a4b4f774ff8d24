import type { SummaryReport } from '@antre/protocol';
import type { Translate } from '../messages';

// Monday first, as the working week is read; the report numbers days 0 = Sunday.
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

/** Arrivals by weekday × hour as shaded cells; the hours span the ones with arrivals. */
export function HeatMap(props: { t: Translate; cells: SummaryReport['heatmap'] }) {
  const { t } = props;
  const names = t('weekdays').split(',');
  const busy = props.cells.filter((c) => c.arrivals > 0);
  const first = Math.min(7, ...busy.map((c) => c.hour));
  const last = Math.max(16, ...busy.map((c) => c.hour));
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const max = Math.max(1, ...busy.map((c) => c.arrivals));
  const count = (day: number, hour: number): number =>
    props.cells.find((c) => c.weekday === day && c.hour === hour)?.arrivals ?? 0;
  return (
    <div className="heatmap-wrap">
      <table className="heatmap" data-testid="heatmap">
        <thead>
          <tr>
            <th />
            {hours.map((h) => (
              <th key={h}>{String(h).padStart(2, '0')}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day) => (
            <tr key={day}>
              <th>{names[day]}</th>
              {hours.map((hour) => {
                const n = count(day, hour);
                // A square-root scale keeps a few arrivals visible next to a rush hour.
                const level = n === 0 ? 0 : 0.15 + 0.85 * Math.sqrt(n / max);
                return (
                  <td
                    key={hour}
                    title={t('heatmapCell', { day: names[day] ?? '', hour: `${hour}.00`, n })}
                    style={{ background: n ? `rgba(11, 92, 173, ${level.toFixed(2)})` : undefined }}
                    className={level > 0.55 ? 'dark' : undefined}
                  >
                    {n || ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('heatmapHint')}</p>
    </div>
  );
}
