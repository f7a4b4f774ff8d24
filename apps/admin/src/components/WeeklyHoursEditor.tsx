import type { DayHours, Weekday, WeeklyHours } from '@antre/domain';
import type { FieldErrors } from '@antre/ui';
import { ClockInput } from './ClockInput';
import { fieldMessage, pageLanguage } from '../field-messages';
import type { Translate } from '../messages';

// Monday first, as an Indonesian week is read.
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const NEW_DAY: DayHours = { open: '08:00', close: '16:00' };

/** Open/close per weekday or closed; `errors` are keyed as the hub names them (`mon.close`). */
export function WeeklyHoursEditor(props: {
  t: Translate;
  hours: WeeklyHours;
  onChange: (next: WeeklyHours) => void;
  errors: FieldErrors;
}) {
  const { t, hours, errors } = props;
  const setDay = (day: Weekday, value: DayHours | null) =>
    props.onChange({ ...hours, [day]: value });
  return (
    <table className="hours-table">
      <tbody>
        {DAYS.map((day) => {
          const value = hours[day] ?? null;
          const error = errors[`${day}.open`] ?? errors[`${day}.close`] ?? errors[day];
          const name = t(day);
          return (
            <tr key={day} className={error ? 'bad' : undefined} data-testid={`hours-${day}`}>
              <th scope="row">{name}</th>
              <td>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={value !== null}
                    aria-label={t('openOn', { day: name })}
                    onChange={(e) => setDay(day, e.target.checked ? NEW_DAY : null)}
                  />
                  {value ? t('opens') : t('closedDay')}
                </label>
              </td>
              {value ? (
                <td className="times">
                  <ClockInput
                    label={t('opensAt', { day: name })}
                    invalid={!!error}
                    value={value.open}
                    onChange={(open) => setDay(day, { ...value, open })}
                  />
                  <span aria-hidden="true">–</span>
                  <ClockInput
                    label={t('closesAt', { day: name })}
                    invalid={!!error}
                    value={value.close}
                    onChange={(close) => setDay(day, { ...value, close })}
                  />
                </td>
              ) : (
                <td className="times muted">—</td>
              )}
              <td className="hours-error">
                {error && (
                  <span className="field-error" role="alert">
                    {fieldMessage(error, pageLanguage())}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
