import type { Holiday } from '@antre/domain';
import type { FieldErrors } from '@antre/ui';
import { fieldMessage, pageLanguage } from '../field-messages';
import type { Translate } from '../messages';

/** Holidays by date; the page sorts them before saving so the hub's indexes match the rows. */
export function HolidayList(props: {
  t: Translate;
  holidays: Holiday[];
  onChange: (next: Holiday[]) => void;
  errors: FieldErrors;
}) {
  const { t, holidays, errors } = props;
  const set = (i: number, patch: Partial<Holiday>) =>
    props.onChange(holidays.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  return (
    <div className="holidays" data-testid="holidays">
      {holidays.length === 0 && <p className="muted">{t('noHolidays')}</p>}
      <ul>
        {holidays.map((h, i) => {
          const error = errors[`${i}.date`] ?? errors[`${i}.name`] ?? errors[String(i)];
          const label = h.name || h.date || String(i + 1);
          return (
            <li key={i} className={error ? 'bad' : undefined}>
              <input
                type="date"
                aria-label={t('holidayDate')}
                aria-invalid={!!errors[`${i}.date`]}
                value={h.date}
                onChange={(e) => set(i, { date: e.target.value })}
              />
              {/* A long name wraps onto a second line instead of being cut off. */}
              <textarea
                rows={1}
                aria-label={t('holidayName')}
                aria-invalid={!!errors[`${i}.name`]}
                value={h.name}
                onChange={(e) => set(i, { name: e.target.value.replace(/\s*\n\s*/g, ' ') })}
              />
              <button
                type="button"
                className="link danger"
                aria-label={t('removeHoliday', { name: label })}
                onClick={() => props.onChange(holidays.filter((_, j) => j !== i))}
              >
                {t('delete')}
              </button>
              {error && (
                <span className="field-error" role="alert">
                  {fieldMessage(error, pageLanguage())}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="secondary"
        onClick={() => props.onChange([...holidays, { date: '', name: '' }])}
      >
        {t('addHoliday')}
      </button>
    </div>
  );
}

/** Oldest first; undated rows stay last so the admin sees what is still missing. */
export const sortedHolidays = (holidays: Holiday[]): Holiday[] =>
  [...holidays].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));
